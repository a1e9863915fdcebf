import { describe, expect, it } from 'vitest';
import { catalogueParts, paginateCatalogue, type PrintToPdf } from '../../src/main/sheet/paginate-catalogue';
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

  /**
   * Prints like Chromium would: the cover and contents take `front` pages when the document has
   * them, then the sheets it holds take 2, 1 and 3 pages, each from a new page.
   */
  function partPrinter(front: (html: string) => number, printed: string[]): PrintToPdf {
    const lengths = [2, 1, 3];
    return (html) => {
      printed.push(html);
      let page = html.includes('aria-label="Cover"') ? front(html) + 1 : 1;
      const destinations: Record<string, number> = {};
      for (const [, number] of html.matchAll(/ id="sheet-(\d+)"/g)) {
        destinations[`sheet-${number}`] = page;
        page += lengths[Number(number) - 1]!;
      }
      return Promise.resolve(minimalPdf(page - 1, destinations));
    };
  }

  it('measures in parts, one per printer, and prints the numbered catalogue whole', async () => {
    const byPrinter: string[][] = [[], [], []];
    const progress: number[] = [];
    const result = await paginateCatalogue(
      films,
      options,
      byPrinter.map((printed) => partPrinter(() => 2, printed)),
      { onProgress: ({ printed, total }) => progress.push(printed * 10 + total) },
    );
    // The same pages as one whole print (fakePrinter above): 2 front pages, then 2, 1, 3.
    expect(result.startPages).toEqual([3, 5, 6]);
    expect(result.pageCount).toBe(8);
    expect(progress).toEqual([12, 22]);
    const [first, second, third] = byPrinter;
    // Each printer printed one part; the first also printed the numbered whole.
    expect(first).toHaveLength(2);
    expect(second).toHaveLength(1);
    expect(third).toHaveLength(1);
    expect(first![0]).toContain('aria-label="Cover"');
    expect([...first![0]!.matchAll(/ id="(sheet-\d+)"/g)].map((match) => match[1])).toEqual(['sheet-1']);
    for (const [part, sheet] of [
      [second![0]!, 'sheet-2'],
      [third![0]!, 'sheet-3'],
    ] as const) {
      expect(part).not.toContain('aria-label="Cover"');
      expect(part).not.toContain('aria-label="Contents"');
      expect([...part.matchAll(/ id="(sheet-\d+)"/g)].map((match) => match[1])).toEqual([sheet]);
    }
    expect(result.html).toBe(first![1]);
    expect(contentsOf(result.html)).toEqual([
      ['One', '3'],
      ['Two', '5'],
      ['Three', '6'],
    ]);
  });

  it('still checks the parts against the whole, and measures again when they disagree', async () => {
    const printed: string[] = [];
    // Numbered for real, the contents are a page shorter than the measured parts said.
    const front = (html: string) => (html.includes('9999') ? 3 : 2);
    const result = await paginateCatalogue(films, options, [
      partPrinter(front, printed),
      partPrinter(front, []),
    ]);
    expect(result.startPages).toEqual([3, 5, 6]);
    // Part, whole numbered from the parts (4, 6, 7), whole numbered from that print: it holds.
    expect(printed).toHaveLength(3);
    expect(contentsOf(printed[1]!).map(([, page]) => page)).toEqual(['4', '6', '7']);
    expect(result.html).toBe(printed[2]);
  });

  it('says which sheet a part does not place', async () => {
    const print: PrintToPdf = () => Promise.resolve(minimalPdf(4, { 'sheet-1': 2 }));
    await expect(paginateCatalogue(films, options, [print, print])).rejects.toThrow(
      /does not say where sheet 2 starts/,
    );
  });

  it('reports a part that failed only once every other part has finished printing', async () => {
    let slowFinished = false;
    const failing: PrintToPdf = () => Promise.reject(new Error('The printer window closed.'));
    const slow: PrintToPdf = (html) =>
      new Promise((resolve) =>
        setTimeout(() => {
          slowFinished = true;
          resolve(partPrinter(() => 2, [])(html));
        }, 50),
      );
    await expect(paginateCatalogue(films, options, [failing, slow])).rejects.toThrow(
      'The printer window closed.',
    );
    expect(slowFinished).toBe(true);
  });

  it('wants a printer', async () => {
    await expect(paginateCatalogue(films, options, [])).rejects.toThrow(/no printer/);
  });
});

describe('catalogueParts', () => {
  const sized = (lengths: readonly number[]) =>
    lengths.map((length, index) =>
      completeFilm(filmInputSchema.parse({ title: `Film ${index}`, notes: 'x'.repeat(length) })),
    );

  it('cuts the sheets into runs of about equal size, the cover and contents in the first', () => {
    const parts = catalogueParts(sized(Array.from({ length: 10 }, () => 5_000)), 2);
    expect(parts).toEqual([
      { first: 0, count: 5, frontMatter: true },
      { first: 5, count: 5, frontMatter: false },
    ]);
    const uneven = catalogueParts(sized([40_000, 1_000, 1_000, 1_000, 1_000, 1_000]), 2);
    expect(uneven).toEqual([
      { first: 0, count: 1, frontMatter: true },
      { first: 1, count: 5, frontMatter: false },
    ]);
  });

  it('gives every run a sheet, and never more runs than sheets', () => {
    expect(catalogueParts(sized([100, 100_000, 100]), 3).map((part) => part.count)).toEqual([1, 1, 1]);
    expect(catalogueParts(sized([100_000, 100, 100]), 3).map((part) => part.count)).toEqual([1, 1, 1]);
    expect(catalogueParts(sized([100, 100]), 4)).toHaveLength(2);
    expect(catalogueParts(sized([100, 100]), 1)).toEqual([{ first: 0, count: 2, frontMatter: true }]);
  });
});
