import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useEffect, useRef, type CSSProperties, type PointerEvent as ReactPointerEvent } from 'react';
import type { FilmSummary, SortKey } from '../../../shared/browse';
import { COLUMNS, MIN_COLUMN_WIDTH, type ColumnKey } from './columns';
import { FETCH_AHEAD, type ResultsProps } from './results';
import { isSelected } from './selection';

export const TABLE_ROW_HEIGHT = 32;
/** While searching, each row has a second line: where the search matched, with the words marked. */
export const SEARCH_ROW_HEIGHT = 48;

type TableProps = ResultsProps & {
  columns: ColumnKey[];
  widths: Partial<Record<ColumnKey, number>>;
  sort: SortKey;
  descending: boolean;
  onSort: (sort: SortKey) => void;
  onResize: (column: ColumnKey, width: number) => void;
  /** Rows of two lines, the second for the match. */
  searching: boolean;
};

/** What the header row shows: it renders again when one of these changes, not at every key typed. */
type HeaderProps = Pick<TableProps, 'columns' | 'widths' | 'sort' | 'descending' | 'onSort' | 'onResize'>;
type ColumnProps = Pick<TableProps, 'columns' | 'widths'>;

function widthOf(widths: TableProps['widths'], column: ColumnKey): number {
  return widths[column] ?? COLUMNS[column].width;
}

/** Drags a column's right edge; the width is saved when the drag ends. */
function startResize(
  event: ReactPointerEvent,
  start: number,
  onDone: (width: number) => void,
  onMove: (width: number) => void,
) {
  event.preventDefault();
  event.stopPropagation();
  const origin = event.clientX;
  const target = event.currentTarget as HTMLElement;
  target.setPointerCapture?.(event.pointerId);
  const widthAt = (x: number) => Math.max(MIN_COLUMN_WIDTH, Math.round(start + x - origin));
  const move = (moved: PointerEvent) => onMove(widthAt(moved.clientX));
  const end = (ended: PointerEvent) => {
    target.removeEventListener('pointermove', move);
    target.removeEventListener('pointerup', end);
    onDone(widthAt(ended.clientX));
  };
  target.addEventListener('pointermove', move);
  target.addEventListener('pointerup', end);
}

function HeaderCell({ column, props }: { column: ColumnKey; props: HeaderProps }) {
  const definition = COLUMNS[column];
  const active = props.sort === definition.sort;
  const ariaSort = active ? (props.descending ? 'descending' : 'ascending') : 'none';
  const header = useRef<HTMLDivElement>(null);
  return (
    <div
      ref={header}
      role="columnheader"
      aria-sort={ariaSort}
      className={`cell header-cell align-${definition.align ?? 'start'}`}
    >
      <button
        type="button"
        className="sort-button"
        onClick={() => props.onSort(definition.sort)}
        title={`Sort by ${definition.label.toLowerCase()}`}
      >
        {definition.label}
        <span className="sort-arrow" aria-hidden="true">
          {active ? (props.descending ? '▾' : '▴') : ''}
        </span>
      </button>
      <span
        className="resize-handle"
        role="separator"
        aria-orientation="vertical"
        aria-label={`Resize ${definition.label}`}
        onPointerDown={(event) =>
          startResize(
            event,
            widthOf(props.widths, column),
            (width) => props.onResize(column, width),
            (width) =>
              header.current
                ?.closest('.film-table')
                ?.setAttribute('style', columnStyle(props, { [column]: width })),
          )
        }
      />
    </div>
  );
}

/** The title column takes the room left over; its width is its least. */
function columnTemplate(props: ColumnProps, override: Partial<Record<ColumnKey, number>> = {}): string {
  return props.columns
    .map((column) => {
      const width = `${override[column] ?? widthOf(props.widths, column)}px`;
      return column === 'title' ? `minmax(${width}, 1fr)` : width;
    })
    .join(' ');
}

function minimumWidth(props: ColumnProps): number {
  return props.columns.reduce((sum, column) => sum + widthOf(props.widths, column), 0);
}

function columnStyle(props: ColumnProps, override: Partial<Record<ColumnKey, number>> = {}): string {
  const least =
    minimumWidth(props) +
    Object.entries(override).reduce(
      (sum, [column, width]) => sum + (width ?? 0) - widthOf(props.widths, column as ColumnKey),
      0,
    );
  return `--table-columns: ${columnTemplate(props, override)}; --table-min-width: ${least}px`;
}

