import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { paginateCatalogue } from '../../src/main/sheet/paginate-catalogue';
import { readPdfPages } from '../../src/main/sheet/pdf-destinations';
import { renderSheetDocument } from '../../src/main/sheet/render-html';
import { catalogueAnchor } from '../../src/renderer/src/sheet/film-catalogue';
import { PAPERS } from '../../src/renderer/src/sheet/paper';
import { figuresOf, squeeze, textsOf } from '../fixtures/sheet/film-texts';
import { generateFilms } from '../fixtures/sheet/generate-films';
import { HOSTILE_FIELDS, HOSTILE_TEXT, hostileFilm } from '../fixtures/sheet/hostile-film';
import { pdfPageText, pdfPageTexts, pdfPrinter, printTheWork, theWork } from '../fixtures/sheet/print-tools';
import { repoRoot } from '../support/temp-library';
import { launchChromium } from './chromium';
import { describeE2e } from './describe-e2e';

/** Where the printed pages are left for a person to look at (out/ is not committed). */
const PRINT_OUT = resolve(process.env.SHEET_PRINT_OUT ?? join(repoRoot, 'out', 'sheet-print'));

/** A page's text without its running head (title, corner) and foot ("Page n of N"). */
function pageBody(page: string, heads: readonly string[]): string {
  const lines = page.split('\n');
  for (const head of heads) {
    const first = lines.findIndex((line) => line.trim() !== '');
    if (first >= 0 && lines[first]!.trim() === head) lines.splice(first, 1);
  }
  const last = lines.findLastIndex((line) => line.trim() !== '');
  if (last >= 0 && /^Page \d+ of \d+$/.test(lines[last]!.trim())) lines.splice(last, 1);
  return lines.join('\n');
}

/** The copies table's fields: narrow cells side by side. */
const TABLE_FIELDS: readonly string[] = ['medium', 'edition', 'region', 'location', 'barcode'];

let browser: Browser;
let page: Page;
/** More pages, each its own renderer, for measuring a catalogue in parts at once. */
let morePages: Page[];
let folder: string;

