import { describe, expect, it } from 'vitest';
import { parseSearchArgs } from '../../cli/searchArgs.ts';
import { DEFAULT_SEARCH_SPEC } from '../../search/spec.ts';
import { commandLineOf, draftOf, errorsFor, type SpecDraft, specOfDraft, withKind, withPersistence, withStrategy } from './specDraft.ts';

const base = draftOf(DEFAULT_SEARCH_SPEC);
const edit = (f: (d: SpecDraft) => void): SpecDraft => {
  const d = structuredClone(base);
  f(d);
  return d;
};

describe('the search form', () => {
  it('holds the default search as it is', () => {
    expect(specOfDraft(base)).toEqual({ ok: true, spec: DEFAULT_SEARCH_SPEC });
  });

  it("names each refused field as the spec's parser does", () => {
    const cases: Array<[SpecDraft, string, RegExp]> = [
      [edit((d) => (d.numbers.runs = 'lots')), 'runs', /"lots" is not a number/],
      [edit((d) => (d.numbers.seed = '')), 'seed', /enter a number/],
      [edit((d) => (d.numbers.nodes = '9')), 'nodes', /7/],
      [edit((d) => (d.ranges.atMs = ['5000', '100'])), 'faults.atMs', /must not exceed/],
      [edit((d) => (d.ranges.atMs = ['0', '40000'])), 'faults.atMs', /before the run ends/],
      [edit((d) => (d.kinds = ['failover'])), 'faults.kinds', /single-failover/],
      [edit((d) => (d.persistence = [])), 'persistence', /./],
    ];
    for (const [draft, path, message] of cases) {
      const result = specOfDraft(draft);
      expect(result.ok).toBe(false);
      if (result.ok) continue;
      const mine = errorsFor(result.errors, path);
      expect(mine.length, `${path}: ${JSON.stringify(result.errors)}`).toBeGreaterThan(0);
      expect(mine.map((e) => e.message).join(' ')).toMatch(message);
    }
  });

  it('unticks failover when the design cannot fail over, and keeps fault kinds in one order', () => {
    const failover = withKind(withStrategy(base, 'single-failover'), 'failover', true);
    expect(failover.kinds).toEqual(['pause-client', 'clock-jump', 'crash-node', 'failover']);
    expect(withStrategy(failover, 'redlock').kinds).toEqual(['pause-client', 'clock-jump', 'crash-node']);
    expect(withKind(withKind(base, 'pause-client', false), 'pause-client', true).kinds).toEqual(base.kinds);
    expect(withPersistence(base, 'aof-always', true).persistence).toEqual(['none', 'aof-always']);
  });

  it('writes the same search as a command line that `npm run search` reads back to the same spec', () => {
    const draft = edit((d) => {
      d.kinds = ['clock-jump'];
      d.numbers.runs = '2000';
      d.ranges.jumpMs = ['-5000', '5000'];
      d.fencing = 'token';
      d.checkValidityBeforeWrite = true;
    });
    const result = specOfDraft(draft);
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    const line = commandLineOf(result.spec, DEFAULT_SEARCH_SPEC);
    expect(line).toBe('npm run search -- --fencing token --check-validity --faults clock-jump --jump -5000..5000 --runs 2000');
    const args = parseSearchArgs(line.split(' ').slice(4));
    expect(typeof args !== 'string' && args.spec).toEqual(result.spec);
    expect(commandLineOf(DEFAULT_SEARCH_SPEC, DEFAULT_SEARCH_SPEC)).toBe('npm run search --');
  });
});
