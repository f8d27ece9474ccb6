import type { ProcessId } from '../model/scenario.ts';

/**
 * Active network partitions. A partition is a list of groups; two processes it lists in
 * different groups cannot exchange messages. A process it does not list is not cut off by
 * it. Several partitions can be active at once (each with its id); all must allow a message.
 */
export class Partitions {
  private active = new Map<string, Map<ProcessId, number>>();

  add(id: string, groups: readonly (readonly ProcessId[])[]): void {
    const groupOf = new Map<ProcessId, number>();
    groups.forEach((group, index) => {
      for (const pid of group) groupOf.set(pid, index);
    });
    this.active.set(id, groupOf);
  }

  /** Heals one partition, or all of them when id is null. Returns the ids healed. */
  heal(id: string | null): string[] {
    if (id === null) {
      const ids = [...this.active.keys()];
      this.active.clear();
      return ids;
    }
    return this.active.delete(id) ? [id] : [];
  }

  get size(): number {
    return this.active.size;
  }

  canReach(a: ProcessId, b: ProcessId): boolean {
    if (this.active.size === 0) return true;
    for (const groupOf of this.active.values()) {
      const ga = groupOf.get(a);
      const gb = groupOf.get(b);
      if (ga !== undefined && gb !== undefined && ga !== gb) return false;
    }
    return true;
  }
}
