import {
  useCallback,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type KeyboardEvent,
} from 'react';
import type { FilmFilter, FilmSummary, SortKey } from '../../../shared/browse';
import { BulkEditDialog } from '../edit/bulk-edit-dialog';
import { showToast } from '../edit/toasts';
import { useApi } from '../shell/api-context';
import { useMenuAction } from '../shell/menu-actions';
import { navigate } from '../shell/route';
import { isSearchShortcut, keyIntent } from './browse-keys';
import {
  describeQuery,
  effectiveSort,
  emptyBrowseQuery,
  narrows,
  toListQuery,
  type BrowseQuery,
} from './browse-query';
import { selectionIds, useBrowseSelection } from './browse-selection';
import type { ColumnKey } from './columns';
import { ColumnsMenu } from './columns-menu';
import { DetailPane } from './detail-pane';
import { EmptyLibrary, NoResults } from './empty-states';
import { FilmGrid } from './film-grid';
import { FilmTable, TABLE_ROW_HEIGHT } from './film-table';
import { FilterPanel } from './filter-panel';
import { useBrowseLayout } from './layout-prefs';
import { QueryLine } from './query-line';
import type { ResultsProps } from './results';
import { SearchBox } from './search-box';
import { SortControl } from './sort-control';
import { useChoice } from './use-choice';
import { useFacets } from './use-facets';
import { useFilmPages } from './use-film-pages';
import './browse.css';

/**
 * A key typed this soon after the one before is part of a burst (a scanner, keys typed by a
 * program): a burst asks the library once it settles this long. A key after a pause asks at once,
 * as every key a person types does (they come 100 ms or more apart): waiting would only add this
 * much to each search. Answers to a query no longer current are dropped (useFilmPages).
 */
export const SEARCH_DEBOUNCE_MS = 25;
/** The sheet view takes films by id in its address: more than this is a catalogue, not a print-out. */
const PRINT_AT_MOST = 500;
/** A result this slow to come dims what is shown (is-pending); a quicker one changes nothing first. */
const PENDING_SHOWN_AFTER_MS = 200;

/**
 * `value` as the library should be asked it: at once after a pause, else once a burst settles. The
 * value takes effect before the change is painted (a layout effect), so the search is asked in
 * the same task as the key that typed it. Only a change starts the pause: the view opening (and
 * StrictMode running the effect again) is not a key, so the first key is always asked at once,
 * however soon after the view opened it comes.
 */
function useSettled<T>(value: T, delay: number): T {
  const [settled, setSettled] = useState(value);
  const changedAt = useRef(Number.NEGATIVE_INFINITY);
  const seen = useRef(value);
  useLayoutEffect(() => {
    if (Object.is(seen.current, value)) return undefined;
    seen.current = value;
    const now = performance.now();
    const afterPause = now - changedAt.current >= delay;
    changedAt.current = now;
    if (afterPause) {
      setSettled(value);
      return undefined;
    }
    const timer = setTimeout(() => setSettled(value), delay);
    return () => clearTimeout(timer);
  }, [value, delay]);
  return settled;
}

/** True once `on` has held for `delay`; false again as soon as it does not. */
function useLasting(on: boolean, delay: number): boolean {
  const [lasting, setLasting] = useState(false);
  useEffect(() => {
    if (!on) {
      setLasting(false);
      return undefined;
    }
    const timer = setTimeout(() => setLasting(true), delay);
    return () => clearTimeout(timer);
  }, [on, delay]);
  return lasting;
}

/** Sorting by the column already sorted by turns it around; a new column starts in its natural way. */
function nextSort(query: BrowseQuery, sort: SortKey): Pick<BrowseQuery, 'sort' | 'descending'> {
  if (effectiveSort(query) === sort) return { sort, descending: !query.descending };
  const highFirst: SortKey[] = ['imdb', 'rottenTomatoes', 'rating', 'added'];
  return { sort, descending: highFirst.includes(sort) };
}

const rowId = (index: number) => `film-row-${index}`;

/** The last query, so coming back from a film's page finds the search and filters as they were. */
let lastQuery: BrowseQuery = emptyBrowseQuery;

/** Starts the next browse afresh (a new library opened; tests). */
export function forgetBrowseQuery(): void {
  lastQuery = emptyBrowseQuery;
}

/**
 * The library as collectors live in it: search as you type, filters with counts, any order, a grid
 * or a table of the result (only what is on screen is in the page), a detail pane, and a choice of
 * films that print, export and bulk edit act on.
 */
