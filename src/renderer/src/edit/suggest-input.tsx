import type { KeyboardEvent } from 'react';
import type { SuggestionKind } from '../../../shared/library-edits';
import { Field } from './fields';
import { SuggestionList, useSuggestionBox } from './suggestion-box';

type SuggestInputProps = {
  label: string;
  path: string;
  value: string;
  onChange: (value: string) => void;
  kind: SuggestionKind;
  fixedSuggestions?: readonly string[];
  placeholder?: string;
};

/** One short value (a name, a borrower, a medium) typed freely, with suggestions from the library. */
export function SuggestInput({
  label,
  path,
  value,
  onChange,
  kind,
  fixedSuggestions = [],
  placeholder,
}: SuggestInputProps) {
  const box = useSuggestionBox({
    label,
    typing: value.trim(),
    kind,
    fixedSuggestions,
    leaveOut: (option) => option === value,
  });
  const choose = (option: string) => {
    onChange(option);
    box.reset(false);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (box.onKey(event)) return;
    if (event.key === 'Enter' && box.activeOption !== undefined) {
      event.preventDefault();
      choose(box.activeOption);
    }
  };
  return (
    <Field label={label} path={path}>
      {(control) => (
        <div className="suggest-input">
          <input
            {...control}
            {...box.inputProps}
            value={value}
            placeholder={placeholder}
            onChange={(event) => {
              onChange(event.target.value);
              box.reset(true);
            }}
            onBlur={() => {
              box.setOpen(false);
              control.onBlur();
            }}
            onKeyDown={onKeyDown}
          />
          <SuggestionList {...box.listProps} onPick={choose} />
        </div>
      )}
    </Field>
  );
}
