import type { Fencing, Persistence, Scenario } from '../../sim/model/scenario.ts';

/**
 * The one-thing changes a what-if fork offers, as pure edits of a scenario, and a sentence
 * for the difference between the original and the fork (what the comparison is about).
 */
export function withFencingMode(s: Scenario, fencing: Fencing): Scenario {
  return { ...s, fencing };
}

/** Every node's persistence (the S7 question: what if the nodes fsynced every write?). */
export function withPersistenceAll(s: Scenario, persistence: Persistence): Scenario {
  return { ...s, nodes: s.nodes.map((n) => ({ ...n, persistence })) };
}

export function withoutTimelineEntry(s: Scenario, i: number): Scenario {
  if (s.timeline[i] === undefined) throw new Error(`no timeline entry ${i}`);
  return { ...s, timeline: s.timeline.filter((_, j) => j !== i) };
}

/** A process's clock rate (drift): 1 is a true clock. */
export function withClockRate(s: Scenario, process: string, rate: number): Scenario {
  const node = s.nodes.some((n) => n.id === process);
  const client = s.clients.some((c) => c.id === process);
  if (!node && !client) throw new Error(`no process ${process}`);
  return {
    ...s,
    nodes: s.nodes.map((n) => (n.id === process ? { ...n, clock: { ...n.clock, rate } } : n)),
    clients: s.clients.map((c) => (c.id === process ? { ...c, clock: { ...c.clock, rate } } : c)),
  };
}

/** What differs between the two scenarios, in words ("fencing: none → token"); empty when nothing does. */
export function differences(a: Scenario, b: Scenario): string[] {
  const out: string[] = [];
  if (a.fencing !== b.fencing) out.push(`fencing: ${a.fencing} → ${b.fencing}`);
  if (a.seed !== b.seed) out.push(`seed: ${a.seed} → ${b.seed}`);
  for (const n of b.nodes) {
    const before = a.nodes.find((x) => x.id === n.id);
    if (before === undefined) continue;
    if (before.persistence !== n.persistence) out.push(`${n.id} persistence: ${before.persistence} → ${n.persistence}`);
    if (before.clock.rate !== n.clock.rate) out.push(`${n.id} clock rate: ${before.clock.rate} → ${n.clock.rate}`);
  }
  for (const c of b.clients) {
    const before = a.clients.find((x) => x.id === c.id);
    if (before !== undefined && before.clock.rate !== c.clock.rate) out.push(`${c.id} clock rate: ${before.clock.rate} → ${c.clock.rate}`);
  }
  const key = (e: Scenario['timeline'][number]) => JSON.stringify(e);
  const kept = new Set(b.timeline.map(key));
  const had = new Set(a.timeline.map(key));
  for (const e of a.timeline) if (!kept.has(key(e))) out.push(`without ${e.kind} at ${e.atMs} ms`);
  for (const e of b.timeline) if (!had.has(key(e))) out.push(`with ${e.kind} at ${e.atMs} ms`);
  return out;
}
