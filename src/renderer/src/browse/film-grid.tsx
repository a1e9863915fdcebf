import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useLayoutEffect, useRef, useState, type CSSProperties, type RefObject } from 'react';
import { FilmCard } from './film-card';
import { FETCH_AHEAD, type ResultsProps } from './results';
import { isSelected } from './selection';

const CARD_MIN_WIDTH = 156;
const GAP = 16;
/** Title, year and a match line under the poster, and the card's padding. */
const CARD_TEXT_HEIGHT = 50;

/** How many cards fit across a width, and how wide each is. */
export function gridColumns(width: number): { columns: number; cardWidth: number } {
  const columns = Math.max(1, Math.floor((width - GAP) / (CARD_MIN_WIDTH + GAP)));
  return { columns, cardWidth: Math.floor((width - GAP * (columns + 1)) / columns) };
}

/** Follows an element's width (ResizeObserver where there is one). */
function useWidth(element: RefObject<HTMLElement | null>): number {
  const [width, setWidth] = useState(0);
  useLayoutEffect(() => {
    const target = element.current;
    if (!target) return;
    setWidth(target.clientWidth);
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(() => setWidth(target.clientWidth));
    observer.observe(target);
    return () => observer.disconnect();
  }, [element]);
  return width;
}

/**
 * The result as a grid of cards, a row of cards at a time in the DOM (the rows on screen plus a
 * few either side). The keyboard's up and down move by a row: the view asks how many cards a row holds.
 */
export function FilmGrid(props: ResultsProps & { onColumns: (columns: number) => void }) {
  const { pages, total, selection, cursor, cursorMoves, onColumns } = props;
  const scroller = useRef<HTMLDivElement>(null);
  const width = useWidth(scroller);
  const { columns, cardWidth } = gridColumns(width || 1000);
  const rowHeight = Math.round(cardWidth * 1.5) + CARD_TEXT_HEIGHT + GAP;
  const rows = Math.ceil(total / columns);
  const virtualizer = useVirtualizer({
    count: rows,
    getScrollElement: () => scroller.current,
    estimateSize: () => rowHeight,
    overscan: 3,
  });
  useEffect(() => virtualizer.measure(), [virtualizer, rowHeight]);
  useEffect(() => onColumns(columns), [onColumns, columns]);
  const items = virtualizer.getVirtualItems();
  const first = (items[0]?.index ?? 0) * columns;
  const last = ((items.at(-1)?.index ?? 0) + 1) * columns;
  const { requestRange } = pages;
  useEffect(
    () => requestRange(first - FETCH_AHEAD, last + FETCH_AHEAD),
    [requestRange, first, last, pages.shownKey],
  );
  useEffect(() => {
    if (cursor !== null && cursorMoves > 0)
      virtualizer.scrollToIndex(Math.floor(cursor / columns), { align: 'auto' });
  }, [virtualizer, cursor, cursorMoves, columns]);
  useEffect(() => virtualizer.scrollToOffset(0), [virtualizer, pages.shownKey]);

  return (
    <div
      ref={scroller}
      className="results-scroller"
      role="grid"
      aria-rowcount={pages.totalExact ? rows : -1}
      {...props.gridProps}
    >
      <div
        className="film-grid"
        style={
          {
            height: virtualizer.getTotalSize(),
            '--card-width': `${cardWidth}px`,
            '--grid-gap': `${GAP}px`,
          } as CSSProperties
        }
      >
        {items.map((row) => (
          <div
            key={row.key}
            role="row"
            className="grid-row"
            style={{ transform: `translateY(${row.start}px)` }}
          >
            {Array.from({ length: columns }, (_, column) => row.index * columns + column)
              .filter((index) => index < total)
              .map((index) => {
                const film = pages.filmAt(index);
                const chosen = film ? isSelected(selection, film.id) : false;
                return (
                  <div
                    key={index}
                    id={props.rowId(index)}
                    role="gridcell"
                    aria-selected={chosen}
                    aria-label={film ? `${film.title}${film.year ? ` (${film.year})` : ''}` : 'Loading'}
                    className={`film-card${chosen ? ' is-selected' : ''}${cursor === index ? ' is-cursor' : ''}${film ? '' : ' is-loading'}`}
                    onClick={film ? (event) => props.onChoose(index, film, event) : undefined}
                    onDoubleClick={film ? () => props.onOpen(film) : undefined}
                  >
                    {film ? <FilmCard film={film} /> : <div className="card-poster skeleton-poster" />}
                  </div>
                );
              })}
          </div>
        ))}
      </div>
    </div>
  );
}
