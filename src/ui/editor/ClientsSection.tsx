import { LIMITS } from '../../scenario/limits.ts';
import type { ClientSpec, StrategySpec } from '../../sim/model/scenario.ts';
import { CheckInput, FieldGrid, NumberInput, SelectInput, TextInput } from './EditorFields.tsx';
import { fieldIdOf, withValueAt } from './fieldPath.ts';
import type { FormApi } from './formApi.ts';
import { LOCK_STRATEGY_KINDS, type LockStrategyKind, STRATEGY_TITLES } from './scenarioDefaults.ts';
import { withAutoExtend, withClientAdded, withClientRemoved, withClientRenamed, withStrategyKind } from './scenarioEdits.ts';

/** The value a strategy's node select uses for null, "the first master" (a node id cannot be empty). */
const FIRST_MASTER = '';

/** The lock clients: add, remove, rename; each one's design, its options, its workload and clock. */
export function ClientsSection({ form, onEditJson }: { form: FormApi; onEditJson: () => void }) {
  const clients = form.doc.clients;
  return (
    <section id={fieldIdOf(['clients'])} tabIndex={-1} className="editor-section" aria-labelledby={`${fieldIdOf(['clients'])}-heading`}>
      <div className="editor-section-head">
        <h3 id={`${fieldIdOf(['clients'])}-heading`}>
          Clients <span className="editor-count">({clients.length})</span>
        </h3>
        <button
          type="button"
          onClick={() => form.edit(withClientAdded)}
          disabled={clients.length >= LIMITS.clientsMax}
          title={clients.length >= LIMITS.clientsMax ? `at most ${LIMITS.clientsMax} clients` : undefined}
        >
          Add client
        </button>
      </div>
      {clients.map((client, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: a card is the client at this position (its fields' paths are by index); keyed by id, renaming it would remount the card and lose focus.
        <ClientCard key={i} form={form} client={client} index={i} onEditJson={onEditJson} />
      ))}
    </section>
  );
}

function ClientCard({ form, client, index, onEditJson }: { form: FormApi; client: ClientSpec; index: number; onEditJson: () => void }) {
  const context = `Client ${client.id}`;
  const only = form.doc.clients.length <= LIMITS.clientsMin;
  const strategy = client.strategy;
  const kinds: readonly StrategySpec['kind'][] = strategy.kind === 'script' ? ['script', ...LOCK_STRATEGY_KINDS] : LOCK_STRATEGY_KINDS;
  return (
    <fieldset id={fieldIdOf(['clients', index])} tabIndex={-1} className="editor-card" aria-label={context}>
      <div className="editor-card-head">
        <h4>{context}</h4>
        <button
          type="button"
          onClick={() => form.edit((s) => withClientRemoved(s, index))}
          disabled={only}
          aria-label={`Remove client ${client.id}`}
          title={only ? 'a scenario needs at least one client' : undefined}
        >
          Remove
        </button>
      </div>
      <FieldGrid>
        <TextInput
          form={form}
          path={['clients', index, 'id']}
          label="Id"
          context={context}
          commitText={(id) => (s) => withClientRenamed(s, index, id)}
        />
        <SelectInput
          path={['clients', index, 'strategy', 'kind']}
          label="Strategy"
          context={context}
          value={strategy.kind}
          choices={kinds.map((k) => ({ value: k, label: `${k} — ${STRATEGY_TITLES[k]}` }))}
          span2
          onChoose={(v) =>
            form.edit((s) => ({
              ...s,
              clients: s.clients.map((c, j) => (j === index && v !== 'script' ? withStrategyKind(c, v as LockStrategyKind) : c)),
            }))
          }
        />
      </FieldGrid>
      {strategy.kind === 'script' ? (
        <p className="editor-note">
          Raw-command script ({strategy.steps.length} step{strategy.steps.length === 1 ? '' : 's'}) — edit in JSON.{' '}
          <button type="button" className="link" onClick={onEditJson} aria-label={`Edit ${client.id}'s script in JSON`}>
            Open JSON
          </button>
        </p>
      ) : (
        <>
          <StrategyFields form={form} strategy={strategy} index={index} context={context} />
          <WorkloadFields form={form} client={client} index={index} context={context} />
        </>
      )}
      <FieldGrid>
        <NumberInput form={form} path={['clients', index, 'clock', 'offsetMs']} label="Clock offset (ms)" context={context} />
        <NumberInput form={form} path={['clients', index, 'clock', 'rate']} label="Clock rate" context={context} />
      </FieldGrid>
    </fieldset>
  );
}

function StrategyFields({
  form,
  strategy,
  index,
  context,
}: {
  form: FormApi;
  strategy: Exclude<StrategySpec, { kind: 'script' }>;
  index: number;
  context: string;
}) {
  const at = (...rest: string[]) => ['clients', index, 'strategy', ...rest];
  const poll = (
    <>
      <NumberInput form={form} path={at('requestTimeoutMs')} label="Request timeout (ms)" context={context} />
      <NumberInput form={form} path={at('retryDelayMs')} label="Retry delay (ms)" context={context} />
    </>
  );
  switch (strategy.kind) {
    case 'setnx-expire':
    case 'set-nx-px-del':
    case 'set-nx-px-cad':
      return (
        <FieldGrid>
          <SelectInput
            path={at('node')}
            label="Node"
            context={context}
            value={strategy.node ?? FIRST_MASTER}
            choices={[{ value: FIRST_MASTER, label: 'the first master' }, ...form.doc.nodes.map((n) => ({ value: n.id, label: n.id }))]}
            onChoose={(v) => form.edit((s) => withValueAt(s, at('node'), v === FIRST_MASTER ? null : v))}
          />
          {poll}
        </FieldGrid>
      );
    case 'single-failover':
      return (
        <FieldGrid>
          <NumberInput form={form} path={at('waitReplicas')} label="WAIT for replicas" context={context} />
          <NumberInput form={form} path={at('waitTimeoutMs')} label="WAIT timeout (ms)" context={context} />
          {poll}
        </FieldGrid>
      );
    case 'redlock':
      return (
        <FieldGrid>
          <SelectInput
            path={at('mode')}
            label="Mode"
            context={context}
            value={strategy.mode}
            choices={[
              { value: 'parallel', label: 'parallel' },
              { value: 'sequential', label: 'sequential' },
            ]}
            onChoose={(v) => form.edit((s) => withValueAt(s, at('mode'), v))}
          />
          <NumberInput form={form} path={at('requestTimeoutMs')} label="Request timeout (ms)" context={context} />
          <NumberInput form={form} path={at('driftFactor')} label="Drift factor" context={context} />
          <NumberInput form={form} path={at('retryCount')} label="Retry count" context={context} />
          <NumberInput form={form} path={at('retryDelayMs')} label="Retry delay (ms)" context={context} />
          <NumberInput form={form} path={at('retryJitterMs')} label="Retry jitter (ms)" context={context} />
          <CheckInput
            path={at('autoExtend')}
            label="Auto-extend (watchdog)"
            context={context}
            checked={strategy.autoExtend !== null}
            onToggle={(on) => form.edit((s) => withAutoExtend(s, index, on))}
          />
          {strategy.autoExtend !== null && (
            <>
              <NumberInput form={form} path={at('autoExtend', 'thresholdMs')} label="Extend before expiry (ms)" context={context} />
              <NumberInput form={form} path={at('autoExtend', 'maxExtensions')} label="Max extensions" context={context} />
            </>
          )}
        </FieldGrid>
      );
  }
}

function WorkloadFields({ form, client, index, context }: { form: FormApi; client: ClientSpec; index: number; context: string }) {
  const at = (field: string) => ['clients', index, 'workload', field];
  return (
    <>
      <h5 className="editor-subhead">Workload</h5>
      <FieldGrid>
        <NumberInput form={form} path={at('startMs')} label="Start (ms)" context={context} />
        <NumberInput form={form} path={at('rounds')} label="Rounds" context={context} />
        <NumberInput form={form} path={at('criticalSectionMs')} label="Critical section (ms)" context={context} />
        <NumberInput form={form} path={at('thinkMs')} label="Think time (ms)" context={context} />
        <NumberInput form={form} path={at('writes')} label="Writes per round" context={context} />
        <NumberInput form={form} path={at('acquireTimeoutMs')} label="Acquire timeout (ms)" context={context} />
        <CheckInput
          path={at('checkValidityBeforeWrite')}
          label="Check validity before each write"
          context={context}
          checked={client.workload.checkValidityBeforeWrite}
          onToggle={(on) => form.edit((s) => withValueAt(s, at('checkValidityBeforeWrite'), on))}
        />
      </FieldGrid>
    </>
  );
}
