import { infoField, RespError, type RespValue, rawCommand } from './rawCommand.ts';

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

/** What INFO replication says about a server's place in replication. */
export interface ReplicationState {
  /** `master` or `slave` (Redis's word in INFO). */
  role: string;
  /** For a replica: the port it replicates from (a proxy's, when the link goes through one). */
  masterPort?: number;
  /** For a replica: whether its link to that port is up. */
  linkUp: boolean;
}

export async function replicationState(port: number, timeoutMs = 1000): Promise<ReplicationState> {
  const reply = await rawCommand(port, ['INFO', 'replication'], timeoutMs);
  if (typeof reply !== 'string') throw new Error(`INFO replication on port ${port} answered ${JSON.stringify(reply)}`);
  const fields = infoFields(reply);
  const masterPort = fields.get('master_port');
  return {
    role: fields.get('role') ?? '',
    ...(masterPort === undefined ? {} : { masterPort: Number(masterPort) }),
    linkUp: fields.get('master_link_status') === 'up',
  };
}

/** How Sentinel sees one master it monitors (SENTINEL MASTER). */
export interface SentinelMasterState {
  port: number;
  /** `master` when all is well; e.g. `s_down,master` or `master,failover_in_progress` when not. */
  flags: string;
  downAfterMs: number;
  failoverTimeoutMs: number;
}

/** Undefined when Sentinel monitors no master of that name. */
export async function sentinelMasterState(sentinelPort: number, masterName: string): Promise<SentinelMasterState | undefined> {
  const reply = await rawCommand(sentinelPort, ['SENTINEL', 'MASTER', masterName]);
  if (reply instanceof RespError && /no such master/i.test(reply.message)) return undefined;
  const fields = pairs(reply);
  if (fields === undefined) throw new Error(`SENTINEL MASTER ${masterName} answered ${describeReply(reply)}`);
  return {
    port: Number(fields.get('port')),
    flags: fields.get('flags') ?? '',
    downAfterMs: Number(fields.get('down-after-milliseconds')),
    failoverTimeoutMs: Number(fields.get('failover-timeout')),
  };
}

/** The replicas Sentinel knows for `masterName`: their own listening ports and flags (`slave` when healthy). */
export async function sentinelReplicas(sentinelPort: number, masterName: string): Promise<Array<{ port: number; flags: string }>> {
  const reply = await rawCommand(sentinelPort, ['SENTINEL', 'REPLICAS', masterName]);
  if (!Array.isArray(reply)) throw new Error(`SENTINEL REPLICAS ${masterName} answered ${describeReply(reply)}`);
  return reply.flatMap((entry) => {
    const fields = pairs(entry);
    return fields === undefined ? [] : [{ port: Number(fields.get('port')), flags: fields.get('flags') ?? '' }];
  });
}

/** `name:value` lines of an INFO reply. */
function infoFields(info: string): Map<string, string> {
  const fields = new Map<string, string>();
  for (const line of info.split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon > 0 && !line.startsWith('#')) fields.set(line.slice(0, colon), line.slice(colon + 1));
  }
  return fields;
}

/** A flat [name, value, name, value, ...] reply as a map. */
function pairs(reply: RespValue): Map<string, string> | undefined {
  if (!Array.isArray(reply)) return undefined;
  const fields = new Map<string, string>();
  for (let i = 0; i + 1 < reply.length; i += 2) {
    const [name, value] = [reply[i], reply[i + 1]];
    if (typeof name === 'string' && typeof value === 'string') fields.set(name, value);
  }
  return fields;
}

function describeReply(reply: RespValue): string {
  return reply instanceof RespError ? reply.message : JSON.stringify(reply);
}