export function BrowseView() {
  const api = useApi();
  const [layout, setLayout] = useBrowseLayout();
  const [query, setQuery] = useState<BrowseQuery>(() => lastQuery);
  useEffect(() => {
    lastQuery = query;
  }, [query]);
  const search = useSettled(query.search, SEARCH_DEBOUNCE_MS);
  const asked = useMemo(() => ({ ...query, search }), [query, search]);
  const pages = useFilmPages(asked);
  const [refresh, setRefresh] = useState(0);
  const facets = useFacets(asked, refresh, layout.filtersOpen);
  const [libraryTotal, setLibraryTotal] = useState<number | null>(null);
  const listQuery = useMemo(() => toListQuery(asked), [asked]);
  const choice = useChoice(pages, listQuery);
  const selection = useBrowseSelection();
  const [bulkIds, setBulkIds] = useState<string[] | null>(null);
  const [gridColumns, setGridColumns] = useState(1);
  const searchInput = useRef<HTMLInputElement>(null);
  const results = useRef<HTMLDivElement>(null);
  const total = pages.total ?? 0;

  useEffect(() => {
    api.library
      .info()
      .then((info) => setLibraryTotal(info.filmCount))
      .catch(() => setLibraryTotal(null));
  }, [api, refresh]);

  const reload = useCallback(() => {
    setRefresh((n) => n + 1);
    pages.reload();
  }, [pages]);

  // Callbacks the filter panel and the rows get keep their identity, so a keystroke does not
  // render them again (they are memoised).
  const changeFilter = useCallback(
    (change: Partial<FilmFilter>) => setQuery((q) => ({ ...q, filter: { ...q.filter, ...change } })),
    [],
  );
  const clearAll = () => setQuery(emptyBrowseQuery);
  const typeSearch = useCallback((text: string) => setQuery((q) => ({ ...q, search: text })), []);
  const openFilm = useCallback((film: FilmSummary) => navigate({ view: 'film', id: film.id }), []);
  const sortBy = useCallback((sort: SortKey) => setQuery((q) => ({ ...q, ...nextSort(q, sort) })), []);
  const resize = useCallback(
    (column: ColumnKey, width: number) => setLayout({ widths: { ...layout.widths, [column]: width } }),
    [setLayout, layout.widths],
  );
  const slow = useLasting(pages.pending, PENDING_SHOWN_AFTER_MS);

  useMenuAction('view-grid', () => setLayout({ layout: 'grid' }));
  useMenuAction('view-table', () => setLayout({ layout: 'table' }));

  // "/" and Ctrl/Cmd+F put the keyboard in the search box from anywhere in browse.
  useEffect(() => {
    const listen = (event: globalThis.KeyboardEvent) => {
      if (!isSearchShortcut(event, event.target)) return;
      event.preventDefault();
      searchInput.current?.focus();
      searchInput.current?.select();
    };
    window.addEventListener('keydown', listen);
    return () => window.removeEventListener('keydown', listen);
  }, []);

  const chosen = async (): Promise<string[]> => (selection ? selectionIds(api, selection) : []);

  const trashChosen = async () => {
    const ids = await chosen();
    if (ids.length === 0) return;
    try {
      await api.films.trash(ids);
      reload();
      showToast(
        ids.length === 1
          ? 'Moved 1 film to the trash.'
          : `Moved ${ids.length.toLocaleString()} films to the trash.`,
        {
          label: 'Undo',
          run: async () => {
            await api.films.restore(ids);
            reload();
          },
        },
      );
    } catch (error) {
      showToast(
        `The films could not be moved to the trash: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  };

  const printChosen = async () => {
    const ids = await chosen();
    if (ids.length > PRINT_AT_MOST) {
      showToast(
        `Choose at most ${PRINT_AT_MOST} films to print at once (${ids.length.toLocaleString()} are chosen).`,
      );
      return;
    }
    if (ids.length > 0) navigate({ view: 'sheet', ids });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const intent = keyIntent(event, {
      cursor: choice.cursor,
      total,
      totalExact: pages.totalExact,
      columns: layout.layout === 'grid' ? gridColumns : 1,
      pageRows:
        layout.layout === 'grid'
          ? 2
          : Math.max(1, Math.floor((results.current?.clientHeight ?? 600) / TABLE_ROW_HEIGHT) - 2),
    });
    if (!intent) return;
    event.preventDefault();
    if (intent.kind === 'move') choice.moveTo(intent.to, intent);
    else if (intent.kind === 'move-to-end') choice.moveToEnd(intent);
    else if (intent.kind === 'open') {
      const film = choice.cursor === null ? undefined : pages.filmAt(choice.cursor);
      if (film) navigate({ view: 'film', id: film.id });
    } else if (intent.kind === 'toggle') choice.toggleCursor();
    else if (intent.kind === 'select-all') choice.chooseAll();
    else if (intent.kind === 'clear') {
      if (choice.count > 0) choice.clear();
      else if (narrows(query)) clearAll();
    } else void trashChosen();
  };

  const focusResults = useCallback(
    () => results.current?.querySelector<HTMLElement>('.results-scroller')?.focus(),
    [],
  );
  const chooseColumns = useCallback((columns: ColumnKey[]) => setLayout({ columns }), [setLayout]);

  if (pages.total === null && pages.error === null)
    return <p className="muted browse-loading">Opening the library…</p>;
  if (pages.total === null) return <p role="alert">The library could not be read: {pages.error}</p>;
  if (total === 0 && !narrows(asked) && !pages.pending) return <EmptyLibrary onOpened={reload} />;

  const resultsProps: ResultsProps = {
    pages,
    total,
    selection: choice.selection,
    cursor: choice.cursor,
    cursorMoves: choice.cursorMoves,
    onChoose: choice.click,
    onOpen: openFilm,
    rowId,
    gridProps: {
      tabIndex: 0,
      'aria-label': 'Film list',
      'aria-multiselectable': true,
      'aria-activedescendant': choice.cursor === null ? undefined : rowId(choice.cursor),
      onKeyDown,
    },
  };

  return (
    <section className={`browse${slow ? ' is-pending' : ''}`} aria-label="Films">
      <header className="browse-toolbar">
        <SearchBox value={query.search} inputRef={searchInput} onChange={typeSearch} onLeave={focusResults} />
        <div className="toolbar-group" role="group" aria-label="Layout">
          <button
            type="button"
            aria-pressed={layout.layout === 'grid'}
            onClick={() => setLayout({ layout: 'grid' })}
          >
            Grid
          </button>
          <button
            type="button"
            aria-pressed={layout.layout === 'table'}
            onClick={() => setLayout({ layout: 'table' })}
          >
            Table
          </button>
        </div>
        <SortControl
          query={asked}
          onChange={(sort, descending) => setQuery((q) => ({ ...q, sort, descending }))}
        />
        {layout.layout === 'table' ? <ColumnsMenu columns={layout.columns} onChange={chooseColumns} /> : null}
        <button
          type="button"
          aria-pressed={layout.filtersOpen}
          onClick={() => setLayout({ filtersOpen: !layout.filtersOpen })}
        >
          Filters
        </button>
        <button
          type="button"
          aria-pressed={layout.detailOpen}
          onClick={() => setLayout({ detailOpen: !layout.detailOpen })}
        >
          Details
        </button>
      </header>
      <div className="browse-status">
        <QueryLine
          query={asked}
          total={total}
          totalExact={pages.totalExact}
          counting={pages.counting}
          libraryTotal={libraryTotal}
          onChange={setQuery}
          onClear={clearAll}
        />
        {pages.error !== null ? (
          <p role="alert" className="browse-error">
            {pages.totalExact ? 'Some films could not be read' : 'The films could not be counted'}:{' '}
            {pages.error}
          </p>
        ) : null}
        {choice.count > 0 ? (
          <div className="selection-bar" role="group" aria-label="Chosen films">
            <span>
              {!choice.countExact
                ? 'All chosen · counting…'
                : choice.count === 1
                  ? '1 chosen'
                  : `${choice.count.toLocaleString()} chosen`}
            </span>
            <button type="button" onClick={() => void printChosen()}>
              Print selection
            </button>
            <button type="button" onClick={() => void chosen().then((ids) => setBulkIds(ids))}>
              Edit together…
            </button>
            <button type="button" onClick={() => void trashChosen()}>
              Move to trash
            </button>
            {/* Offered with the exact number only: a search still being counted waits for it. */}
            {choice.selection.mode === 'some' && pages.totalExact && choice.count < total ? (
              <button type="button" className="link-button" onClick={choice.chooseAll}>
                Choose all {total.toLocaleString()}
              </button>
            ) : null}
            <button type="button" className="link-button" onClick={choice.clear}>
              Clear choice
            </button>
          </div>
        ) : null}
      </div>
      <div className="browse-body">
        {layout.filtersOpen ? (
          <FilterPanel facets={facets} filter={query.filter} onChange={changeFilter} />
        ) : null}
        {/* Which query the rows show: it changes with the rows' first page, whether or not they look different (the bench waits on it). */}
        <div className="browse-results" ref={results} data-results-for={pages.shownKey ?? ''}>
          {total === 0 ? (
            <NoResults
              description={describeQuery({ ...asked, sort: null, descending: false })}
              onClear={clearAll}
            />
          ) : layout.layout === 'table' ? (
            <FilmTable
              {...resultsProps}
              columns={layout.columns}
              widths={layout.widths}
              sort={effectiveSort(asked)}
              descending={asked.descending}
              onSort={sortBy}
              onResize={resize}
              searching={asked.search.trim() !== ''}
            />
          ) : (
            <FilmGrid {...resultsProps} onColumns={setGridColumns} />
          )}
        </div>
        {layout.detailOpen && (choice.shownId !== null || choice.count > 1) ? (
          <DetailPane
            filmId={choice.shownId}
            chosenCount={choice.count}
            refresh={refresh}
            onClose={() => setLayout({ detailOpen: false })}
          />
        ) : null}
      </div>
      {bulkIds ? (
        <BulkEditDialog
          filmIds={bulkIds}
          onClose={() => setBulkIds(null)}
          onDone={() => {
            setBulkIds(null);
            reload();
          }}
        />
      ) : null}
    </section>
  );
}
