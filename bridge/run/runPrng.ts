/**
 * The bridge's own small seeded generator (mulberry32) for what a run draws: link latencies and
 * drops. Real Redis is not deterministic, but the bridge's choices are, given the scenario's seed.
 */
export class RunPrng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  intInclusive(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** 32 random bits, for the lock machines' `random` stamp. */
  nextUint32(): number {
    return Math.floor(this.next() * 4294967296) >>> 0;
  }
}
