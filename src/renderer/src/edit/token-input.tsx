import { useId, useState, type ClipboardEvent, type KeyboardEvent } from 'react';
import type { SuggestionKind } from '../../../shared/library-edits';
import { fieldId } from './labels';
import { useSuggestions } from './use-suggestions';
import { useFieldProblems, useValidation } from './validation-context';

type TokenInputProps = {
  label: string;
  path: string;
  values: readonly string[];
  onChange: (values: string[]) => void;
  /** Where suggestions come from: values of this kind already in the library. */
  kind?: SuggestionKind;
  /** Suggestions offered whatever the library holds (e.g. the common media). */
  fixedSuggestions?: readonly string[];
  placeholder?: string;
};

/** What separates tokens in typed or pasted text: "Documentary, Biography". */
const SEPARATORS = /[,;\n]/;
const folded = (text: string) => text.toLocaleLowerCase();
const includesIgnoringCase = (values: readonly string[], value: string) =>
  values.some((existing) => folded(existing) === folded(value));

function moveItem<T>(items: readonly T[], from: number, to: number): T[] {
  const moved = [...items];
  const [item] = moved.splice(from, 1);
  if (item !== undefined) moved.splice(to, 0, item);
  return moved;
}

/**
 * A list of short values (genres, tags, directors) as removable tokens, with suggestions from the
 * library. Enter or a comma adds what was typed; Backspace in the empty box takes the last token
 * back into the box to be corrected; Alt+Left/Right on a token moves it (order is kept).
 */
export function TokenInput({
  label,
  path,
  values,
  onChange,
  kind,
  fixedSuggestions = [],
  placeholder,
}: TokenInputProps) {
  const id = fieldId(path);
  const listId = useId();
  const labelId = useId();
  const errorId = useId();
  const { touch } = useValidation();
  const messages = useFieldProblems(path, true);
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const fetched = useSuggestions(kind, text.trim(), open);
  const prefix = folded(text.trim());
  const options = [...fetched, ...fixedSuggestions.filter((value) => folded(value).startsWith(prefix))]
    .filter((value, index, all) => !includesIgnoringCase(all.slice(0, index), value))
    .filter((value) => !includesIgnoringCase(values, value))
    .slice(0, 8);
  const showList = open && options.length > 0;
  const activeOption = showList && active >= 0 ? options[active] : undefined;

  const add = (candidates: readonly string[]) => {
    const fresh: string[] = [];
    for (const candidate of candidates.map((value) => value.trim()).filter(Boolean)) {
      if (!includesIgnoringCase([...values, ...fresh], candidate)) fresh.push(candidate);
    }
    if (fresh.length > 0) onChange([...values, ...fresh]);
    setText('');
    setActive(-1);
  };
  const removeAt = (index: number) => onChange(values.filter((_, i) => i !== index));

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter' && (activeOption !== undefined || text.trim() !== '')) {
      event.preventDefault();
      add([activeOption ?? text]);
    } else if (event.key === ',' && text.trim() !== '') {
      event.preventDefault();
      add([text]);
    } else if (event.key === 'Backspace' && text === '' && values.length > 0) {
      event.preventDefault();
      setText(values.at(-1) ?? '');
      removeAt(values.length - 1);
    } else if (event.key === 'ArrowDown') {
      event.preventDefault();
      setOpen(true);
      setActive((index) => Math.min(index + 1, options.length - 1));
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      setActive((index) => Math.max(index - 1, -1));
    } else if (event.key === 'Escape' && showList) {
      event.stopPropagation();
      setOpen(false);
    }
  };
  const onPaste = (event: ClipboardEvent<HTMLInputElement>) => {
    const pasted = event.clipboardData.getData('text');
    if (!SEPARATORS.test(pasted)) return;
    event.preventDefault();
    add(pasted.split(SEPARATORS));
  };
  const onTokenKey = (event: KeyboardEvent<HTMLButtonElement>, index: number) => {
    const step = event.key === 'ArrowLeft' ? -1 : event.key === 'ArrowRight' ? 1 : 0;
    if (!event.altKey || step === 0) return;
    const to = index + step;
    if (to < 0 || to >= values.length) return;
    event.preventDefault();
    onChange(moveItem(values, index, to));
    const list = event.currentTarget.closest('ul');
    requestAnimationFrame(() => list?.querySelectorAll('button')[to]?.focus());
  };

  return (
    <div className={`field wide${messages.length > 0 ? ' invalid' : ''}`}>
      <label id={labelId} htmlFor={id}>
        {label}
      </label>
      <div className="token-input" role="group" aria-labelledby={labelId}>
        {values.length > 0 ? (
          <ul className="tokens" aria-label={`${label}, ${values.length}`}>
            {values.map((value, index) => (
              <li key={`${value}-${index}`} className="token">
                <span>{value}</span>
                <button
                  type="button"
                  aria-label={`Remove ${value}`}
                  title="Remove (Alt+←/→ moves it)"
                  onClick={() => removeAt(index)}
                  onKeyDown={(event) => onTokenKey(event, index)}
                >
                  ×
                </button>
              </li>
            ))}
          </ul>
        ) : null}
        <input
          id={id}
          type="text"
          role="combobox"
          aria-expanded={showList}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={activeOption !== undefined ? `${listId}-${active}` : undefined}
          aria-invalid={messages.length > 0}
          aria-describedby={messages.length > 0 ? errorId : undefined}
          value={text}
          placeholder={values.length === 0 ? (placeholder ?? 'Type and press Enter') : 'Add…'}
          onChange={(event) => {
            // A comma ends a token, however the text arrived (typed, dropped, filled in).
            const parts = event.target.value.split(SEPARATORS);
            const rest = parts.pop() ?? '';
            if (parts.length > 0) add(parts);
            setText(rest);
            setOpen(true);
            setActive(-1);
          }}
          onFocus={() => setOpen(true)}
          onBlur={() => {
            if (text.trim() !== '') add([text]);
            setOpen(false);
            touch(path);
          }}
          onKeyDown={onKeyDown}
          onPaste={onPaste}
        />
        <ul
          id={listId}
          role="listbox"
          aria-label={`Suggestions for ${label}`}
          className="suggestions"
          hidden={!showList}
        >
          {showList
            ? options.map((option, index) => (
                <li
                  key={option}
                  id={`${listId}-${index}`}
                  role="option"
                  aria-selected={index === active}
                  onMouseDown={(event) => {
                    event.preventDefault();
                    add([option]);
                  }}
                >
                  {option}
                </li>
              ))
            : null}
        </ul>
      </div>
      {messages.length > 0 ? (
        <p className="field-error" id={errorId}>
          {messages.join('; ')}
        </p>
      ) : null}
    </div>
  );
}
