import { useId, useState, type KeyboardEvent } from 'react';
import type { SuggestionKind } from '../../../shared/library-edits';
import { useSuggestions } from './use-suggestions';

const folded = (text: string) => text.toLocaleLowerCase();

/** Whether `value` is among `values`, whatever the case: "drama" is "Drama". */
export const includesIgnoringCase = (values: readonly string[], value: string) =>
  values.some((existing) => folded(existing) === folded(value));

type SuggestionBoxOptions = {
  label: string;
  /** What the suggestions are for: the text being typed, trimmed. */
  typing: string;
  /** Where suggestions come from: values of this kind already in the library. */
  kind: SuggestionKind | undefined;
  /** Suggestions offered whatever the library holds (e.g. the common media). */
  fixedSuggestions: readonly string[];
  /** Values not worth offering (what the box already holds). */
  leaveOut: (option: string) => boolean;
};

/**
 * A text box with suggestions under it (a combobox): the library's values starting with what is
 * typed, then the fixed ones, each once, at most eight. Arrow Down opens the list and goes down it,
 * Arrow Up goes back up (to none), Escape closes it (and only it, not a dialog around it).
 * `inputProps` go on the input, `listProps` on the SuggestionList.
 */
export function useSuggestionBox({ label, typing, kind, fixedSuggestions, leaveOut }: SuggestionBoxOptions) {
  const listId = useId();
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const fetched = useSuggestions(kind, typing, open);
  const prefix = folded(typing);
  const options = [...fetched, ...fixedSuggestions.filter((value) => folded(value).startsWith(prefix))]
    .filter((value, index, all) => !includesIgnoringCase(all.slice(0, index), value) && !leaveOut(value))
    .slice(0, 8);
  const shown = open && options.length > 0;
  const activeOption = shown && active >= 0 ? options[active] : undefined;
  return {
    activeOption,
    setOpen,
    /** Forgets the active option; with `open`, shows the list for new text. */
    reset: (open?: boolean) => {
      if (open !== undefined) setOpen(open);
      setActive(-1);
    },
    /** Handles the keys of the list; true when the key was one of them. */
    onKey: (event: KeyboardEvent<HTMLInputElement>): boolean => {
      if (event.key === 'ArrowDown') {
        event.preventDefault();
        setOpen(true);
        setActive((index) => Math.min(index + 1, options.length - 1));
      } else if (event.key === 'ArrowUp') {
        event.preventDefault();
        setActive((index) => Math.max(index - 1, -1));
      } else if (event.key === 'Escape' && shown) {
        event.stopPropagation();
        setOpen(false);
      } else {
        return false;
      }
      return true;
    },
    inputProps: {
      type: 'text',
      role: 'combobox',
      'aria-expanded': shown,
      'aria-controls': listId,
      'aria-autocomplete': 'list',
      'aria-activedescendant': activeOption !== undefined ? `${listId}-${active}` : undefined,
      onFocus: () => setOpen(true),
    } as const,
    listProps: { id: listId, label, options, active, shown },
  };
}

/** The list of suggestions under a combobox; picking one with the mouse keeps the focus in the box. */
export function SuggestionList(props: {
  id: string;
  label: string;
  options: readonly string[];
  active: number;
  shown: boolean;
  onPick: (option: string) => void;
}) {
  return (
    <ul
      id={props.id}
      role="listbox"
      aria-label={`Suggestions for ${props.label}`}
      className="suggestions"
      hidden={!props.shown}
    >
      {props.shown
        ? props.options.map((option, index) => (
            <li
              key={option}
              id={`${props.id}-${index}`}
              role="option"
              aria-selected={index === props.active}
              onMouseDown={(event) => {
                event.preventDefault();
                props.onPick(option);
              }}
            >
              {option}
            </li>
          ))
        : null}
    </ul>
  );
}
