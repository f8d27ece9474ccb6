import { formatVerdict } from '../../check/formatVerdict.ts';
import type { CheckResult } from '../../check/types.ts';
import type { Scenario } from '../../sim/model/scenario.ts';
import { formatTickMs } from '../timeline/timeAxis.ts';
import type { ExportPalette } from './exportPalette.ts';
import { PAD_PX, type SvgGeometry } from './svgGeometry.ts';
import { escapeXml, fitText, px, textWidthPx } from './svgText.ts';

/** "UNSAFE: 1 exclusion violation, 1 stale write" — the checker's headline. */
export function verdictHeadline(verdict: CheckResult): string {
  return (formatVerdict(verdict)[0] ?? '').replace(' — ', ': ');
}

/** The picture's title (the scenario's name and the verdict, for the document's <title> too). */
export function titleText(scenario: Scenario, verdict: CheckResult): string {
  return `${scenario.name} — ${verdictHeadline(verdict)}`;
}

/** The heading: the scenario's name; under it the verdict (red or green) and what was run. */
export function svgHeader(
  scenario: Scenario,
  verdict: CheckResult,
  g: SvgGeometry,
  p: ExportPalette,
  fromMs: number,
  toMs: number,
): string {
  const width = g.widthPx - 2 * PAD_PX;
  const headline = verdictHeadline(verdict);
  const span = toMs - fromMs;
  const step = span >= 1000 ? 1000 : 1;
  const facts = ` · seed ${scenario.seed} · fencing ${scenario.fencing} · ${formatTickMs(fromMs, step)} to ${formatTickMs(toMs, step)}`;
  const factsShown = fitText(facts, 12, width - textWidthPx(headline, 12));
  return [
    '<g class="header">',
    `<text class="title" x="${px(PAD_PX)}" y="${px(PAD_PX + 15)}" font-size="16" font-weight="700" fill="${p.fg}">${escapeXml(fitText(scenario.name, 16, width))}</text>`,
    `<text class="verdict" x="${px(PAD_PX)}" y="${px(PAD_PX + 35)}" font-size="12">`,
    `<tspan font-weight="700" fill="${verdict.safe ? p.belief : p.writeStale}">${escapeXml(headline)}</tspan>`,
    `<tspan fill="${p.muted}">${escapeXml(factsShown)}</tspan>`,
    '</text>',
    '</g>',
  ].join('');
}
