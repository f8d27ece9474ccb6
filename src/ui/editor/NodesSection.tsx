import { LIMITS } from '../../scenario/limits.ts';
import type { NodeSpec, Persistence } from '../../sim/model/scenario.ts';
import { CheckInput, FieldGrid, NumberInput, SelectInput } from './EditorFields.tsx';
import { fieldIdOf, withValueAt } from './fieldPath.ts';
import type { FormApi } from './formApi.ts';
import { withNodeCount, withNodeRemoved, withSentinel } from './scenarioEdits.ts';

const PERSISTENCE: ReadonlyArray<{ value: Persistence; label: string }> = [
  { value: 'none', label: 'none' },
  { value: 'aof-everysec', label: 'aof-everysec' },
  { value: 'aof-always', label: 'aof-always' },
];

/** The value a "Replica of" select uses for a master (a node id cannot be empty). */
const NO_MASTER = '';

/** The Redis nodes: add one (the next free letter), remove any, and each node's settings. */
export function NodesSection({ form }: { form: FormApi }) {
  const nodes = form.doc.nodes;
  return (
    <section id={fieldIdOf(['nodes'])} tabIndex={-1} className="editor-section" aria-labelledby={`${fieldIdOf(['nodes'])}-heading`}>
      <div className="editor-section-head">
        <h3 id={`${fieldIdOf(['nodes'])}-heading`}>
          Nodes <span className="editor-count">({nodes.length})</span>
        </h3>
        <button
          type="button"
          onClick={() => form.edit((s) => withNodeCount(s, s.nodes.length + 1))}
          disabled={nodes.length >= LIMITS.nodesMax}
          title={nodes.length >= LIMITS.nodesMax ? `at most ${LIMITS.nodesMax} nodes` : undefined}
        >
          Add node
        </button>
      </div>
      {nodes.map((node, i) => (
        <NodeCard key={node.id} form={form} node={node} index={i} />
      ))}
    </section>
  );
}

function NodeCard({ form, node, index }: { form: FormApi; node: NodeSpec; index: number }) {
  const context = `Node ${node.id}`;
  const others = form.doc.nodes.filter((n) => n.id !== node.id);
  const only = form.doc.nodes.length <= LIMITS.nodesMin;
  return (
    <fieldset id={fieldIdOf(['nodes', index])} tabIndex={-1} className="editor-card" aria-label={context}>
      <div className="editor-card-head">
        <h4>
          {context} <span className="editor-count">{node.replicaOf === undefined ? 'master' : `replica of ${node.replicaOf}`}</span>
        </h4>
        <button
          type="button"
          onClick={() => form.edit((s) => withNodeRemoved(s, index))}
          disabled={only}
          aria-label={`Remove node ${node.id}`}
          title={only ? 'a scenario needs at least one node' : undefined}
        >
          Remove
        </button>
      </div>
      <FieldGrid>
        <SelectInput
          path={['nodes', index, 'replicaOf']}
          label="Replica of"
          context={context}
          value={node.replicaOf ?? NO_MASTER}
          choices={[{ value: NO_MASTER, label: 'none (a master)' }, ...others.map((n) => ({ value: n.id, label: n.id }))]}
          onChoose={(v) => form.edit((s) => withValueAt(s, ['nodes', index, 'replicaOf'], v === NO_MASTER ? undefined : v))}
        />
        <SelectInput
          path={['nodes', index, 'persistence']}
          label="Persistence"
          context={context}
          value={node.persistence}
          choices={PERSISTENCE}
          onChoose={(v) => form.edit((s) => withValueAt(s, ['nodes', index, 'persistence'], v))}
        />
        <NumberInput form={form} path={['nodes', index, 'restartDelayMs']} label="Restart delay (ms)" context={context} />
        <NumberInput form={form} path={['nodes', index, 'hz']} label="hz (expiry cycles/s)" context={context} />
        <NumberInput form={form} path={['nodes', index, 'clock', 'offsetMs']} label="Clock offset (ms)" context={context} />
        <NumberInput form={form} path={['nodes', index, 'clock', 'rate']} label="Clock rate" context={context} />
      </FieldGrid>
    </fieldset>
  );
}

/** Sentinel on or off, and its timing. */
export function SentinelSection({ form }: { form: FormApi }) {
  const sentinel = form.doc.sentinel;
  return (
    <section id={fieldIdOf(['sentinel'])} tabIndex={-1} className="editor-section" aria-labelledby={`${fieldIdOf(['sentinel'])}-heading`}>
      <h3 id={`${fieldIdOf(['sentinel'])}-heading`}>Sentinel</h3>
      <FieldGrid>
        <CheckInput
          path={['sentinel', 'on']}
          label="Sentinel fails over replicated masters"
          checked={sentinel !== null}
          onToggle={(on) => form.edit((s) => withSentinel(s, on))}
        />
        {sentinel !== null && (
          <>
            <NumberInput form={form} path={['sentinel', 'downAfterMs']} label="Down after (ms)" context="Sentinel" />
            <NumberInput form={form} path={['sentinel', 'pingPeriodMs']} label="Ping period (ms)" context="Sentinel" />
            <NumberInput form={form} path={['sentinel', 'promotionMs']} label="Promotion (ms)" context="Sentinel" />
          </>
        )}
      </FieldGrid>
    </section>
  );
}
