import { useId, useState, type KeyboardEvent } from 'react';
import type { SuggestionKind } from '../../../shared/library-edits';
import { Field } from './fields';
import { useSuggestions } from './use-suggestions';

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
  const listId = useId();
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const prefix = value.trim().toLocaleLowerCase();
  const fetched = useSuggestions(kind, value.trim(), open);
  const options = [...fetched, ...fixedSuggestions.filter((s) => s.toLocaleLowerCase().startsWith(prefix))]
    .filter((option, index, all) => all.indexOf(option) === index && option !== value)
    .slice(0, 8);
  const showList = open && options.length > 0;
  const choose = (option: string) => {
    onChange(option);
    setOpen(false);
    setActive(-1);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      setOpen(true);
      setActive((index) => Math.min(index + 1, options.length - 1));
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      setActive((index) => Math.max(index - 1, -1));
    } else if (event.key === 'Enter' && showList && active >= 0 && options[active] !== undefined) {
      event.preventDefault();
      choose(options[active]);
    } else if (event.key === 'Escape' && showList) {
      event.stopPropagation();
      setOpen(false);
    }
  };
  return (
    <Field label={label} path={path}>
      {(control) => (
        <div className="suggest-input">
          <input
            {...control}
            type="text"
            role="combobox"
            aria-expanded={showList}
            aria-controls={listId}
            aria-autocomplete="list"
            aria-activedescendant={showList && active >= 0 ? `${listId}-${active}` : undefined}
            value={value}
            placeholder={placeholder}
            onChange={(event) => {
              onChange(event.target.value);
              setOpen(true);
              setActive(-1);
            }}
            onFocus={() => setOpen(true)}
            onBlur={() => {
              setOpen(false);
              control.onBlur();
            }}
            onKeyDown={onKeyDown}
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
                      choose(option);
                    }}
                  >
                    {option}
                  </li>
                ))
              : null}
          </ul>
        </div>
      )}
    </Field>
  );
}
