import { useId, type ReactNode } from 'react';
import { fieldId } from './labels';
import { useFieldProblems, useValidation } from './validation-context';
import { optionalText } from './draft';

/** What a field passes to its control: the id its label points at, and how it is described. */
export type ControlProps = {
  id: string;
  'aria-invalid': boolean;
  'aria-describedby': string | undefined;
  onBlur: () => void;
};

type FieldProps = {
  label: string;
  path: string;
  hint?: ReactNode;
  /** Also show problems inside the value (e.g. a money field's amount). */
  nested?: boolean;
  wide?: boolean;
  /** An id for the label, for a control made of several parts that names itself by it. */
  labelId?: string;
  children: (control: ControlProps) => ReactNode;
};

/** A label, a control, a hint, and the field's problems once it was left. */
export function Field({ label, path, hint, nested, wide, labelId, children }: FieldProps) {
  const id = fieldId(path);
  const messages = useFieldProblems(path, nested);
  const { touch } = useValidation();
  const hintId = useId();
  const errorId = useId();
  const describedBy = [hint ? hintId : null, messages.length > 0 ? errorId : null].filter(Boolean).join(' ');
  return (
    <div className={`field${wide ? ' wide' : ''}${messages.length > 0 ? ' invalid' : ''}`}>
      <label id={labelId} htmlFor={id}>
        {label}
      </label>
      {children({
        id,
        'aria-invalid': messages.length > 0,
        'aria-describedby': describedBy || undefined,
        onBlur: () => touch(path),
      })}
      {hint ? (
        <small className="field-hint" id={hintId}>
          {hint}
        </small>
      ) : null}
      {messages.length > 0 ? (
        <p className="field-error" id={errorId}>
          {messages.join('; ')}
        </p>
      ) : null}
    </div>
  );
}

type TextProps = {
  label: string;
  path: string;
  multiline?: boolean;
  wide?: boolean;
  type?: 'text' | 'url';
  placeholder?: string;
  hint?: ReactNode;
};

function TextControl({
  control,
  value,
  onText,
  multiline,
  type,
  placeholder,
}: {
  control: ControlProps;
  value: string;
  onText: (text: string) => void;
  multiline?: boolean;
  type?: string;
  placeholder?: string;
}) {
  if (multiline) {
    return (
      <textarea
        {...control}
        value={value}
        placeholder={placeholder}
        rows={Math.min(12, Math.max(3, Math.ceil(value.length / 90)))}
        onChange={(event) => onText(event.target.value)}
      />
    );
  }
  return (
    <input
      {...control}
      type={type ?? 'text'}
      value={value}
      placeholder={placeholder}
      onChange={(event) => onText(event.target.value)}
    />
  );
}

/** A text that may be absent: blank becomes null (unknown), never "". */
export function TextField(
  props: TextProps & { value: string | null; onChange: (value: string | null) => void },
) {
  const { value, onChange, ...rest } = props;
  return (
    <Field label={rest.label} path={rest.path} hint={rest.hint} wide={rest.wide ?? rest.multiline}>
      {(control) => (
        <TextControl
          {...rest}
          control={control}
          value={value ?? ''}
          onText={(text) => onChange(optionalText(text))}
        />
      )}
    </Field>
  );
}

/** A text the film must have (a title, a person's name): kept as typed, checked by the schema. */
export function RequiredTextField(props: TextProps & { value: string; onChange: (value: string) => void }) {
  const { value, onChange, ...rest } = props;
  return (
    <Field label={`${rest.label} *`} path={rest.path} hint={rest.hint} wide={rest.wide ?? rest.multiline}>
      {(control) => <TextControl {...rest} control={control} value={value} onText={onChange} />}
    </Field>
  );
}

/** A calendar date (YYYY-MM-DD) or none. */
export function DateField(props: {
  label: string;
  path: string;
  value: string | null;
  onChange: (value: string | null) => void;
  required?: boolean;
}) {
  return (
    <Field label={props.required ? `${props.label} *` : props.label} path={props.path}>
      {(control) => (
        <input
          {...control}
          type="date"
          value={props.value ?? ''}
          onChange={(event) => props.onChange(event.target.value === '' ? null : event.target.value)}
        />
      )}
    </Field>
  );
}

export type Choice<T extends string> = { value: T; label: string };

/** One of a few values; `emptyLabel` offers "none" (null). */
export function SelectField<T extends string>(props: {
  label: string;
  path: string;
  value: T | null;
  choices: readonly Choice<T>[];
  emptyLabel?: string;
  onChange: (value: T | null) => void;
}) {
  return (
    <Field label={props.label} path={props.path}>
      {(control) => (
        <select
          {...control}
          value={props.value ?? ''}
          onChange={(event) => props.onChange(event.target.value === '' ? null : (event.target.value as T))}
        >
          {props.emptyLabel !== undefined ? <option value="">{props.emptyLabel}</option> : null}
          {props.choices.map((choice) => (
            <option key={choice.value} value={choice.value}>
              {choice.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
