import type { ReactNode } from 'react';

/**
 * The fault form's small controls: each has a visible label, and a message beside it when
 * the value is refused (the input points at it with aria-describedby, so a screen reader
 * reads the reason with the field).
 */

export function FieldError({ id, message }: { id: string; message: string | undefined }) {
  if (message === undefined) return null;
  return (
    <span id={id} className="fault-field-error">
      {message}
    </span>
  );
}

interface FieldProps {
  id: string;
  label: string;
  error: string | undefined;
}

export function NumberField({
  id,
  label,
  error,
  value,
  onChange,
  unit,
  step = 1,
  disabled = false,
  narrow = false,
}: FieldProps & {
  value: string;
  onChange: (value: string) => void;
  unit?: string;
  step?: number | 'any';
  disabled?: boolean;
  narrow?: boolean;
}) {
  const errorId = `${id}-error`;
  return (
    <span className="fault-field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        className={narrow ? 'fault-number fault-narrow' : 'fault-number'}
        type="number"
        inputMode="decimal"
        step={step}
        value={value}
        disabled={disabled}
        aria-invalid={error !== undefined}
        aria-describedby={error !== undefined ? errorId : undefined}
        onChange={(e) => onChange(e.target.value)}
      />
      {unit !== undefined && <span className="fault-unit">{unit}</span>}
      <FieldError id={errorId} message={error} />
    </span>
  );
}

export function SelectField({
  id,
  label,
  error,
  value,
  onChange,
  children,
}: FieldProps & { value: string; onChange: (value: string) => void; children: ReactNode }) {
  const errorId = `${id}-error`;
  return (
    <span className="fault-field">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        value={value}
        aria-invalid={error !== undefined}
        aria-describedby={error !== undefined ? errorId : undefined}
        onChange={(e) => onChange(e.target.value)}
      >
        {children}
      </select>
      <FieldError id={errorId} message={error} />
    </span>
  );
}

export function CheckField({
  id,
  label,
  checked,
  onChange,
}: {
  id: string;
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
}) {
  return (
    <span className="fault-field fault-check">
      <input id={id} type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} />
      <label htmlFor={id}>{label}</label>
    </span>
  );
}
