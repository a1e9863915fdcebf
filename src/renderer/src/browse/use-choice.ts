import { useCallback, useEffect, useState, type MouseEvent } from 'react';
import type { FilmSummary, ListQuery } from '../../../shared/browse';
import { setBrowseSelection, type BrowseSelection } from './browse-selection';
import {
  chosenIds,
  clickKind,
  noSelection,
  selectAll,
  selectedCount,
  selectOne,
  selectRun,
  toggleOne,
  type Selection,
} from './selection';
import type { FilmPages } from './use-film-pages';

/** The choice of films in browse, the keyboard cursor, and what clicks and keys do to them. */
export type Choice = {
  selection: Selection;
  cursor: number | null;
  /** Bumped when the keyboard moved the cursor (the list scrolls to it). */
  cursorMoves: number;
  count: number;
  /** False while the whole result is chosen and its length is still being counted: `count` is a lower bound. */
  countExact: boolean;
  /** The one film the detail pane shows: the only one chosen, else the cursor's. */
  shownId: string | null;
  click: (index: number, film: FilmSummary, event: MouseEvent) => void;
  moveTo: (index: number, options: { extend: boolean; keepChoice: boolean }) => void;
  /** To the last film of the result, once its exact length is known. */
  moveToEnd: (options: { extend: boolean; keepChoice: boolean }) => void;
  toggleCursor: () => void;
  /** Chooses the whole result, once its exact length is known (never a count that is only a bound). */
  chooseAll: () => void;
  clear: () => void;
};

function toStore(selection: Selection, query: ListQuery, total: number): BrowseSelection | null {
  if (selection.mode === 'some')
    return selection.ids.size === 0 ? null : { kind: 'ids', ids: [...selection.ids] };
  return { kind: 'query', query, count: selectedCount(selection, total), except: [...selection.except] };
}

export function useChoice(pages: FilmPages, listQuery: ListQuery): Choice {
  const [selection, setSelection] = useState<Selection>(noSelection);
  const [cursor, setCursor] = useState<number | null>(null);
  const [cursorMoves, setCursorMoves] = useState(0);
  const total = pages.total ?? 0;
  const countExact = selection.mode === 'some' || pages.totalExact;

  // A new result: the old rows' places mean nothing in it.
  useEffect(() => {
    setSelection(noSelection);
    setCursor(null);
  }, [pages.shownKey]);

  const listKey = JSON.stringify(listQuery);
  // Published for the views that act on it; it outlives browse, so export finds it after navigating.
  // The whole result is published only with its exact length: nothing acts on a bound.
  useEffect(() => {
    setBrowseSelection(countExact ? toStore(selection, JSON.parse(listKey) as ListQuery, total) : null);
  }, [selection, listKey, total, countExact]);

  // On idsBetween alone (stable), not the pages object (new at every render): `click`, which the
  // memoised table rows get, then keeps its identity while the rows stay as they are.
  const { idsBetween } = pages;
  const runTo = useCallback(
    (from: number, to: number) => {
      idsBetween(from, to)
        .then((ids) => setSelection((current) => selectRun(current, from <= to ? ids : ids.reverse(), to)))
        .catch((error: unknown) => console.error('The films between could not be read:', error));
    },
    [idsBetween],
  );

  const click = useCallback(
    (index: number, film: FilmSummary, event: MouseEvent) => {
      const kind = clickKind(event);
      setCursor(index);
      if (kind === 'toggle') setSelection((current) => toggleOne(current, film.id, index));
      else if (kind === 'range' && selection.anchor !== null) runTo(selection.anchor, index);
      else setSelection(selectOne(film.id, index));
    },
    [selection.anchor, runTo],
  );

  const moveTo = useCallback(
    (index: number, { extend, keepChoice }: { extend: boolean; keepChoice: boolean }) => {
      setCursor(index);
      setCursorMoves((n) => n + 1);
      if (keepChoice) return;
      if (extend) {
        const anchor = selection.anchor ?? cursor ?? index;
        setSelection((current) => ({ ...current, anchor }));
        runTo(anchor, index);
        return;
      }
      const film = pages.filmAt(index);
      if (film) setSelection(selectOne(film.id, index));
      else
        void pages.idsBetween(index, index).then(([id]) => {
          if (id) setSelection(selectOne(id, index));
        });
    },
    [pages, runTo, selection.anchor, cursor],
  );

  const moveToEnd = useCallback(
    (options: { extend: boolean; keepChoice: boolean }) => {
      pages
        .exactTotal()
        .then((exact) => {
          if (exact) moveTo(exact - 1, options);
        })
        .catch((error: unknown) => console.error('The end of the result could not be found:', error));
    },
    [pages, moveTo],
  );

  const chooseAll = useCallback(() => {
    if (pages.totalExact) {
      setSelection(selectAll());
      return;
    }
    pages
      .exactTotal()
      .then((exact) => {
        if (exact !== null) setSelection(selectAll());
      })
      .catch((error: unknown) => console.error('The result could not be counted:', error));
  }, [pages]);

  const toggleCursor = useCallback(() => {
    if (cursor === null) return;
    const film = pages.filmAt(cursor);
    if (film) setSelection((current) => toggleOne(current, film.id, cursor));
  }, [cursor, pages]);

  const ids = chosenIds(selection);
  const cursorFilm = cursor === null ? undefined : pages.filmAt(cursor);
  return {
    selection,
    cursor,
    cursorMoves,
    count: selectedCount(selection, total),
    countExact,
    shownId: ids?.length === 1 ? ids[0]! : ids?.length === 0 ? (cursorFilm?.id ?? null) : null,
    click,
    moveTo,
    moveToEnd,
    toggleCursor,
    chooseAll,
    clear: () => setSelection(noSelection),
  };
}
