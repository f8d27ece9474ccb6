import { type FailoverGroup, groupMembers } from './failoverGroups.ts';
import { LOOPBACK } from './freePort.ts';
import { nodeCommand, nodeCommandOk } from './nodeCommand.ts';
import { type NodeKind, type PrepareSpec, prepareSpecProblems } from './prepareSpec.ts';
import type { Persistence } from './redisConfig.ts';
import { replicationState, sentinelMasterState, sentinelReplicas } from './replicationStatus.ts';
import type { ServerProcess } from './serverProcess.ts';
import { RedisServer } from './startRedis.ts';
import { waitFor } from './waitFor.ts';

/** An existing server the fleet was given (Fleet.connect). */
export interface ExternalTarget {
  id: string;
  role: ServerProcess['role'];
  host: string;
  port: number;
}

/** Sentinel's settings, as the topology started it or as a run asks. */
export interface SentinelSettings {
  masterName: string;
  downAfterMs: number;
  failoverTimeoutMs: number;
}

/** What prepareFleet needs to know about the fleet. */
export interface PrepareContext {
  servers: ReadonlyMap<string, ServerProcess>;
  external: ReadonlyMap<string, ExternalTarget>;
  groups: readonly FailoverGroup[];
  /** The port replica `id` replicates from: its master's, or the proxy the replicaLink hook put there. */
  linkPort(replicaId: string): number;
  /** Sentinel `id`'s settings when the spec gives none: the topology's. */
  sentinelSettings(sentinelId: string): SentinelSettings;
}

/** How long a replica may take to resync, and Sentinel to see it again. */
const SETTLE_TIMEOUT_MS = 10_000;

/** The state a group was found in before it is restored. */
interface GroupPlan {
  group: FailoverGroup;
  /** The master and replicas have the roles and links of the topology. */
  rolesRight: boolean;
  /** Sentinels to reset (SENTINEL REMOVE, then MONITOR once the roles are right). */
  resetSentinels: string[];
}

/** See Fleet.prepare: makes the listed nodes running, fresh and empty, and their failover groups as started. */
export async function prepareFleet(ctx: PrepareContext, spec: PrepareSpec): Promise<void> {
  const kindOf = (id: string): NodeKind | undefined => {
    const server = ctx.servers.get(id);
    if (server !== undefined) return server instanceof RedisServer ? 'redis' : 'sentinel';
    return ctx.external.has(id) ? 'external' : undefined;
  };
  const hasSentinel = [...ctx.servers.values()].some((s) => s.role === 'sentinel');
  const problems = prepareSpecProblems(spec, kindOf, hasSentinel);
  if (problems.length > 0) throw new Error(`prepare: ${problems.join('; ')}`);

  const listed = new Set(spec.nodes.map((n) => n.id));
  const persistence = new Map(spec.nodes.map((n) => [n.id, n.persistence]));
  const groups = ctx.groups.filter(
    (g) => groupMembers(g).some((id) => listed.has(id)) || (spec.sentinel !== undefined && g.sentinels.length > 0),
  );
  const managed = unique([...spec.nodes.map((n) => n.id).filter((id) => ctx.servers.has(id)), ...groups.flatMap(groupMembers)]);

  await settle(managed.map((id) => readyProcess(server(ctx, id), persistence.get(id))));

  const plans = await settle(groups.map((g) => planGroup(ctx, g)));
  await settle(plans.map((p) => unhookGroup(ctx, p)));

  // A replica is emptied by its master's FLUSHALL, which replication carries to it.
  const masters = managed.filter((id) => server(ctx, id).role === 'master');
  await settle(masters.map((id) => nodeCommandOk(target(ctx, id), ['FLUSHALL'])));
  await settle(groups.flatMap((g) => g.replicas.map((id) => replicaSettled(ctx, id))));

  await settle(plans.flatMap((p) => p.group.sentinels.map((id) => sentinelSettled(ctx, p, id, spec))));

  // Not ours to flush: an external server may hold anything. Only the run's own keys go.
  const keys = spec.keys ?? [];
  const external = spec.nodes.flatMap((n) => {
    const node = ctx.external.get(n.id);
    return node === undefined || node.role === 'sentinel' ? [] : [node];
  });
  if (keys.length > 0) await settle(external.map((n) => nodeCommand(n, ['DEL', ...keys])));
}

