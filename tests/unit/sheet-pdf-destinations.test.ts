import { describe, expect, it } from 'vitest';
import { paginateCatalogue, type PrintToPdf } from '../../src/main/sheet/paginate-catalogue';
import { readPdfPages, UnreadablePdfError } from '../../src/main/sheet/pdf-destinations';
import { completeFilm } from '../../src/shared/film';
import { filmInputSchema } from '../../src/shared/film-schema';
import { minimalPdf } from '../fixtures/sheet/minimal-pdf';

const films = ['One', 'Two', 'Three'].map((title) => completeFilm(filmInputSchema.parse({ title })));
const options = { paper: 'A4' as const, libraryName: 'Shelf', date: '2026-11-26', locale: 'en-US' };

describe('readPdfPages', () => {
  it('finds the page count and where each destination lands, through a nested page tree', () => {
    const pdf = minimalPdf(11, { 'sheet-1': 3, 'sheet-2': 7, 'sheet-3': 11 }, { kidsPerNode: 4 });
    const { pageCount, destinations } = readPdfPages(pdf);
    expect(pageCount).toBe(11);
    expect([...destinations]).toEqual([
      ['sheet-1', 3],
      ['sheet-2', 7],
      ['sheet-3', 11],
    ]);
  });

  it('reads destinations written inside the catalog, and decodes #-escaped names', () => {
    const { destinations } = readPdfPages(minimalPdf(2, { 'odd#20name': 2 }, { inlineDests: true }));
    expect(destinations.get('odd name')).toBe(2);
  });

  it('refuses what it cannot read instead of guessing', () => {
    expect(() => readPdfPages(new TextEncoder().encode('not a pdf'))).toThrow(UnreadablePdfError);
    const truncated = minimalPdf(2, {}).slice(0, 200);
    expect(() => readPdfPages(truncated)).toThrow(/could not be read for page numbers/);
  });
});

/** The contents' entries of a catalogue document: [title, page]. */
const contentsOf = (html: string) =>
  [...html.matchAll(/sheet-contents-film">([^<]+)<\/span>.*?sheet-contents-page">(\d+)</g)].map((match) => [
    match[1],
    match[2],
  ]);

describe('paginateCatalogue', () => {
  /** A printer whose sheets take 2, 1 and 3 pages after `front` pages of cover and contents. */
  function fakePrinter(front: (html: string) => number): { print: PrintToPdf; printed: string[] } {
    const printed: string[] = [];
    const print: PrintToPdf = (html) => {
      printed.push(html);
      const first = front(html) + 1;
      return Promise.resolve(
        minimalPdf(first + 5, { 'sheet-1': first, 'sheet-2': first + 2, 'sheet-3': first + 3 }),
      );
    };
    return { print, printed };
  }

  it('numbers the contents from a measuring print and checks them with the final one', async () => {
    const { print, printed } = fakePrinter(() => 2);
    const progress: number[] = [];
    const result = await paginateCatalogue(films, options, print, {
      onProgress: ({ printed: count }) => progress.push(count),
    });
    expect(result.startPages).toEqual([3, 5, 6]);
    expect(result.pageCount).toBe(8);
    expect(printed).toHaveLength(2);
    expect(printed[0]).toContain('>9999<');
    expect(result.html).toBe(printed[1]);
    expect(result.html).not.toContain('9999');
    expect(contentsOf(result.html)).toEqual([
      ['One', '3'],
      ['Two', '5'],
      ['Three', '6'],
    ]);
    expect(progress).toEqual([1, 2]);
  });

  it('measures again when the real numbers change the length of the contents', async () => {
    const { print, printed } = fakePrinter((html) => (html.includes('9999') ? 2 : 3));
    const result = await paginateCatalogue(films, options, print);
    expect(result.startPages).toEqual([4, 6, 7]);
    expect(printed).toHaveLength(3);
  });

  it('stops when cancelled, and says so', async () => {
    const controller = new AbortController();
    controller.abort();
    const { print, printed } = fakePrinter(() => 2);
    await expect(paginateCatalogue(films, options, print, { signal: controller.signal })).rejects.toThrow(
      'Printing the catalogue was cancelled.',
    );
    expect(printed).toHaveLength(0);
  });

  it('says so when the printed PDF does not tell where a sheet starts', async () => {
    const print: PrintToPdf = () => Promise.resolve(minimalPdf(4, { 'sheet-1': 2 }));
    await expect(paginateCatalogue(films, options, print)).rejects.toThrow(
      /does not say where sheet 2 starts; print it with a list of films instead/,
    );
  });

  it('wants at least two films', async () => {
    await expect(paginateCatalogue(films.slice(0, 1), options, fakePrinter(() => 2).print)).rejects.toThrow(
      /at least two films/,
    );
  });
});
