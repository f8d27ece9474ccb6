import type { LinkSpec, ProcessId } from '../model/scenario.ts';

/** A temporary link fault from the timeline (link-delay or link-drop), active in [fromMs, untilMs). */
export interface LinkFault {
  from: ProcessId;
  to: ProcessId;
  extraMs: number;
  dropRate: number;
  fromMs: number;
  untilMs: number;
}

/** Directional per-link properties: static ones from the scenario plus timed faults. */
export class Links {
  private readonly staticLinks = new Map<string, LinkSpec>();
  private faults: LinkFault[] = [];

  constructor(links: readonly LinkSpec[]) {
    for (const link of links) this.staticLinks.set(linkKey(link.from, link.to), link);
  }

  addFault(fault: LinkFault): void {
    this.faults.push(fault);
  }

  /** True when no link has any property: the common case skips every lookup. */
  get empty(): boolean {
    return this.staticLinks.size === 0 && this.faults.length === 0;
  }

  /** Extra one-way delay for a message sent on from->to at trueMs. */
  extraDelayMs(from: ProcessId, to: ProcessId, trueMs: number): number {
    if (this.empty) return 0;
    let extra = this.staticLinks.get(linkKey(from, to))?.extraDelayMs ?? 0;
    for (const f of this.faults) {
      if (f.from === from && f.to === to && trueMs >= f.fromMs && trueMs < f.untilMs) extra += f.extraMs;
    }
    return extra;
  }

  /** Loss probability on from->to at trueMs (the largest that applies). */
  dropRate(from: ProcessId, to: ProcessId, trueMs: number): number {
    if (this.empty) return 0;
    let rate = this.staticLinks.get(linkKey(from, to))?.dropRate ?? 0;
    for (const f of this.faults) {
      if (f.from === from && f.to === to && trueMs >= f.fromMs && trueMs < f.untilMs) rate = Math.max(rate, f.dropRate);
    }
    return rate;
  }
}

export function linkKey(from: ProcessId, to: ProcessId): string {
  return `${from}>${to}`;
}
