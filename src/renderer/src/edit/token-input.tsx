import { useId, useRef, useState, type ClipboardEvent, type KeyboardEvent } from 'react';
import type { SuggestionKind } from '../../../shared/library-edits';
import { Field } from './fields';
import { includesIgnoringCase, SuggestionList, useSuggestionBox } from './suggestion-box';
import { splitTokens, splitTyping } from './token-text';

type TokenInputProps = {
  label: string;
  path: string;
  value: readonly string[];
  onChange: (values: string[]) => void;
  /** Where suggestions come from: values of this kind already in the library. */
  kind?: SuggestionKind;
  /** Suggestions offered whatever the library holds (e.g. the common media). */
  fixedSuggestions?: readonly string[];
  placeholder?: string;
};

/** How to enter tokens, under every token box: the comma rule is not one anyone could guess. */
export function tokenHint(kind: SuggestionKind | undefined): string {
  return kind === 'person'
    ? 'Enter or Tab adds. Commas separate names, except before Jr., Sr., II or III.'
    : 'Enter or Tab adds. Commas separate several.';
}

function moveItem<T>(items: readonly T[], from: number, to: number): T[] {
  const moved = [...items];
  const [item] = moved.splice(from, 1);
  if (item !== undefined) moved.splice(to, 0, item);
  return moved;
}

/**
 * A list of short values (genres, tags, directors) as removable tokens, with suggestions from the
 * library. Enter or Tab adds what was typed, and so does leaving the box; a typed comma does not
 * add at once, so "Sammy Davis, Jr." can be written out, and the text is split when it is added
 * (see token-text). Pasted lines are added at once. Backspace in the empty box takes the last token
 * back into the box to be corrected; Alt+Left/Right on a token moves it (order is kept).
 */
export function TokenInput({
  label,
  path,
  value: values,
  onChange,
  kind,
  fixedSuggestions = [],
  placeholder,
}: TokenInputProps) {
  const labelId = useId();
  const [text, setText] = useState('');
  // What is in the box right now, for leaving it just after a key added it (before a new render).
  const typed = useRef('');
  const { done, typing } = splitTyping(text);
  const box = useSuggestionBox({
    label,
    typing,
    kind,
    fixedSuggestions,
    leaveOut: (option) => includesIgnoringCase([...values, ...done], option),
  });
  const { activeOption } = box;

  const type = (next: string) => {
    typed.current = next;
    setText(next);
  };
  const add = (candidates: readonly string[]) => {
    const fresh: string[] = [];
    for (const candidate of candidates.map((value) => value.trim()).filter(Boolean)) {
      if (!includesIgnoringCase([...values, ...fresh], candidate)) fresh.push(candidate);
    }
    if (fresh.length > 0) onChange([...values, ...fresh]);
    type('');
    box.reset();
  };
  /** Adds what was typed, the chosen suggestion in place of the part it was chosen for. */
  const commit = () => add(activeOption !== undefined ? [...done, activeOption] : splitTokens(text));
  const removeAt = (index: number) => onChange(values.filter((_, i) => i !== index));

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (box.onKey(event)) return;
    const something = activeOption !== undefined || text.trim() !== '';
    if (event.key === 'Enter' && something) {
      event.preventDefault();
      commit();
    } else if (event.key === 'Tab' && something) {
      // Adds (a chosen suggestion too), and the focus moves on as Tab does; leaving finds the box empty.
      commit();
    } else if (event.key === 'Backspace' && text === '' && values.length > 0) {
      event.preventDefault();
      type(values.at(-1) ?? '');
      removeAt(values.length - 1);
    }
  };
  const onPaste = (event: ClipboardEvent<HTMLInputElement>) => {
    const pasted = event.clipboardData.getData('text');
    const input = event.currentTarget;
    const whole =
      text.slice(0, input.selectionStart ?? text.length) +
      pasted +
      text.slice(input.selectionEnd ?? text.length);
    const tokens = splitTokens(whole);
    // One value goes into the box as usual, to be looked at and added; several lines or a list are added.
    if (tokens.length < 2 && !/[\r\n]/.test(pasted.trim())) return;
    event.preventDefault();
    add(tokens);
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
    <Field label={label} path={path} hint={tokenHint(kind)} nested wide labelId={labelId}>
      {(control) => (
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
            {...control}
            {...box.inputProps}
            value={text}
            placeholder={values.length === 0 ? (placeholder ?? 'Type and press Enter') : 'Add…'}
            onChange={(event) => {
              type(event.target.value);
              box.reset(true);
            }}
            onBlur={() => {
              // Leaving the box keeps what was typed in it: nothing typed is lost by clicking elsewhere.
              if (typed.current.trim() !== '') add(splitTokens(typed.current));
              box.setOpen(false);
              control.onBlur();
            }}
            onKeyDown={onKeyDown}
            onPaste={onPaste}
          />
          <SuggestionList {...box.listProps} onPick={(option) => add([...done, option])} />
        </div>
      )}
    </Field>
  );
}
