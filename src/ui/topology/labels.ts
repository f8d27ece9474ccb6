import type { StrategySpec } from '../../sim/model/scenario.ts';

/** A lock strategy as a card names it: "redlock (parallel)", "redlock + watchdog", "single-failover + WAIT 1". */
export function strategyLabel(strategy: StrategySpec): string {
  switch (strategy.kind) {
    case 'redlock': {
      const base = `redlock (${strategy.mode})`;
      return strategy.autoExtend === null ? base : `${base} + watchdog`;
    }
    case 'single-failover':
      return strategy.waitReplicas > 0 ? `single-failover + WAIT ${strategy.waitReplicas}` : 'single-failover';
    case 'setnx-expire':
      return 'SETNX + EXPIRE';
    case 'set-nx-px-del':
      return 'SET NX PX, DEL';
    case 'set-nx-px-cad':
      return 'SET NX PX, check-and-delete';
    case 'script':
      return 'raw commands';
  }
}

/**
 * A statechart path (src/lock/stateLabel.ts) in words: "acquiring.parallel" → "acquiring
 * (parallel)"; parallel regions "holding.{work.working,watchdog.waiting}" → "holding
 * (work: working, watchdog: waiting)".
 */
export function readableState(label: string): string {
  const dot = label.indexOf('.');
  if (dot < 0) return label;
  const top = label.slice(0, dot);
  const rest = label.slice(dot + 1);
  if (rest.startsWith('{') && rest.endsWith('}')) {
    const regions = rest
      .slice(1, -1)
      .split(',')
      .map((region) => {
        const [name, ...path] = region.split('.');
        return `${name}: ${path.join(' ')}`;
      });
    return `${top} (${regions.join(', ')})`;
  }
  return `${top} (${rest.split('.').join(' ')})`;
}

const GROUPING = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/** "11,000 ms". */
export function formatMs(ms: number): string {
  return `${GROUPING.format(ms)} ms`;
}

/** "+10,000", "-250", "±0": a clock's lead over true time. */
export function formatSkew(ms: number): string {
  if (ms === 0) return '±0';
  return `${ms > 0 ? '+' : '-'}${GROUPING.format(Math.abs(ms))}`;
}

/**
 * A duration for a small label: "850 ms", "7.2 s", "59 s". Truncated, not rounded, as a
 * countdown reads: 59,906 ms left of a 60 s TTL is "59 s", never "60 s of 60 s".
 */
export function formatDuration(ms: number): string {
  const abs = Math.abs(ms);
  const sign = ms < 0 ? '-' : '';
  if (abs < 1000) return `${sign}${Math.floor(abs)} ms`;
  if (abs < 10_000) return `${sign}${(Math.floor(abs / 100) / 10).toFixed(1)} s`;
  return `${sign}${GROUPING.format(Math.floor(abs / 1000))} s`;
}

/** A lock value short enough for a card: the start and the end, with an ellipsis between. */
export function shortValue(value: string, maxChars = 14): string {
  if (value.length <= maxChars) return value;
  const head = Math.ceil((maxChars - 1) / 2);
  const tail = maxChars - 1 - head;
  return `${value.slice(0, head)}…${value.slice(value.length - tail)}`;
}
