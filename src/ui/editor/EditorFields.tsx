import { type ReactNode, useState } from 'react';
import { fieldIdOf, type FieldPath, valueAt, withValueAt } from './fieldPath.ts';
import { checkTextField, numberRuleAt } from './fieldRules.ts';
import type { FormApi } from './formApi.ts';
import { describeRange, parseNumberField } from './parseNumberField.ts';

/**
 * The form's controls, each bound to one path of the scenario. Text and number fields keep
 * what the user typed and commit on blur or Enter (Escape puts the value back); a value the
 * field itself can refuse is refused beside it, before the store sees it. Every control has
 * a visible label; `context` ("Node A") is added for screen readers, so twelve "hz" fields
 * still have twelve different names.
 */

interface BoundProps {
  form: FormApi;
  path: FieldPath;
  label: string;
  context?: string;
  /** A wider cell for long text (name, description). */
  wide?: boolean;
}

function Label({ id, label, context }: { id: string; label: string; context: string | undefined }) {
  return (
    <label htmlFor={id}>
      {context !== undefined && <span className="editor-sr-only">{context} </span>}
      {label}
    </label>
  );
}

function FieldError({ id, message }: { id: string; message: string | null }) {
  if (message === null) return null;
  return (
    <span id={id} className="editor-field-error">
      {message}
    </span>
  );
}

/** Text that follows the document until the user types, then stays theirs until it is committed or the document moves on. */
function useFieldText(shown: string) {
  const [state, setState] = useState({ shown, text: shown, error: null as string | null });
  if (state.shown !== shown) {
    const next = { shown, text: shown, error: null };
    setState(next);
    return { ...next, setState };
  }
  return { ...state, setState };
}

export function NumberInput({ form, path, label, context, wide }: BoundProps) {
  const id = fieldIdOf(path);
  const value = valueAt(form.doc, path);
  const shown = typeof value === 'number' ? String(value) : '';
  const field = useFieldText(shown);
  const rule = numberRuleAt(path, form.doc) ?? { min: Number.NEGATIVE_INFINITY, max: Number.POSITIVE_INFINITY, integer: false };
  const commit = () => {
    const parsed = parseNumberField(field.text, rule);
    if (!parsed.ok) {
      field.setState({ shown, text: field.text, error: parsed.message });
      return;
    }
    field.setState({ shown, text: field.text, error: null });
    if (parsed.value !== value) form.edit((s) => withValueAt(s, path, parsed.value));
  };
  const errorId = `${id}-error`;
  return (
    <div className={wide === true ? 'editor-field editor-wide' : 'editor-field'}>
      <Label id={id} label={label} context={context} />
      <input
        id={id}
        type="text"
        inputMode={rule.integer && rule.min >= 0 ? 'numeric' : 'decimal'}
        autoComplete="off"
        spellCheck={false}
        title={`${rule.integer ? 'a whole number' : 'a number'}${describeRange(rule)}`}
        value={field.text}
        aria-invalid={field.error !== null}
        aria-describedby={field.error !== null ? errorId : undefined}
        onChange={(e) => field.setState({ shown, text: e.target.value, error: field.error })}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit();
          if (e.key === 'Escape' && field.text !== shown) {
            // Only when there is something to put back: otherwise Escape is the page's (closing a drawer).
            e.stopPropagation();
            field.setState({ shown, text: shown, error: null });
          }
        }}
      />
      <FieldError id={errorId} message={field.error} />
    </div>
  );
}

export function TextInput({
  form,
  path,
  label,
  context,
  wide,
  multiline = false,
  commitText,
}: BoundProps & {
  multiline?: boolean;
  /** How a checked value becomes a change (a client rename also renames its references). */
  commitText?: (text: string) => (s: FormApi['doc']) => unknown;
}) {
  const id = fieldIdOf(path);
  const value = valueAt(form.doc, path);
  const shown = typeof value === 'string' ? value : '';
  const field = useFieldText(shown);
  const commit = () => {
    const checked = checkTextField(path, form.doc, field.text);
    if (!checked.ok) {
      field.setState({ shown, text: field.text, error: checked.message });
      return;
    }
    field.setState({ shown, text: field.text, error: null });
    if (checked.value !== value)
      form.edit(commitText !== undefined ? commitText(checked.value) : (s) => withValueAt(s, path, checked.value));
  };
  const errorId = `${id}-error`;
  const common = {
    id,
    value: field.text,
    spellCheck: false,
    'aria-invalid': field.error !== null,
    'aria-describedby': field.error !== null ? errorId : undefined,
    onBlur: commit,
  };
  const revert = (e: { key: string; stopPropagation(): void }) => {
    if (e.key === 'Escape' && field.text !== shown) {
      e.stopPropagation();
      field.setState({ shown, text: shown, error: null });
    }
  };
  return (
    <div className={wide === true ? 'editor-field editor-wide' : 'editor-field'}>
      <Label id={id} label={label} context={context} />
      {multiline ? (
        <textarea
          {...common}
          rows={3}
          onChange={(e) => field.setState({ shown, text: e.target.value, error: field.error })}
          onKeyDown={(e) => {
            // A description has line breaks of its own: Ctrl+Enter commits, as in the JSON view.
            if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) commit();
            revert(e);
          }}
        />
      ) : (
        <input
          {...common}
          type="text"
          autoComplete="off"
          onChange={(e) => field.setState({ shown, text: e.target.value, error: field.error })}
          onKeyDown={(e) => {
            if (e.key === 'Enter') commit();
            revert(e);
          }}
        />
      )}
      <FieldError id={errorId} message={field.error} />
    </div>
  );
}

export interface Choice {
  value: string;
  label: string;
}

/** A select that commits at once; `path` names it (for its id, so an issue can focus it). */
export function SelectInput({
  path,
  label,
  context,
  value,
  choices,
  onChoose,
  span2 = false,
}: {
  path: FieldPath;
  label: string;
  context?: string;
  value: string;
  choices: readonly Choice[];
  onChoose: (value: string) => void;
  /** Two grid cells, for long option texts. */
  span2?: boolean;
}) {
  const id = fieldIdOf(path);
  return (
    <div className={span2 ? 'editor-field editor-span2' : 'editor-field'}>
      <Label id={id} label={label} context={context} />
      <select id={id} value={value} onChange={(e) => onChoose(e.target.value)}>
        {choices.map((c) => (
          <option key={c.value} value={c.value}>
            {c.label}
          </option>
        ))}
      </select>
    </div>
  );
}

export function CheckInput({
  path,
  label,
  context,
  checked,
  onToggle,
}: {
  path: FieldPath;
  label: string;
  context?: string;
  checked: boolean;
  onToggle: (checked: boolean) => void;
}) {
  const id = fieldIdOf(path);
  return (
    <div className="editor-field editor-check">
      <input id={id} type="checkbox" checked={checked} onChange={(e) => onToggle(e.target.checked)} />
      <Label id={id} label={label} context={context} />
    </div>
  );
}

/** A row of fields that wraps to the drawer's width. */
export function FieldGrid({ children }: { children: ReactNode }) {
  return <div className="editor-grid">{children}</div>;
}
