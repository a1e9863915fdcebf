import { memo, type Ref } from 'react';

type SearchBoxProps = {
  value: string;
  onChange: (text: string) => void;
  /** Esc in an empty box: the keyboard goes back to the list. */
  onLeave: () => void;
  inputRef: Ref<HTMLInputElement>;
};

/**
 * The search field: titles, people, characters, quotes, story, trivia, tags and notes, as you type.
 * Memoised: browse renders again as a search's answers land; the field only when its text changes.
 */
export const SearchBox = memo(function SearchBox({ value, onChange, onLeave, inputRef }: SearchBoxProps) {
  return (
    <div className="search-box">
      <span className="search-icon" aria-hidden="true">
        ⌕
      </span>
      <input
        ref={inputRef}
        type="search"
        aria-label="Search films"
        placeholder="Search titles, people, characters, quotes, story…"
        spellCheck={false}
        autoComplete="off"
        value={value}
        onChange={(event) => onChange(event.currentTarget.value)}
        onKeyDown={(event) => {
          if (event.key === 'Escape') {
            event.preventDefault();
            if (value !== '') onChange('');
            else onLeave();
          } else if (event.key === 'ArrowDown' || event.key === 'Enter') {
            event.preventDefault();
            onLeave();
          }
        }}
      />
      {value === '' ? (
        <kbd className="search-key" aria-hidden="true">
          /
        </kbd>
      ) : null}
    </div>
  );
});
