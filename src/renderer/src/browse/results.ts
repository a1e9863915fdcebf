import type { HTMLAttributes, MouseEvent } from 'react';
import type { FilmSummary } from '../../../shared/browse';
import type { Selection } from './selection';
import type { FilmPages } from './use-film-pages';

/** What the table and the grid share: the result, the choice, and what clicks do. */
export type ResultsProps = {
  pages: FilmPages;
  total: number;
  selection: Selection;
  /** The row the keyboard is on. */
  cursor: number | null;
  /** Bumped when the cursor moved by keyboard: the view scrolls it into sight. */
  cursorMoves: number;
  onChoose: (index: number, film: FilmSummary, event: MouseEvent) => void;
  onOpen: (film: FilmSummary) => void;
  /** The id of the element the keyboard cursor is on, for aria-activedescendant. */
  rowId: (index: number) => string;
  /** Keyboard handling, focus and labels for the scrolling container (role grid). */
  gridProps: HTMLAttributes<HTMLDivElement>;
};

/** Rows fetched ahead of and behind what is on screen, so scrolling rarely meets an empty row. */
export const FETCH_AHEAD = 150;
