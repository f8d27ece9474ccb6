import { ownerColors, PALETTE_VARIABLES, type Palette } from '../timeline/palette.ts';

/**
 * The timeline's colours (src/ui/timeline/palette.ts names) as explicit values, for a file
 * that must look the same outside the page: the same values as the CSS variables in
 * src/ui/styles.css (a test holds them together). Translucent variables are split into a
 * hex colour and an opacity, because some SVG renderers (older Inkscape, some slide tools)
 * do not read rgba().
 */
export interface ExportPalette extends Palette {
  opacity: { violation: number; down: number; paused: number; message: number };
}

type Solid = Omit<Palette, 'owners'>;

const LIGHT: Solid = {
  bg: '#fbfbfd',
  fg: '#1b1d23',
  muted: '#5b6270',
  line: '#d9dce3',
  lane: '#f1f2f6',
  key: '#3b6fd4',
  keyReplicated: '#7d9be0',
  belief: '#1f7a3a',
  attempt: '#c7a43a',
  writeOk: '#1f7a3a',
  writeStale: '#b4232a',
  writeRejected: '#8a5cc7',
  violation: '#b4232a',
  fault: '#d2691e',
  down: '#1b1d23',
  paused: '#d2691e',
  message: '#5b6270',
  cursor: '#b4232a',
  highlight: '#e6a100',
  focus: '#2f6feb',
};

const DARK: Solid = {
  bg: '#14161b',
  fg: '#e8eaf0',
  muted: '#a0a7b5',
  line: '#343845',
  lane: '#1a1d24',
  key: '#6f9bff',
  keyReplicated: '#4a6bb0',
  belief: '#5fd08a',
  attempt: '#e0c060',
  writeOk: '#5fd08a',
  writeStale: '#ff6b6b',
  writeRejected: '#c39bff',
  violation: '#ff6b6b',
  fault: '#ffa657',
  down: '#e8eaf0',
  paused: '#ffa657',
  message: '#a0a7b5',
  cursor: '#ff6b6b',
  highlight: '#ffd33d',
  focus: '#79a8ff',
};

const OPACITY_LIGHT = { violation: 0.18, down: 0.22, paused: 0.2, message: 0.55 };
const OPACITY_DARK = { violation: 0.22, down: 0.18, paused: 0.22, message: 0.55 };

export function exportPalette(theme: 'light' | 'dark'): ExportPalette {
  const solid = theme === 'dark' ? DARK : LIGHT;
  return { ...solid, owners: [...ownerColors(theme)], opacity: { ...(theme === 'dark' ? OPACITY_DARK : OPACITY_LIGHT) } };
}

/** Which CSS variable each colour comes from (the test compares the two). */
export const CSS_VARIABLE_OF: Record<keyof Solid, string> = PALETTE_VARIABLES;