const HeaderRow = memo(function HeaderRow(props: HeaderProps) {
  return (
    <div role="row" className="table-row header-row" aria-rowindex={1}>
      {props.columns.map((column) => (
        <HeaderCell key={column} column={column} props={props} />
      ))}
    </div>
  );
});

type RowProps = Pick<TableProps, 'columns' | 'searching' | 'rowId' | 'onChoose' | 'onOpen'> & {
  /** Undefined while its page is on its way: the row shows placeholders. */
  film: FilmSummary | undefined;
  index: number;
  /** Where the row sits in the list, and its height (the virtualiser's). */
  start: number;
  size: number;
  chosen: boolean;
  cursor: boolean;
};

/**
 * One row. Memoised: a row renders again when its film, place or state changes, so a keystroke, a
 * count landing or a page fetched ahead leaves the rows on screen alone.
 */
const TableRow = memo(function TableRow(props: RowProps) {
  const { film, index, chosen, onChoose, onOpen } = props;
  return (
    <div
      id={props.rowId(index)}
      role="row"
      aria-rowindex={index + 2}
      aria-selected={chosen}
      className={`table-row${props.searching ? ' two-lines' : ''}${chosen ? ' is-selected' : ''}${props.cursor ? ' is-cursor' : ''}${film ? '' : ' is-loading'}`}
      style={{ transform: `translateY(${props.start}px)`, height: props.size }}
      onClick={film ? (event) => onChoose(index, film, event) : undefined}
      onDoubleClick={film ? () => onOpen(film) : undefined}
    >
      {props.columns.map((column) => {
        const definition = COLUMNS[column];
        return (
          <div
            key={column}
            role="gridcell"
            className={`cell align-${definition.align ?? 'start'}`}
            title={film ? definition.text(film) : undefined}
          >
            {film ? (
              definition.cell ? (
                definition.cell(film)
              ) : (
                definition.text(film)
              )
            ) : (
              <span className="skeleton" />
            )}
          </div>
        );
      })}
    </div>
  );
});

/**
 * The result as a table: sortable, resizable, choosable columns, and only the rows on screen in
 * the DOM (plus a few either side), whatever the result's length.
 */
export function FilmTable(props: TableProps) {
  const { pages, total, selection, cursor, cursorMoves } = props;
  const scroller = useRef<HTMLDivElement>(null);
  const rowHeight = props.searching ? SEARCH_ROW_HEIGHT : TABLE_ROW_HEIGHT;
  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scroller.current,
    estimateSize: () => rowHeight,
    overscan: 12,
  });
  useEffect(() => virtualizer.measure(), [virtualizer, rowHeight]);
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items.at(-1)?.index ?? 0;
  const { requestRange } = pages;
  useEffect(
    () => requestRange(first - FETCH_AHEAD, last + FETCH_AHEAD),
    [requestRange, first, last, pages.shownKey],
  );
  useEffect(() => {
    if (cursor !== null && cursorMoves > 0) virtualizer.scrollToIndex(cursor, { align: 'auto' });
  }, [virtualizer, cursor, cursorMoves]);
  // A new result starts at its top. Scrolling there when already there would read the list's
  // height, forcing a layout in the middle of the commit, for nothing.
  useEffect(() => {
    if ((virtualizer.scrollOffset ?? 0) !== 0) virtualizer.scrollToOffset(0);
  }, [virtualizer, pages.shownKey]);

  const template = columnTemplate(props);
  // aria-rowcount -1: the length is not known yet (a search still being counted).
  return (
    <div
      ref={scroller}
      className="results-scroller"
      role="grid"
      aria-rowcount={pages.totalExact ? total + 1 : -1}
      aria-colcount={props.columns.length}
      {...props.gridProps}
    >
      <div
        className="film-table"
        style={
          { '--table-columns': template, '--table-min-width': `${minimumWidth(props)}px` } as CSSProperties
        }
      >
        <HeaderRow
          columns={props.columns}
          widths={props.widths}
          sort={props.sort}
          descending={props.descending}
          onSort={props.onSort}
          onResize={props.onResize}
        />
        <div className="table-body" style={{ height: virtualizer.getTotalSize() }}>
          {items.map((item) => {
            const film = pages.filmAt(item.index);
            return (
              <TableRow
                key={item.key}
                film={film}
                index={item.index}
                start={item.start}
                size={item.size}
                chosen={film ? isSelected(selection, film.id) : false}
                cursor={cursor === item.index}
                columns={props.columns}
                searching={props.searching}
                rowId={props.rowId}
                onChoose={props.onChoose}
                onOpen={props.onOpen}
              />
            );
          })}
        </div>
      </div>
    </div>
  );
}
