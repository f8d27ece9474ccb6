/**
 * The lock keys the trace says each node holds, kept from the run's own key events so the run
 * can end them when reality does: the TTL runs out, the process dies without persistence.
 */
import type { TraceEvent } from '../../src/sim/trace/events.ts';

export interface HeldKey {
  value: string;
  expireAtMs: number;
}

export class KeyBook {
  private readonly byNode = new Map<string, Map<string, HeldKey>>();

  observe(e: TraceEvent): void {
    if (e.kind === 'key-set') this.keysOf(e.node).set(e.key, { value: e.value, expireAtMs: e.expireAtMs });
    else if (e.kind === 'key-expire') {
      const held = this.keysOf(e.node).get(e.key);
      if (held !== undefined) held.expireAtMs = e.expireAtMs;
    } else if (e.kind === 'key-del') this.keysOf(e.node).delete(e.key);
  }

  get(node: string, key: string): HeldKey | undefined {
    return this.byNode.get(node)?.get(key);
  }

  keys(node: string): string[] {
    return [...this.keysOf(node).keys()];
  }

  private keysOf(node: string): Map<string, HeldKey> {
    let keys = this.byNode.get(node);
    if (keys === undefined) {
      keys = new Map();
      this.byNode.set(node, keys);
    }
    return keys;
  }
}