describeE2e('the printed film sheet', () => {
  beforeAll(async () => {
    browser = await launchChromium();
    page = await browser.newPage();
    morePages = [await browser.newPage(), await browser.newPage()];
    folder = mkdtempSync(join(tmpdir(), 'filmfolio-sheet-'));
  });
  afterAll(async () => {
    await browser?.close();
    if (folder) rmSync(folder, { recursive: true, force: true });
  });

  for (const paper of PAPERS) {
    test(`The Work on ${paper} carries every fact of the seed page`, async () => {
      const film = theWork();
      const { pdf, pngs } = await printTheWork(page, paper, PRINT_OUT);
      const pages = pdfPageTexts(pdf);
      expect(pages.length).toBeGreaterThanOrEqual(3);
      expect(pages.length).toBeLessThanOrEqual(12);
      pages.forEach((text, index) => {
        expect(text, `page ${index + 1} has its running head`).toContain('The Work');
        expect(text).toContain(`Page ${index + 1} of ${pages.length}`);
      });
      const printed = squeeze(pages.map((text) => pageBody(text, ['The Work', 'My films'])).join('\n'));
      const missing = [...textsOf(film), ...figuresOf(film)].filter(
        (fact) => !printed.includes(squeeze(fact)),
      );
      expect(missing).toEqual([]);
      const everything = pages.join('\n');
      expect(everything).not.toMatch(/\b(undefined|null|NaN)\b|\[object Object\]/);
      // The seed's empty sections leave no heading behind.
      expect(everything).not.toMatch(/SPOILERS|IN MY COLLECTION/);
      expect(pngs).toHaveLength(2);
    });
  }

  test('a catalogue of 100 films numbers its contents with the pages where each sheet starts', async () => {
    const films = generateFilms(100);
    const progress: number[] = [];
    // Measured in two halves at once, as the app prints it; the checks below read the final PDF.
    const catalogue = await paginateCatalogue(
      films,
      { paper: 'A4', libraryName: 'The test shelf', date: '2026-11-26', locale: 'en-US' },
      [pdfPrinter(page), pdfPrinter(morePages[0]!)],
      { onProgress: ({ printed }) => progress.push(printed) },
    );
    const pdf = join(folder, 'catalogue.pdf');
    writeFileSync(pdf, catalogue.pdf);
    const pages = pdfPageTexts(pdf);
    expect(pages).toHaveLength(catalogue.pageCount);
    expect(progress).toEqual([1, 2]);

    const cover = pdfPageText(pdf, 1);
    for (const text of ['Film catalogue', 'The test shelf', '100 films', 'November 26, 2026']) {
      expect(squeeze(cover)).toContain(squeeze(text));
    }
    expect(cover).not.toMatch(/Page \d+ of/);

    const frontPages = catalogue.startPages[0]! - 1;
    const contents = Array.from({ length: frontPages - 1 }, (_, index) =>
      pdfPageText(pdf, index + 2, { layout: true }),
    ).join('\n');
    const contentLines = contents.split('\n');
    films.forEach((film, index) => {
      const start = catalogue.startPages[index]!;
      const end = (catalogue.startPages[index + 1] ?? catalogue.pageCount + 1) - 1;
      const line = contentLines.find((entry) => entry.includes(film.title))?.trim();
      expect(line, `${film.title} is listed in the contents`).toBeDefined();
      expect(line!.endsWith(` ${start}`), `${film.title}: "${line}" ends with ${start}`).toBe(true);
      // The sheet's own title opens its first page, right under the running head.
      expect(
        pageBody(pages[start - 1]!, [film.title, 'The test shelf'])
          .trim()
          .startsWith(film.title),
      ).toBe(true);
      expect(pages[start - 2], `${film.title} does not start before page ${start}`).not.toMatch(
        new RegExp(`^${film.title}$`, 'm'),
      );
      for (let sheetPage = start; sheetPage <= end; sheetPage += 1) {
        expect(pages[sheetPage - 1], `page ${sheetPage} runs ${film.title} at its head`).toContain(
          film.title,
        );
      }
    });
    // The same pages extracted one by one, for a few films: the split above is not hiding anything.
    for (const index of [0, 49, 99]) {
      const start = catalogue.startPages[index]!;
      expect(pdfPageText(pdf, start)).toBe(pages[start - 1]);
    }
  }, 600_000);

  test('measuring a catalogue invisibly, whole or in parts at once, finds what a plain print shows', async () => {
    // Letter, so the parts are also checked on the other paper; sheets of one to several pages.
    const films = generateFilms(14);
    const options = { paper: 'Letter' as const, libraryName: 'Parts', date: '2026-11-26', locale: 'en-US' };
    // The placeholder document printed as anyone would print it, everything drawn.
    const plain = renderSheetDocument(films, { ...options, toc: 'pages', startPages: films.map(() => 9999) });
    const { destinations } = readPdfPages(await pdfPrinter(page)(plain));
    const shown = films.map((_, index) => destinations.get(catalogueAnchor(index)));
    expect(new Set(shown).size).toBe(films.length);
    for (const printers of [[page], [page, ...morePages]]) {
      const progress: number[] = [];
      const catalogue = await paginateCatalogue(
        films,
        options,
        printers.map((printer) => pdfPrinter(printer)),
        { onProgress: ({ printed }) => progress.push(printed) },
      );
      // The measure held: the numbered print checked it, and no third print was needed.
      expect(progress, `${printers.length} printer(s)`).toEqual([1, 2]);
      expect(catalogue.startPages, `${printers.length} printer(s)`).toEqual(shown);
      expect(catalogue.pageCount).toBeGreaterThan(films.length + 2);
    }
  }, 300_000);

  test('a film full of markup and javascript: links prints it all as plain text', async () => {
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    const film = hostileFilm();
    const html = renderSheetDocument([film, { ...film, id: '00000000-0000-4000-8000-0000000000ab' }], {
      paper: 'Letter',
      libraryName: `Shelf ${HOSTILE_TEXT}`,
      date: HOSTILE_TEXT,
      locale: 'en-US',
      toc: 'list',
    });
    const pdf = join(folder, 'hostile.pdf');
    writeFileSync(pdf, await pdfPrinter(page)(html));
    expect(await page.locator('script, img, iframe, object, embed').count()).toBe(0);
    expect(await page.locator('a[href^="javascript" i]').count()).toBe(0);
    expect(dialogs).toEqual([]);
    const printed = squeeze(pdfPageTexts(pdf).join('\n'));
    const shown = squeeze(await page.locator('body').innerText());
    for (const field of HOSTILE_FIELDS) {
      const text = squeeze(`${field}: ${HOSTILE_TEXT}`);
      expect(shown, field).toContain(text);
      // Table cells wrap side by side, which pdftotext interleaves: those are checked on screen only.
      if (!TABLE_FIELDS.includes(field)) expect(printed, field).toContain(text);
    }
    expect(printed).toContain(squeeze('(javascript:alert(1))'));
  });
});