/**
 * Running, with the asked persistence and the host's clock: a paused node is resumed, a
 * stopped one restarted; a persistence change kills and restarts it (its data is about to be
 * flushed anyway).
 */
async function readyProcess(server: ServerProcess, persistence: Persistence | undefined): Promise<void> {
  try {
    if (server instanceof RedisServer) {
      if (server.fakeClock && server.clockOffsetMs !== 0) server.setClockOffset(0);
      if (persistence !== undefined && persistence !== server.persistence) {
        await server.kill();
        await server.restart({ persistence });
        return;
      }
    }
    if (server.state === 'paused') await server.resume();
    if (server.state === 'stopped') await server.restart();
  } catch (e) {
    throw new Error(`node ${server.id}: could not get it running: ${(e as Error).message}`);
  }
}

/** Looks at the group: are the roles those of the topology, does each Sentinel watch the right master and replicas? */
async function planGroup(ctx: PrepareContext, group: FailoverGroup): Promise<GroupPlan> {
  const master = target(ctx, group.master);
  const masterState = await stateOf(master.id, master.port);
  const replicaStates = await Promise.all(group.replicas.map(async (id) => ({ id, state: await stateOf(id, target(ctx, id).port) })));
  const rolesRight =
    masterState.role === 'master' &&
    replicaStates.every(({ id, state }) => state.role === 'slave' && state.masterPort === ctx.linkPort(id));
  const replicaPorts = group.replicas.map((id) => target(ctx, id).port);
  const resetSentinels: string[] = [];
  for (const id of group.sentinels) {
    const watching = rolesRight && (await sentinelWatches(ctx, id, master.port, replicaPorts).catch(() => false));
    if (!watching) resetSentinels.push(id);
  }
  return { group, rolesRight, resetSentinels };
}

/**
 * Takes the group back to its topology after a failover or a REPLICAOF: Sentinels first stop
 * watching it (so none reacts to the role changes below), the master becomes a master, each
 * replica follows it again through its link port. CONFIG REWRITE keeps the roles in the
 * config files, where Sentinel's failover had written the old ones: a node restarted during the
 * next run must come back in its topology role.
 */
async function unhookGroup(ctx: PrepareContext, plan: GroupPlan): Promise<void> {
  const { group } = plan;
  await Promise.all(
    plan.resetSentinels.map(async (id) => {
      const { masterName } = ctx.sentinelSettings(id);
      const reply = await nodeCommand(target(ctx, id), ['SENTINEL', 'REMOVE', masterName]).catch((e: Error) => e);
      if (reply instanceof Error && !/no such master/i.test(reply.message)) throw reply;
    }),
  );
  if (plan.rolesRight) return;
  const master = target(ctx, group.master);
  if ((await stateOf(master.id, master.port)).role !== 'master') {
    await nodeCommandOk(master, ['REPLICAOF', 'NO', 'ONE']);
    await nodeCommandOk(master, ['CONFIG', 'REWRITE']);
  }
  await Promise.all(
    group.replicas.map(async (id) => {
      const replica = target(ctx, id);
      const state = await stateOf(id, replica.port);
      if (state.role === 'slave' && state.masterPort === ctx.linkPort(id)) return;
      await nodeCommandOk(replica, ['REPLICAOF', LOOPBACK, String(ctx.linkPort(id))]);
      await nodeCommandOk(replica, ['CONFIG', 'REWRITE']);
    }),
  );
}

/** The replica is linked to its master again and has received the FLUSHALL. */
async function replicaSettled(ctx: PrepareContext, id: string): Promise<void> {
  const replica = target(ctx, id);
  let last = 'no answer';
  await waitFor(
    async () => {
      const state = await replicationState(replica.port);
      const keys = await nodeCommand(replica, ['DBSIZE']);
      last = `role ${state.role}, replicating from port ${state.masterPort}, link ${state.linkUp ? 'up' : 'down'}, ${keys} key(s)`;
      return state.linkUp && state.masterPort === ctx.linkPort(id) && keys === 0;
    },
    SETTLE_TIMEOUT_MS,
    () => `node ${id}: not a linked, empty replica after ${SETTLE_TIMEOUT_MS} ms (${last})\n${server(ctx, id).logTail(10)}`,
  );
}

