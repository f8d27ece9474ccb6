import type { LatencySpec } from '../../sim/model/scenario.ts';
import { FieldGrid, NumberInput, SelectInput } from './EditorFields.tsx';
import { fieldIdOf } from './fieldPath.ts';
import type { FormApi } from './formApi.ts';
import { LATENCY_KINDS, type LatencyKind, withLatencyKind } from './scenarioEdits.ts';

const LATENCY_TITLES: Record<LatencyKind, string> = {
  fixed: 'fixed',
  uniform: 'uniform (min–max)',
  'long-tail': 'long tail (mostly min–max, rarely up to tail max)',
};

type LatencyField = 'latencyMs' | 'replicationLagMs';

/** Client latency and replication lag (each a fixed, uniform or long-tail model) and message loss. */
export function NetworkSection({ form }: { form: FormApi }) {
  const links = form.doc.network.links.length;
  return (
    <section id={fieldIdOf(['network'])} tabIndex={-1} className="editor-section" aria-labelledby={`${fieldIdOf(['network'])}-heading`}>
      <h3 id={`${fieldIdOf(['network'])}-heading`}>Network</h3>
      <LatencyFields form={form} field="latencyMs" title="Client ↔ node latency (one way)" />
      <LatencyFields form={form} field="replicationLagMs" title="Replication lag (one way)" />
      <FieldGrid>
        <NumberInput form={form} path={['network', 'dropRate']} label="Drop rate (0–1)" context="Client messages" />
      </FieldGrid>
      <p className="editor-note">
        {links === 0 ? 'No per-link rules' : `${links} per-link rule${links === 1 ? '' : 's'}`} (extra delay or loss on one directed link):
        edit them in JSON.
      </p>
    </section>
  );
}

function LatencyFields({ form, field, title }: { form: FormApi; field: LatencyField; title: string }) {
  const spec: LatencySpec = form.doc.network[field];
  const path = ['network', field] as const;
  return (
    <fieldset className="editor-card" id={fieldIdOf(path)} tabIndex={-1} aria-label={title}>
      <h4>{title}</h4>
      <FieldGrid>
        <SelectInput
          path={[...path, 'kind']}
          label="Model"
          context={title}
          value={spec.kind}
          choices={LATENCY_KINDS.map((k) => ({ value: k, label: LATENCY_TITLES[k] }))}
          onChoose={(v) =>
            form.edit((s) => ({ ...s, network: { ...s.network, [field]: withLatencyKind(s.network[field], v as LatencyKind) } }))
          }
        />
        {spec.kind === 'fixed' && <NumberInput form={form} path={[...path, 'ms']} label="Latency (ms)" context={title} />}
        {spec.kind !== 'fixed' && (
          <>
            <NumberInput form={form} path={[...path, 'minMs']} label="Min (ms)" context={title} />
            <NumberInput form={form} path={[...path, 'maxMs']} label="Max (ms)" context={title} />
          </>
        )}
        {spec.kind === 'long-tail' && (
          <>
            <NumberInput form={form} path={[...path, 'tailProbability']} label="Tail probability (0–1)" context={title} />
            <NumberInput form={form} path={[...path, 'tailMaxMs']} label="Tail max (ms)" context={title} />
          </>
        )}
      </FieldGrid>
    </fieldset>
  );
}
