import { useId } from 'react';
import { PERSISTENCE_MODES, SEARCH_FAULT_KINDS, SEARCH_STRATEGIES, type SearchFaultKind, type SearchStrategy } from '../../search/spec.ts';
import { KIND_LABELS, NUMBER_LABELS, PERSISTENCE_LABELS, RANGE_LABELS, STRATEGY_LABELS } from './fieldLabels.ts';
import {
  errorsFor,
  type Fencing,
  type FieldError,
  type NumberField,
  RANGE_FIELDS,
  type RangeField,
  type SpecDraft,
  withKind,
  withPersistence,
  withStrategy,
} from './specDraft.ts';

interface FormProps {
  draft: SpecDraft;
  errors: readonly FieldError[];
  /** While a search runs its settings stay as they are. */
  disabled: boolean;
  onChange: (draft: SpecDraft) => void;
}

/** Which ranges matter for which fault kinds (the others are kept but dimmed). */
const RANGE_KINDS: Record<RangeField, readonly SearchFaultKind[]> = {
  atMs: SEARCH_FAULT_KINDS,
  pauseMs: ['pause-client', 'pause-node', 'partition', 'message-delay'],
  jumpMs: ['clock-jump'],
  driftRate: ['clock-drift'],
  restartAfterMs: ['crash-node', 'failover'],
  delayMs: ['message-delay'],
};

/**
 * The search's settings: the design and its topology, the clients' workload, the faults a run
 * may draw and their ranges, the budget and the seed. A refused value is outlined (the list
 * under the form says why, in the spec parser's words).
 */
export function SpecForm({ draft, errors, disabled, onChange }: FormProps) {
  const invalid = (path: string) => errorsFor(errors, path).length > 0;
  const number = (field: NumberField, extra?: { disabled?: boolean; title?: string }) => (
    <NumberInput
      label={NUMBER_LABELS[field]}
      value={draft.numbers[field]}
      invalid={invalid(field)}
      disabled={disabled || extra?.disabled === true}
      title={extra?.title}
      onChange={(v) => onChange({ ...draft, numbers: { ...draft.numbers, [field]: v } })}
    />
  );
  return (
    <form className="search-form" aria-label="Search settings" onSubmit={(e) => e.preventDefault()}>
      <fieldset disabled={disabled}>
        <legend>Lock design</legend>
        <label className="search-field">
          <span>Design</span>
          <select value={draft.strategy} onChange={(e) => onChange(withStrategy(draft, e.target.value as SearchStrategy))}>
            {SEARCH_STRATEGIES.map((s) => (
              <option key={s} value={s}>
                {STRATEGY_LABELS[s]}
              </option>
            ))}
          </select>
        </label>
        <label className="search-field">
          <span>Fencing</span>
          <select value={draft.fencing} onChange={(e) => onChange({ ...draft, fencing: e.target.value as Fencing })}>
            <option value="none">none</option>
            <option value="token">token</option>
            <option value="cas">cas</option>
          </select>
        </label>
        {number('nodes', {
          disabled: draft.strategy !== 'redlock',
          title: 'Independent masters for Redlock (3–7); the other designs use one node, or a master and a replica',
        })}
        <Checks
          legend="Persistence"
          title="Each node gets one of the ticked modes, drawn per run"
          items={PERSISTENCE_MODES.map((m) => ({ key: m, label: PERSISTENCE_LABELS[m], checked: draft.persistence.includes(m) }))}
          invalid={invalid('persistence')}
          onToggle={(m, on) => onChange(withPersistence(draft, m as (typeof PERSISTENCE_MODES)[number], on))}
        />
      </fieldset>
      <fieldset disabled={disabled}>
        <legend>Clients and their work</legend>
        {number('clients')}
        {number('ttlMs')}
        {number('criticalSectionMs')}
        {number('rounds')}
        {number('durationMs')}
        <label className="search-check">
          <input
            type="checkbox"
            checked={draft.checkValidityBeforeWrite}
            onChange={(e) => onChange({ ...draft, checkValidityBeforeWrite: e.target.checked })}
          />
          Check validity before writing
        </label>
      </fieldset>
      <fieldset disabled={disabled}>
        <legend>Faults</legend>
        <Checks
          legend="Fault kinds"
          items={SEARCH_FAULT_KINDS.map((k) => ({
            key: k,
            label: KIND_LABELS[k],
            checked: draft.kinds.includes(k),
            disabled: k === 'failover' && draft.strategy !== 'single-failover',
            title: k === 'failover' ? 'Only the single-failover design has a master to fail over' : undefined,
          }))}
          invalid={invalid('faults.kinds')}
          onToggle={(k, on) => onChange(withKind(draft, k as SearchFaultKind, on))}
        />
        <NumberInput
          label="Max faults per run"
          value={draft.faultsMax}
          invalid={invalid('faults.max')}
          disabled={disabled}
          onChange={(v) => onChange({ ...draft, faultsMax: v })}
        />
        <table className="search-ranges">
          <thead>
            <tr>
              <th scope="col">Range</th>
              <th scope="col">min</th>
              <th scope="col">max</th>
            </tr>
          </thead>
          <tbody>
            {RANGE_FIELDS.map((f) => (
              <tr key={f} className={draft.kinds.some((k) => RANGE_KINDS[f].includes(k)) ? undefined : 'unused'}>
                <th scope="row">{RANGE_LABELS[f]}</th>
                {([0, 1] as const).map((side) => (
                  <td key={side}>
                    <input
                      inputMode="decimal"
                      aria-label={`${RANGE_LABELS[f]}, ${side === 0 ? 'min' : 'max'}`}
                      value={draft.ranges[f][side]}
                      aria-invalid={
                        invalid(`faults.${f}.${side}`) || errorsFor(errors, `faults.${f}`).some((e) => e.path === `faults.${f}`)
                      }
                      onChange={(e) => {
                        const pair: [string, string] = [...draft.ranges[f]];
                        pair[side] = e.target.value;
                        onChange({ ...draft, ranges: { ...draft.ranges, [f]: pair } });
                      }}
                    />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </fieldset>
      <fieldset disabled={disabled}>
        <legend>Budget</legend>
        {number('runs', { title: 'Runs to try before giving up' })}
        {number('seed', { title: 'The same seed and settings make the same search' })}
      </fieldset>
    </form>
  );
}

function NumberInput(props: {
  label: string;
  value: string;
  invalid: boolean;
  disabled: boolean;
  title?: string | undefined;
  onChange: (value: string) => void;
}) {
  const id = useId();
  return (
    <span className="search-field" title={props.title}>
      <label htmlFor={id}>{props.label}</label>
      <input
        id={id}
        inputMode="decimal"
        value={props.value}
        aria-invalid={props.invalid}
        disabled={props.disabled}
        onChange={(e) => props.onChange(e.target.value)}
      />
    </span>
  );
}

function Checks(props: {
  legend: string;
  title?: string;
  items: Array<{ key: string; label: string; checked: boolean; disabled?: boolean; title?: string | undefined }>;
  invalid: boolean;
  onToggle: (key: string, on: boolean) => void;
}) {
  return (
    <fieldset className={`search-checks${props.invalid ? ' invalid' : ''}`} title={props.title}>
      <legend>{props.legend}</legend>
      {props.items.map((item) => (
        <label key={item.key} className="search-check" title={item.title}>
          <input
            type="checkbox"
            checked={item.checked}
            disabled={item.disabled === true}
            onChange={(e) => props.onToggle(item.key, e.target.checked)}
          />
          {item.label}
        </label>
      ))}
    </fieldset>
  );
}
