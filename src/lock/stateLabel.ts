import type { StateValue } from 'xstate';

/**
 * A statechart state as one readable path: "acquiring.parallel", or with parallel regions
 * "holding.{work.working,watchdog.waiting}". The trace and the UI use it.
 */
export function stateLabel(value: StateValue): string {
  if (typeof value === 'string') return value;
  const keys = Object.keys(value);
  if (keys.length === 1) {
    const key = keys[0] as string;
    return `${key}.${stateLabel(value[key] as StateValue)}`;
  }
  return `{${keys.map((k) => `${k}.${stateLabel(value[k] as StateValue)}`).join(',')}}`;
}
