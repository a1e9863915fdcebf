import { catalogueAnchor, type CataloguePart } from '../../renderer/src/sheet/film-catalogue';
import type { Film } from '../../shared/film-schema';
import { readPdfPages } from './pdf-destinations';
import { renderSheetDocument, type SheetDocumentOptions } from './render-html';

/**
 * A catalogue's table of contents needs the page on which each sheet starts, and only printing
 * knows that (Chromium does not print `target-counter()`). So: print the catalogue once with
 * placeholder numbers as wide as the real ones, read from the PDF where each linked sheet landed
 * (its named destinations), print again with those numbers, and check that nothing moved. The
 * measuring print is laid out but draws nothing (render-html's measuring parts), and with several
 * printers it is printed in parts at the same time.
 *
 * `printToPdf` is whatever prints HTML here: Playwright's `page.pdf({preferCSSPageSize: true})`
 * in tests and the CLI, `webContents.printToPDF({preferCSSPageSize: true})` in the app. The
 * documents carry their paper and margins in `@page`; the printer must not override them.
 */
export type PrintToPdf = (html: string) => Promise<Uint8Array>;

/**
 * One printer, or several that can print at the same time: each its own Chromium page (Playwright)
 * or hidden window (Electron), so its own renderer process on its own core. With several, the
 * measuring print is split between them (see `measureInParts`); the numbered document is printed
 * whole by the first. Only worth it with idle cores: a renderer's first print of a text costs about
 * twice its second (its caches are cold), and the final print then finds only the first part's
 * text warm. On a loaded 2-core machine one printer was as fast.
 */
export type Printers = PrintToPdf | readonly PrintToPdf[];

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

type Measured = { startPages: number[]; pageCount: number };

function checkCancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new Error('Printing the catalogue was cancelled.');
}

/** Where sheets `first` to `first + count - 1` start in a printed catalogue (or part), read from its PDF. */
function startPagesIn(pdf: Uint8Array, first: number, count: number): Measured {
  const { destinations, pageCount } = readPdfPages(pdf);
  const startPages = Array.from({ length: count }, (_, offset) => {
    const page = destinations.get(catalogueAnchor(first + offset));
    if (page === undefined) {
      throw new Error(
        `The printed catalogue does not say where sheet ${first + offset + 1} starts; print it with a list of films instead.`,
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
 * Rough print cost, in characters of film data: printing time follows the pages, and a page holds
 * about 2,200 characters of a film (100 full bench films: 1.1 MB, 510 pages). The cover is a page;
 * the contents hold about 35 films a page. Only used to share the measuring print out evenly.
 */
const PAGE_WEIGHT = 2_200;
const CONTENTS_LINES_PER_PAGE = 35;

/**
 * Cuts the catalogue into `count` runs of consecutive sheets of about equal print cost; the first
 * run carries the cover and contents. Every run has at least one sheet.
 */
export function catalogueParts(films: readonly Film[], count: number): CataloguePart[] {
  const parts = Math.max(1, Math.min(count, films.length));
  const weights = films.map((film) => JSON.stringify(film).length);
  const front = PAGE_WEIGHT * (1 + films.length / CONTENTS_LINES_PER_PAGE);
  const total = weights.reduce((sum, weight) => sum + weight, front);
  const result: CataloguePart[] = [];
  let first = 0;
  let done = front;
  for (let part = 0; part < parts; part += 1) {
    const last = part === parts - 1;
    // Leave at least one sheet for each run still to come.
    const latest = films.length - (parts - part - 1);
    let end = first + 1;
    done += weights[first]!;
    while (!last && end < latest && done + weights[end]! / 2 <= (total * (part + 1)) / parts) {
      done += weights[end]!;
      end += 1;
    }
    if (last) end = films.length;
    result.push({ first, count: end - first, frontMatter: part === 0 });
    first = end;
  }
  return result;
}

/**
 * The measuring print, in parts printed at the same time, one per printer (one part, the whole
 * catalogue, with one printer). Each sheet starts on a
 * new page and the cover and contents come first, so a sheet starts on the page it starts on in
 * its part, after all the pages of the parts before it. Parts keep the whole catalogue's running
 * heads (named pages), and the page margins are the same on every page, so each sheet breaks
 * exactly as in the whole: the final print checks it all the same.
 */
async function measureInParts(
  printers: readonly PrintToPdf[],
  render: (part: CataloguePart) => string,
  films: readonly Film[],
): Promise<Measured> {
  const parts = catalogueParts(films, printers.length);
  // Every part is waited for, even when one fails, so no printer is still busy once this answers.
  const printed = await Promise.allSettled(parts.map((part, index) => printers[index]!(render(part))));
  const pdfs = printed.map((result) => {
    if (result.status === 'rejected') throw result.reason;
    return result.value;
  });
  const startPages: number[] = [];
  let pageCount = 0;
  parts.forEach((part, index) => {
    const measured = startPagesIn(pdfs[index]!, part.first, part.count);
    startPages.push(...measured.startPages.map((page) => pageCount + page));
    pageCount += measured.pageCount;
  });
  return { startPages, pageCount };
}

/**
 * Prints a catalogue until its table of contents tells the truth: answers the numbered document,
 * its PDF, and where each sheet starts. Reports each print (the measuring print in parts counts as
 * one); stops when `signal` aborts.
 */
export async function paginateCatalogue(
  films: readonly Film[],
  options: Omit<SheetDocumentOptions, 'toc' | 'startPages' | 'part'>,
  printers: Printers,
  control: PaginationControl = {},
): Promise<CataloguePagination> {
  if (films.length < 2) throw new Error('A catalogue needs at least two films; print one film as a sheet.');
  const all = typeof printers === 'function' ? [printers] : printers;
  const [printToPdf] = all;
  if (!printToPdf) throw new Error('There is no printer to print the catalogue with.');
  const render = (startPages: readonly number[], part?: CataloguePart) =>
    renderSheetDocument(films, { ...options, toc: 'pages', startPages, part });
  // The contents' number box is four digits wide, so any page up to 9999 takes the same room.
  const placeholders = placeholderPages(films.length, 9999);
  checkCancelled(control.signal);
  // Placeholders are never the answer, so the first print only measures: in parts, drawing nothing.
  let numbers = (await measureInParts(all, (part) => render(placeholders, part), films)).startPages;
  control.onProgress?.({ printed: 1, total: PRINTS });
  for (let printed = 2; printed <= MAX_PRINTS; printed += 1) {
    checkCancelled(control.signal);
    const html = render(numbers);
    const pdf = await printToPdf(html);
    control.onProgress?.({ printed, total: Math.max(PRINTS, printed) });
    const measured = startPagesIn(pdf, 0, films.length);
    if (sameNumbers(measured.startPages, numbers)) return { html, pdf, ...measured };
    numbers = measured.startPages;
  }
  throw new Error(
    'The table of contents kept changing length while it was numbered; print the catalogue with a list of films instead.',
  );
}
