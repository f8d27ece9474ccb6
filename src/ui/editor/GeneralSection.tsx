import type { Fencing } from '../../sim/model/scenario.ts';
import { FieldGrid, NumberInput, SelectInput, TextInput } from './EditorFields.tsx';
import { fieldIdOf } from './fieldPath.ts';
import type { FormApi } from './formApi.ts';

const FENCING: readonly Fencing[] = ['none', 'token', 'cas'];

/** Name, description, seed, duration, the lock and the fencing mode of the protected resource. */
export function GeneralSection({ form }: { form: FormApi }) {
  return (
    <section className="editor-section" aria-labelledby={`${fieldIdOf(['general'])}-heading`}>
      <h3 id={`${fieldIdOf(['general'])}-heading`}>General</h3>
      <FieldGrid>
        <TextInput form={form} path={['name']} label="Name" wide />
        <TextInput form={form} path={['description']} label="Description" wide multiline />
        <NumberInput form={form} path={['seed']} label="Seed" />
        <NumberInput form={form} path={['durationMs']} label="Duration (ms)" />
        <TextInput form={form} path={['lock', 'key']} label="Lock key" />
        <NumberInput form={form} path={['lock', 'ttlMs']} label="Lock TTL (ms)" />
        <SelectInput
          path={['fencing']}
          label="Fencing"
          value={form.doc.fencing}
          choices={FENCING.map((f) => ({ value: f, label: f }))}
          onChoose={(v) => form.edit((s) => ({ ...s, fencing: v }))}
        />
      </FieldGrid>
    </section>
  );
}
