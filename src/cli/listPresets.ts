import { PRESETS } from '../scenario/presets/index.ts';

/** `npm run sim -- --list`: one line per preset, in columns: name, source (S-number), title. */
export function formatPresetList(): string[] {
  const nameWidth = Math.max(0, ...PRESETS.map((p) => p.name.length));
  const sourceWidth = Math.max(0, ...PRESETS.map((p) => p.source.length));
  return PRESETS.map((p) => `${p.name.padEnd(nameWidth)}  ${p.source.padEnd(sourceWidth)}  ${p.title}`);
}
