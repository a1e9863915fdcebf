import { catalogueAnchor } from '../../renderer/src/sheet/film-catalogue';
import type { Film } from '../../shared/film-schema';
import { readPdfPages } from './pdf-destinations';
import { renderSheetDocument, type SheetDocumentOptions } from './render-html';

/**
 * A catalogue's table of contents needs the page on which each sheet starts, and only printing
 * knows that (Chromium does not print `target-counter()`). So: print the catalogue once with
 * placeholder numbers as wide as the real ones, read from the PDF where each linked sheet landed
 * (its named destinations), print again with those numbers, and check that nothing moved.
 *
 * `printToPdf` is whatever prints HTML here: Playwright's `page.pdf({preferCSSPageSize: true})`
 * in tests and the CLI, `webContents.printToPDF({preferCSSPageSize: true})` in the app. The
 * documents carry their paper and margins in `@page`; the printer must not override them.
 */
export type PrintToPdf = (html: string) => Promise<Uint8Array>;

export type CataloguePagination = {
  /** The catalogue document with its contents numbered. */
  html: string;
  /** Its printed form (the last print, already checked). */
  pdf: Uint8Array;
  /** The page each film's sheet starts on, in the order of the films. */
  startPages: number[];
  pageCount: number;
};

export type PaginationProgress = { printed: number; total: number };

export type PaginationControl = {
  signal?: AbortSignal;
  onProgress?: (progress: PaginationProgress) => void;
};

/** Measure + final print; a third only when the real numbers changed the contents' length. */
const PRINTS = 2;
const MAX_PRINTS = 4;

function checkCancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new Error('Printing the catalogue was cancelled.');
}

/** Where each sheet starts in a printed catalogue, read from its PDF. */
function startPagesIn(pdf: Uint8Array, filmCount: number): { startPages: number[]; pageCount: number } {
  const { destinations, pageCount } = readPdfPages(pdf);
  const startPages = Array.from({ length: filmCount }, (_, index) => {
    const page = destinations.get(catalogueAnchor(index));
    if (page === undefined) {
      throw new Error(
        `The printed catalogue does not say where sheet ${index + 1} starts; print it with a list of films instead.`,
      );
    }
    return page;
  });
  return { startPages, pageCount };
}

/** Numbers as wide as any real one can be, so the contents take the same room when measured. */
function placeholderPages(filmCount: number, widest: number): number[] {
  return Array.from({ length: filmCount }, () => widest);
}

const sameNumbers = (a: readonly number[], b: readonly number[]) =>
  a.length === b.length && a.every((page, index) => page === b[index]);

/**
 * Prints a catalogue until its table of contents tells the truth: answers the numbered document,
 * its PDF, and where each sheet starts. Reports each print; stops when `signal` aborts.
 */
export async function paginateCatalogue(
  films: readonly Film[],
  options: Omit<SheetDocumentOptions, 'toc' | 'startPages'>,
  printToPdf: PrintToPdf,
  control: PaginationControl = {},
): Promise<CataloguePagination> {
  if (films.length < 2) throw new Error('A catalogue needs at least two films; print one film as a sheet.');
  const render = (startPages: readonly number[]) =>
    renderSheetDocument(films, { ...options, toc: 'pages', startPages });
  // The contents' number box is four digits wide, so any page up to 9999 takes the same room.
  let numbers = placeholderPages(films.length, 9999);
  for (let printed = 1; printed <= MAX_PRINTS; printed += 1) {
    checkCancelled(control.signal);
    const html = render(numbers);
    const pdf = await printToPdf(html);
    control.onProgress?.({ printed, total: Math.max(PRINTS, printed) });
    const measured = startPagesIn(pdf, films.length);
    if (sameNumbers(measured.startPages, numbers)) return { html, pdf, ...measured };
    numbers = measured.startPages;
  }
  throw new Error(
    'The table of contents kept changing length while it was numbered; print the catalogue with a list of films instead.',
  );
}
