import type { ExportPalette } from './exportPalette.ts';
import { PAD_PX, type SvgGeometry } from './svgGeometry.ts';
import { escapeXml, px, textWidthPx } from './svgText.ts';

interface Item {
  label: string;
  /** The swatch's shapes, drawn with its left edge at x = 0 and its centre at y = 0. */
  swatch: (p: ExportPalette) => string;
}

const bar = (fill: string, opacity = 1) =>
  `<rect x="0" y="-4" width="14" height="8" rx="1" fill="${fill}"${opacity < 1 ? ` fill-opacity="${opacity}"` : ''}/>`;

/** The same meanings as the page's legend (TimelineLegend), so a slide explains itself. */
const ITEMS: Item[] = [
  { label: 'key, by owner', swatch: (p) => bar(p.owners[0] ?? p.key) },
  { label: 'attempt', swatch: (p) => bar(p.attempt) },
  { label: 'holds (belief)', swatch: (p) => bar(p.belief) },
  { label: 'write ok', swatch: (p) => `<circle cx="5" cy="0" r="3.5" fill="${p.writeOk}"/>` },
  { label: 'stale write', swatch: (p) => `<path d="M5 -5l5 9h-10z" fill="${p.writeStale}"/>` },
  { label: 'fenced off', swatch: (p) => `<path d="M1 -4l8 8M1 4l8 -8" stroke="${p.writeRejected}" stroke-width="2"/>` },
  { label: 'down', swatch: (p) => bar(p.down, p.opacity.down) },
  { label: 'paused', swatch: (p) => bar(p.paused, p.opacity.paused) },
  { label: 'fault', swatch: (p) => `<path d="M5 -6l5 5l-5 5l-5 -5z" fill="${p.fault}"/>` },
  {
    label: 'message',
    swatch: (p) => `<path d="M0 3L14 -3" stroke="${p.message}" stroke-opacity="${p.opacity.message}" stroke-width="1.5"/>`,
  },
  { label: 'violation', swatch: (p) => bar(p.violation, Math.max(0.3, p.opacity.violation)) },
];

/** One line of legend under the axis; items that would run past the right edge are left out. */
export function svgLegend(g: SvgGeometry, p: ExportPalette): string {
  const y = g.legendY + 14;
  const out: string[] = [`<g class="legend" font-size="10" fill="${p.muted}">`];
  let x = g.plotLeft;
  for (const item of ITEMS) {
    const w = 18 + textWidthPx(item.label, 10);
    if (x + w > g.plotRight) break;
    out.push(`<g transform="translate(${px(x)} ${px(y - 3)})">${item.swatch(p)}</g>`);
    out.push(`<text x="${px(x + 18)}" y="${px(y)}">${escapeXml(item.label)}</text>`);
    x += w + 12;
  }
  out.push(`<text x="${px(PAD_PX)}" y="${px(y)}" font-size="10" fill="${p.muted}">Redlock Playground</text>`);
  out.push('</g>');
  return out.join('');
}
