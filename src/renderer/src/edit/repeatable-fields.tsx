import type { ReactNode } from 'react';
import type { Money } from '../../../shared/film-schema';
import type { SuggestionKind } from '../../../shared/library-edits';
import { optionalText } from './draft';
import { DateField, RequiredTextField, SelectField, TextField, type Choice } from './fields';
import { MoneyInput, YearInput } from './parsed-input';
import { RepeatableGroup, type ItemProps, type RepeatableGroupProps } from './repeatable-group';
import { FieldRow } from './section';
import { SuggestInput } from './suggest-input';

/** The keys of T holding exactly a V: a nullable field takes no required input, nor the reverse. */
type KeyOf<T, V> = {
  [K in keyof T]-?: [T[K]] extends [V] ? ([V] extends [T[K]] ? K : never) : never;
}[keyof T];

/** The keys of T holding some V (a select's value is one of a few strings). */
type KeyFitting<T, V> = { [K in keyof T]-?: [T[K]] extends [V] ? K : never }[keyof T];

/**
 * Optional (blank is null, unknown) or required (kept as typed, marked "*", checked by the schema).
 * A required field's key must hold a value that is never null, so the two cannot be mixed up.
 */
type Requirement<T, V> = { key: KeyOf<T, V | null>; required?: false } | { key: KeyOf<T, V>; required: true };

type TextSpec<T> = {
  input?: 'text';
  label: string;
  multiline?: boolean;
  type?: 'url';
  placeholder?: string;
} & Requirement<T, string>;

type SuggestSpec<T> = {
  input: 'suggest';
  label: string;
  /** Where suggestions come from: values of this kind already in the library. */
  kind: SuggestionKind;
  fixedSuggestions?: readonly string[];
} & Requirement<T, string>;

type DateSpec<T> = { input: 'date'; label: string } & Requirement<T, string>;

/** One field of an item, by the key it edits; `custom` draws anything else (a picker, a badge). */
export type ItemField<T> =
  | TextSpec<T>
  | SuggestSpec<T>
  | DateSpec<T>
  | { input: 'year'; key: KeyOf<T, number | null>; label: string }
  | { input: 'money'; key: KeyOf<T, Money | null>; label: string }
  | {
      input: 'select';
      key: KeyFitting<T, string | null>;
      label: string;
      choices: readonly Choice<string>[];
      /** Offers "none" (null); without it the field always holds one of the choices. */
      emptyLabel?: string;
    }
  | { input: 'custom'; name: string; render: (props: ItemProps<T>) => ReactNode };

/** An item's fields top to bottom; a nested list is a row of short fields side by side. */
export type ItemLayout<T> = readonly (ItemField<T> | readonly ItemField<T>[])[];

/** A web address, as products, providers, bonus content and reviews give one. */
export const ADDRESS_FIELD = { key: 'url', label: 'Address', type: 'url', placeholder: 'https://…' } as const;
/** A longer description, as cast members, products and bonus content have. */
export const DESCRIPTION_FIELD = { key: 'description', label: 'Description', multiline: true } as const;

function ItemFieldView<T>({ field, props }: { field: ItemField<T>; props: ItemProps<T> }) {
  const { item, path, set } = props;
  if (field.input === 'custom') return field.render(props);
  const fieldPath = `${path}.${String(field.key)}`;
  const value = item[field.key] as unknown;
  const put = (next: unknown) => set({ ...item, [field.key]: next });
  switch (field.input) {
    case 'year':
      return <YearInput label={field.label} path={fieldPath} value={value as number | null} onChange={put} />;
    case 'money':
      return <MoneyInput label={field.label} path={fieldPath} value={value as Money | null} onChange={put} />;
    case 'date':
      return (
        <DateField
          label={field.label}
          required={field.required}
          path={fieldPath}
          value={value as string | null}
          onChange={(date) => put(field.required ? (date ?? '') : date)}
        />
      );
    case 'select':
      return (
        <SelectField
          label={field.label}
          path={fieldPath}
          value={value as string | null}
          emptyLabel={field.emptyLabel}
          choices={field.choices}
          // Null comes only from the empty choice; a field without one keeps its value.
          onChange={(choice) => put(choice ?? (field.emptyLabel === undefined ? value : null))}
        />
      );
    case 'suggest':
      return (
        <SuggestInput
          label={field.required ? `${field.label} *` : field.label}
          path={fieldPath}
          kind={field.kind}
          fixedSuggestions={field.fixedSuggestions}
          value={(value as string | null) ?? ''}
          onChange={(text) => put(field.required ? text : optionalText(text))}
        />
      );
    default: {
      const { input: _input, key: _key, required, ...text } = field;
      return required ? (
        <RequiredTextField {...text} path={fieldPath} value={value as string} onChange={put} />
      ) : (
        <TextField {...text} path={fieldPath} value={value as string | null} onChange={put} />
      );
    }
  }
}

const fieldName = <T,>(field: ItemField<T>) => (field.input === 'custom' ? field.name : String(field.key));

/**
 * A repeated group whose items are records edited field by field (cast, quotes, copies…): the
 * group's add, remove, undo and reorder (RepeatableGroup), with each item's fields laid out from
 * `fields` rather than written out by hand, so every group labels and binds its fields alike.
 */
export function RepeatableFields<T>({
  fields,
  ...group
}: Omit<RepeatableGroupProps<T>, 'renderItem'> & { fields: ItemLayout<T> }) {
  return (
    <RepeatableGroup<T>
      {...group}
      renderItem={(props) =>
        fields.map((entry, index) =>
          Array.isArray(entry) ? (
            <FieldRow key={index}>
              {(entry as readonly ItemField<T>[]).map((field) => (
                <ItemFieldView key={fieldName(field)} field={field} props={props} />
              ))}
            </FieldRow>
          ) : (
            <ItemFieldView
              key={fieldName(entry as ItemField<T>)}
              field={entry as ItemField<T>}
              props={props}
            />
          ),
        )
      }
    />
  );
}
