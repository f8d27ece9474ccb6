/** The colours the canvas draws with: the page's CSS variables, read once per theme change. */
export interface Palette {
  bg: string;
  fg: string;
  muted: string;
  line: string;
  lane: string;
  key: string;
  keyReplicated: string;
  belief: string;
  attempt: string;
  writeOk: string;
  writeStale: string;
  writeRejected: string;
  violation: string;
  fault: string;
  down: string;
  paused: string;
  message: string;
  cursor: string;
  highlight: string;
  focus: string;
  /** One colour per lock client (its keys on the node lanes), by position in the scenario. */
  owners: string[];
}

/** The CSS variable each palette colour is read from (the SVG export maps the same names). */
export const PALETTE_VARIABLES = {
  bg: '--bg',
  fg: '--fg',
  muted: '--muted',
  line: '--line',
  lane: '--lane',
  key: '--key',
  keyReplicated: '--key-replicated',
  belief: '--belief',
  attempt: '--attempt',
  writeOk: '--write-ok',
  writeStale: '--write-stale',
  writeRejected: '--write-rejected',
  violation: '--violation',
  fault: '--fault',
  down: '--down',
  paused: '--paused',
  message: '--message',
  cursor: '--cursor',
  highlight: '--highlight',
  focus: '--focus',
} as const satisfies Record<Exclude<keyof Palette, 'owners'>, string>;

/**
 * Owner colours: distinct from the belief green, the violation red and the fault orange;
 * lighter on the dark background so they keep their contrast.
 */
const OWNERS_LIGHT = ['#3b6fd4', '#8a4fc7', '#0e8a8a', '#c0408f', '#8a6d3b', '#52607a'];
const OWNERS_DARK = ['#6f9bff', '#b48cff', '#4fc7c7', '#f27fc0', '#cfa86a', '#9aa8c4'];

/** The owner colours of a theme (the lane labels show each client's). */
export function ownerColors(theme: 'light' | 'dark'): readonly string[] {
  return theme === 'dark' ? OWNERS_DARK : OWNERS_LIGHT;
}

export function ownerColor(palette: Palette, slot: number): string {
  if (slot < 0) return palette.key;
  return palette.owners[slot % palette.owners.length] as string;
}

/** Reads the theme's colours from the element's computed style (the variables cascade from :root). */
export function readPalette(element: Element, theme: 'light' | 'dark'): Palette {
  const style = getComputedStyle(element);
  const read = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback;
  const entries = Object.entries(PALETTE_VARIABLES).map(([field, name]) => [field, read(name, theme === 'dark' ? '#e8eaf0' : '#1b1d23')]);
  return { ...(Object.fromEntries(entries) as Omit<Palette, 'owners'>), owners: [...ownerColors(theme)] };
}
