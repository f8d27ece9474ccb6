import type { Scenario } from '../../sim/model/scenario.ts';
import type { DraftField, DraftIssue, FaultDraft } from './faultDraft.ts';
import { faultTargets, partitionIds, processLabel } from './faultTargets.ts';
import { CheckField, NumberField, SelectField } from './fields.tsx';
import { PartitionSides } from './PartitionSides.tsx';

/** The parameters one kind of fault needs, as a row of labelled fields. */
export function FaultParams({
  idPrefix,
  draft,
  scenario,
  issues,
  onChange,
}: {
  idPrefix: string;
  draft: FaultDraft;
  scenario: Scenario;
  issues: DraftIssue[];
  onChange: (draft: FaultDraft) => void;
}) {
  const targets = faultTargets(scenario);
  const id = (field: string) => `${idPrefix}-${field}`;
  const error = (field: DraftField) => issues.find((i) => i.field === field)?.message;
  const options = (ids: readonly string[]) =>
    ids.map((p) => (
      <option key={p} value={p}>
        {processLabel(p, scenario)}
      </option>
    ));
  const pick = (
    field: 'node' | 'client' | 'process' | 'from' | 'to',
    label: string,
    value: string,
    among: readonly string[],
    set: (v: string) => void,
  ) => (
    <SelectField id={id(field)} label={label} error={error(field)} value={value} onChange={set}>
      {options(among)}
    </SelectField>
  );
  const ms = (field: DraftField, label: string, value: string, set: (v: string) => void, disabled = false) => (
    <NumberField
      id={id(field)}
      label={label}
      unit="ms"
      error={disabled ? undefined : error(field)}
      value={value}
      onChange={set}
      disabled={disabled}
    />
  );

  switch (draft.kind) {
    case 'crash-node':
      return (
        <>
          {pick('node', 'Node', draft.node, targets.nodes, (node) => onChange({ ...draft, node }))}
          <CheckField id={id('clean')} label="Clean shutdown" checked={draft.clean} onChange={(clean) => onChange({ ...draft, clean })} />
          {ms('restartAfterMs', 'Restart after', draft.restartAfterMs, (v) => onChange({ ...draft, restartAfterMs: v }), draft.staysDown)}
          <CheckField
            id={id('staysDown')}
            label="Stays down"
            checked={draft.staysDown}
            onChange={(staysDown) => onChange({ ...draft, staysDown })}
          />
        </>
      );
    case 'kill-master':
      return (
        <>
          {ms('restartAfterMs', 'Restart after', draft.restartAfterMs, (v) => onChange({ ...draft, restartAfterMs: v }), draft.staysDown)}
          <CheckField
            id={id('staysDown')}
            label="Stays down"
            checked={draft.staysDown}
            onChange={(staysDown) => onChange({ ...draft, staysDown })}
          />
        </>
      );
    case 'restart-node':
      return pick('node', 'Node', draft.node, targets.nodes, (node) => onChange({ ...draft, node }));
    case 'pause-node':
      return (
        <>
          {pick('node', 'Node', draft.node, targets.nodes, (node) => onChange({ ...draft, node }))}
          {ms('durationMs', 'Duration', draft.durationMs, (durationMs) => onChange({ ...draft, durationMs }))}
        </>
      );
    case 'crash-client':
      return pick('client', 'Client', draft.client, targets.clients, (client) => onChange({ ...draft, client }));
    case 'pause-client':
      return (
        <>
          {pick('client', 'Client', draft.client, targets.clients, (client) => onChange({ ...draft, client }))}
          {ms('durationMs', 'Duration', draft.durationMs, (durationMs) => onChange({ ...draft, durationMs }))}
        </>
      );
    case 'clock-jump':
      return (
        <>
          {pick('process', 'Clock of', draft.process, targets.clockOwners, (process) => onChange({ ...draft, process }))}
          {ms('deltaMs', 'Jump', draft.deltaMs, (deltaMs) => onChange({ ...draft, deltaMs }))}
        </>
      );
    case 'clock-rate':
      return (
        <>
          {pick('process', 'Clock of', draft.process, targets.clockOwners, (process) => onChange({ ...draft, process }))}
          <NumberField
            id={id('rate')}
            label="Rate"
            unit="× true time"
            step={0.1}
            narrow
            error={error('rate')}
            value={draft.rate}
            onChange={(rate) => onChange({ ...draft, rate })}
          />
        </>
      );
    case 'partition':
      return (
        <>
          <span className="fault-field">
            <label htmlFor={id('id')}>Id</label>
            <input
              id={id('id')}
              className="fault-text"
              value={draft.id}
              aria-invalid={error('id') !== undefined}
              aria-describedby={error('id') !== undefined ? `${id('id')}-error` : undefined}
              onChange={(e) => onChange({ ...draft, id: e.target.value })}
            />
            {error('id') !== undefined && (
              <span id={`${id('id')}-error`} className="fault-field-error">
                {error('id')}
              </span>
            )}
          </span>
          <PartitionSides
            id={id('sideB')}
            sides={draft.sides}
            scenario={scenario}
            error={error('sideB')}
            onChange={(sides) => onChange({ ...draft, sides })}
          />
          {ms('durationMs', 'Duration', draft.durationMs, (durationMs) => onChange({ ...draft, durationMs }), draft.noEnd)}
          <CheckField id={id('noEnd')} label="Until healed" checked={draft.noEnd} onChange={(noEnd) => onChange({ ...draft, noEnd })} />
        </>
      );
    case 'heal':
      return (
        <SelectField
          id={id('id')}
          label="Heal"
          error={error('id')}
          value={draft.id ?? ''}
          onChange={(v) => onChange({ ...draft, id: v === '' ? null : v })}
        >
          <option value="">all partitions</option>
          {partitionIds(scenario).map((p) => (
            <option key={p} value={p}>
              {p}
            </option>
          ))}
        </SelectField>
      );
    case 'link-delay':
    case 'link-drop':
      return (
        <>
          {pick('from', 'From', draft.from, targets.all, (from) => onChange({ ...draft, from }))}
          {pick('to', 'To', draft.to, targets.all, (to) => onChange({ ...draft, to }))}
          {draft.kind === 'link-delay' ? (
            ms('extraMs', 'Delay', draft.extraMs, (extraMs) => onChange({ ...draft, extraMs }))
          ) : (
            <NumberField
              id={id('rate')}
              label="Drop rate"
              unit="(0–1)"
              step={0.1}
              narrow
              error={error('rate')}
              value={draft.rate}
              onChange={(rate) => onChange({ ...draft, rate })}
            />
          )}
          {ms('durationMs', 'Duration', draft.durationMs, (durationMs) => onChange({ ...draft, durationMs }), draft.noEnd)}
          <CheckField id={id('noEnd')} label="To the end" checked={draft.noEnd} onChange={(noEnd) => onChange({ ...draft, noEnd })} />
        </>
      );
  }
}
