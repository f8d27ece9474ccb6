import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CSS_VARIABLE_OF, exportPalette } from './exportPalette.ts';

/** The custom properties of the first rule whose selector is exactly `selector`. */
function variables(css: string, selector: string): Map<string, string> {
  const start = css.indexOf(`${selector} {`);
  if (start < 0) throw new Error(`no rule ${selector}`);
  const body = css.slice(start, css.indexOf('}', start));
  return new Map([...body.matchAll(/(--[a-z-]+):\s*([^;]+);/g)].map((m) => [m[1] as string, (m[2] as string).trim()]));
}

/** A CSS colour as the export writes it: #rrggbb and an opacity. */
function asHexAndOpacity(value: string): [string, number] {
  const rgba = /^rgba\((\d+),\s*(\d+),\s*(\d+),\s*([\d.]+)\)$/.exec(value);
  if (rgba === null) return [value.toLowerCase(), 1];
  const hex = rgba
    .slice(1, 4)
    .map((c) => Number(c).toString(16).padStart(2, '0'))
    .join('');
  return [`#${hex}`, Number(rgba[4])];
}

describe('exportPalette', () => {
  const css = readFileSync(new URL('../styles.css', import.meta.url), 'utf8');
  for (const [theme, selector] of [
    ['light', ':root'],
    ['dark', ':root[data-theme="dark"]'],
  ] as const) {
    it(`the ${theme} colours are the page's (${selector} in styles.css), translucent ones as colour + opacity`, () => {
      const vars = variables(css, selector);
      const palette = exportPalette(theme);
      const opacities: Record<string, number> = palette.opacity;
      for (const [field, variable] of Object.entries(CSS_VARIABLE_OF)) {
        const value = vars.get(variable);
        expect(value, variable).toBeDefined();
        const [hex, opacity] = asHexAndOpacity(value as string);
        expect([field, (palette as unknown as Record<string, string>)[field]]).toEqual([field, hex]);
        expect([field, opacities[field] ?? 1]).toEqual([field, opacity]);
      }
    });
  }

  it('light and dark differ, and every colour is an explicit #rrggbb (no CSS variables in a file)', () => {
    const light = exportPalette('light');
    const dark = exportPalette('dark');
    expect(light.bg).not.toBe(dark.bg);
    for (const p of [light, dark]) {
      for (const field of Object.keys(CSS_VARIABLE_OF)) expect((p as unknown as Record<string, string>)[field]).toMatch(/^#[0-9a-f]{6}$/);
      for (const owner of p.owners) expect(owner).toMatch(/^#[0-9a-f]{6}$/);
    }
  });
});
