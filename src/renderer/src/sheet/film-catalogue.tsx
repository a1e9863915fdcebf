import type { Film } from '../../../shared/film-schema';
import { formatDate, formatNumber } from '../../../shared/format';
import { FilmSheet } from './film-sheet';
import { sheetPageName } from './sheet-css';

/** 'pages': a table of contents with page numbers; 'list': one line per film, no numbers. */
export type ContentsStyle = 'pages' | 'list';

/**
 * A run of a catalogue's sheets printed on its own, to measure where they start (see
 * src/main/sheet/paginate-catalogue.ts): sheets `first` to `first + count - 1` (0-based, numbered
 * and named as in the whole catalogue), after the cover and contents only when `frontMatter`.
 */
export type CataloguePart = { first: number; count: number; frontMatter: boolean };

export type FilmCatalogueProps = {
  films: readonly Film[];
  libraryName: string;
  /** The catalogue's date, ISO ("2026-11-26") or as the collector wrote it. */
  date: string;
  locale?: string;
  toc: ContentsStyle;
  /**
   * The printed page on which each film's sheet starts (same order as `films`), measured by
   * printing (src/main/sheet/paginate-catalogue.ts). Without it a 'pages' table prints as a list:
   * a page number is never guessed.
   */
  startPages?: readonly number[];
  /** Only this part of the catalogue (for measuring); the whole catalogue without it. */
  part?: CataloguePart;
};

/**
 * The anchor of the n-th sheet (0-based) in a catalogue. The contents link to it, and Chromium
 * turns each linked anchor into a PDF destination, which is how the printed pages are measured.
 */
export function catalogueAnchor(index: number): string {
  return `sheet-${index + 1}`;
}

function CataloguePageNumber({ page }: { page: number | undefined }) {
  if (page === undefined) return null;
  return (
    <>
      <span className="sheet-contents-leader" aria-hidden="true" />
      <span className="sheet-contents-page">{page}</span>
    </>
  );
}

function ContentsEntry({ film, anchor, page }: { film: Film; anchor: string; page: number | undefined }) {
  const extra = [film.year === null ? null : String(film.year), film.directors.join(', ') || null]
    .filter((part): part is string => part !== null)
    .join(' · ');
  return (
    <li className="sheet-contents-entry">
      <a href={`#${anchor}`}>
        <span className="sheet-contents-film">
          {film.title}
          {extra ? <span className="sheet-contents-extra"> — {extra}</span> : null}
        </span>
        <CataloguePageNumber page={page} />
      </a>
    </li>
  );
}

/**
 * Links to a part's sheets where no contents link to them: Chromium writes a PDF destination only
 * for an element some link points at, and the destinations are what the measuring print is read
 * for. Never shown (`hidden`), so the part's pages hold exactly what the whole catalogue's do.
 */
function PartLinks({ first, count }: { first: number; count: number }) {
  return (
    <nav hidden>
      {Array.from({ length: count }, (_, offset) => (
        <a key={offset} href={`#${catalogueAnchor(first + offset)}`} />
      ))}
    </nav>
  );
}

/** The n-th film's sheet (0-based): on a new page named for it, under the anchor the contents link to. */
function CatalogueSheet({ film, index, locale }: { film: Film; index: number; locale?: string }) {
  return (
    <div id={catalogueAnchor(index)} className="sheet-catalogue-sheet" style={{ page: sheetPageName(index) }}>
      <FilmSheet film={film} locale={locale} />
    </div>
  );
}

/**
 * A catalogue of films for paper: a cover with the library's name and the date, a table of
 * contents, then one sheet per film, each starting on a new page.
 */
export function FilmCatalogue({
  films,
  libraryName,
  date,
  locale,
  toc,
  startPages,
  part,
}: FilmCatalogueProps) {
  const numbered = toc === 'pages' && startPages !== undefined && startPages.length === films.length;
  const first = part?.first ?? 0;
  const sheets = part ? films.slice(first, first + part.count) : films;
  if (part && !part.frontMatter) {
    return (
      <div className="sheet-catalogue">
        <PartLinks first={first} count={sheets.length} />
        {sheets.map((film, offset) => (
          <CatalogueSheet key={first + offset} film={film} index={first + offset} locale={locale} />
        ))}
      </div>
    );
  }
  return (
    <div className="sheet-catalogue">
      <section className="sheet-catalogue-page sheet-cover" aria-label="Cover">
        <p className="sheet-cover-kicker">Film catalogue</p>
        <h1 className="sheet-cover-title">{libraryName}</h1>
        <p className="sheet-cover-meta">
          {films.length === 1 ? '1 film' : `${formatNumber(films.length, locale)} films`}
        </p>
        <p className="sheet-cover-meta">{formatDate(date, locale)}</p>
      </section>
      <nav className="sheet-catalogue-page sheet-contents" aria-label="Contents">
        <h2 className="sheet-contents-title">Contents</h2>
        <ol className="sheet-contents-list">
          {films.map((film, index) => (
            <ContentsEntry
              key={index}
              film={film}
              anchor={catalogueAnchor(index)}
              page={numbered ? startPages[index] : undefined}
            />
          ))}
        </ol>
      </nav>
      {sheets.map((film, offset) => (
        <CatalogueSheet key={first + offset} film={film} index={first + offset} locale={locale} />
      ))}
    </div>
  );
}
