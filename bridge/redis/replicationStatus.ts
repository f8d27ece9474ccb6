import { infoField, rawCommand } from './rawCommand.ts';

/** Whether the replica on `port` has a live link to its master (INFO replication). */
export async function isReplicaLinkUp(port: number): Promise<boolean> {
  return (await infoField(port, 'replication', 'master_link_status')) === 'up';
}

/** The role a server reports now: a failover or REPLICAOF changes it under our feet. */
export async function currentRole(port: number): Promise<string | undefined> {
  return infoField(port, 'replication', 'role');
}

/** How many replicas Sentinel knows for `masterName` (it learns them from the master's INFO). */
export async function sentinelReplicaCount(sentinelPort: number, masterName: string): Promise<number> {
  const reply = await rawCommand(sentinelPort, ['INFO', 'sentinel']);
  if (typeof reply !== 'string') return 0;
  // e.g. master0:name=mymaster,status=ok,address=127.0.0.1:6379,slaves=1,sentinels=1
  const line = reply.split('\r\n').find((l) => l.includes(`name=${masterName},`));
  const match = line?.match(/,slaves=(\d+)/);
  return match?.[1] === undefined ? 0 : Number(match[1]);
}

/** The master's address as Sentinel tells clients (SENTINEL get-master-addr-by-name). */
export async function sentinelMasterAddress(sentinelPort: number, masterName: string): Promise<{ host: string; port: number } | undefined> {
  const reply = await rawCommand(sentinelPort, ['SENTINEL', 'get-master-addr-by-name', masterName]);
  if (!Array.isArray(reply) || typeof reply[0] !== 'string' || typeof reply[1] !== 'string') return undefined;
  return { host: reply[0], port: Number(reply[1]) };
}
