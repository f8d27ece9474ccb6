import { useEffect, useState } from 'react';
import { useStore } from 'zustand';
import type { Fencing } from '../../sim/model/scenario.ts';
import { EXAMPLES } from '../examples.ts';
import type { PlaygroundStore } from '../store/playgroundStore.ts';
import { parseSeed } from './parseSeed.ts';

/** The scenario picker, its seed (shown and editable), fencing, and the theme switch. */
export function ScenarioBar({ store }: { store: PlaygroundStore }) {
  const exampleId = useStore(store, (s) => s.exampleId);
  const scenario = useStore(store, (s) => s.scenario);
  const theme = useStore(store, (s) => s.theme);
  const a = store.getState();
  const seed = scenario?.seed ?? 0;
  const [seedText, setSeedText] = useState(String(seed));
  const [seedError, setSeedError] = useState<string | null>(null);
  useEffect(() => {
    setSeedText(String(seed));
    setSeedError(null);
  }, [seed]);
  const commitSeed = () => {
    const parsed = parseSeed(seedText);
    if (!parsed.ok) {
      setSeedError(parsed.message);
      return;
    }
    setSeedError(null);
    if (parsed.seed !== seed) a.setSeed(parsed.seed);
  };
  return (
    <section className="scenario-bar" aria-label="Scenario">
      <label htmlFor="example">Scenario</label>
      <select id="example" value={exampleId} onChange={(e) => a.load(e.target.value)}>
        {!EXAMPLES.some((ex) => ex.id === exampleId) && <option value={exampleId}>Your scenario ({exampleId})</option>}
        {(['Presets', 'Raw-command examples'] as const).map((group) => (
          <optgroup key={group} label={group}>
            {EXAMPLES.filter((ex) => ex.group === group).map((ex) => (
              <option key={ex.id} value={ex.id}>
                {ex.title}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
      <label htmlFor="seed">Seed</label>
      <input
        id="seed"
        className="seed"
        inputMode="numeric"
        value={seedText}
        aria-invalid={seedError !== null}
        aria-describedby={seedError !== null ? 'seed-error' : undefined}
        onChange={(e) => setSeedText(e.target.value)}
        onBlur={commitSeed}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commitSeed();
          if (e.key === 'Escape') setSeedText(String(seed));
        }}
      />
      {seedError !== null && (
        <span id="seed-error" role="alert" className="error">
          {seedError}
        </span>
      )}
      <label htmlFor="fencing">Fencing</label>
      <select
        id="fencing"
        value={scenario?.fencing ?? 'none'}
        onChange={(e) => a.setFencing(e.target.value as Fencing)}
        disabled={scenario === null}
      >
        <option value="none">none</option>
        <option value="token">token</option>
        <option value="cas">cas</option>
      </select>
      <button
        type="button"
        className="theme"
        onClick={() => a.setTheme(theme === 'dark' ? 'light' : 'dark')}
        aria-label={theme === 'dark' ? 'Switch to the light theme' : 'Switch to the dark theme'}
        aria-pressed={theme === 'dark'}
        title={theme === 'dark' ? 'Light theme' : 'Dark theme'}
      >
        {theme === 'dark' ? '☀' : '☾'}
      </button>
    </section>
  );
}