/**
 * Sentinel watches the master again with the run's settings and knows every replica. A reset
 * Sentinel is told to MONITOR the master now that the replicas are linked: it learns them from
 * the master's first INFO (had a replica not been linked yet, the next INFO comes 10 s later).
 */
async function sentinelSettled(ctx: PrepareContext, plan: GroupPlan, id: string, spec: PrepareSpec): Promise<void> {
  const sentinel = target(ctx, id);
  const topology = ctx.sentinelSettings(id);
  const wanted = {
    downAfterMs: spec.sentinel?.downAfterMs ?? topology.downAfterMs,
    failoverTimeoutMs: spec.sentinel?.failoverTimeoutMs ?? topology.failoverTimeoutMs,
  };
  const name = topology.masterName;
  const master = target(ctx, plan.group.master);
  if (plan.resetSentinels.includes(id)) {
    await nodeCommandOk(sentinel, ['SENTINEL', 'MONITOR', name, LOOPBACK, String(master.port), '1']);
    await nodeCommandOk(sentinel, ['SENTINEL', 'SET', name, 'parallel-syncs', '1']);
  }
  const state = await sentinelMasterState(sentinel.port, name);
  if (state?.downAfterMs !== wanted.downAfterMs || state.failoverTimeoutMs !== wanted.failoverTimeoutMs) {
    await nodeCommandOk(sentinel, [
      'SENTINEL',
      'SET',
      name,
      'down-after-milliseconds',
      String(wanted.downAfterMs),
      'failover-timeout',
      String(wanted.failoverTimeoutMs),
    ]);
  }
  const replicaPorts = plan.group.replicas.map((r) => target(ctx, r).port);
  await waitFor(
    () => sentinelWatches(ctx, id, master.port, replicaPorts),
    SETTLE_TIMEOUT_MS,
    () =>
      `node ${id}: Sentinel does not see master ${plan.group.master} with its replicas after ${SETTLE_TIMEOUT_MS} ms\n${server(ctx, id).logTail(10)}`,
  );
}

/** Sentinel `id` monitors the master on `masterPort`, healthy, and exactly these replicas, healthy. */
async function sentinelWatches(ctx: PrepareContext, id: string, masterPort: number, replicaPorts: readonly number[]): Promise<boolean> {
  const { masterName } = ctx.sentinelSettings(id);
  const port = target(ctx, id).port;
  const master = await sentinelMasterState(port, masterName);
  if (master === undefined || master.port !== masterPort || master.flags !== 'master') return false;
  const replicas = await sentinelReplicas(port, masterName);
  return replicas.length === replicaPorts.length && replicaPorts.every((p) => replicas.some((r) => r.port === p && r.flags === 'slave'));
}

async function stateOf(id: string, port: number) {
  try {
    return await replicationState(port, 2000);
  } catch (e) {
    throw new Error(`node ${id}: INFO replication failed: ${(e as Error).message}`);
  }
}

function server(ctx: PrepareContext, id: string): ServerProcess {
  const s = ctx.servers.get(id);
  if (s === undefined) throw new Error(`node ${id}: not a server this fleet started`);
  return s;
}

function target(ctx: PrepareContext, id: string): { id: string; port: number } {
  return { id, port: server(ctx, id).port };
}

/** Waits for every step; then throws one error listing each that failed. */
async function settle<T>(steps: Promise<T>[]): Promise<T[]> {
  const results = await Promise.allSettled(steps);
  const failures = results.flatMap((r) => (r.status === 'rejected' ? [(r.reason as Error).message ?? String(r.reason)] : []));
  if (failures.length > 0) throw new Error(`prepare failed:\n${failures.map((f) => `- ${f}`).join('\n')}`);
  return results.map((r) => (r as PromiseFulfilledResult<T>).value);
}

function unique(ids: string[]): string[] {
  return [...new Set(ids)];
}
