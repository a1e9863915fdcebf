import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { paginateCatalogue } from '../../src/main/sheet/paginate-catalogue';
import { renderSheetDocument, type SheetDocumentOptions } from '../../src/main/sheet/render-html';
import { completeFilm } from '../../src/shared/film';
import { libraryFileSchema, type Film } from '../../src/shared/film-schema';
import { launchChromium } from '../e2e/chromium';
import { generateBenchFilms } from './bench-films';
import { median, timeAsync } from './stats';

/**
 * Printing as the app prints: a sheet document rendered from films, then Chromium's print to PDF
 * with the document's own page size. One sheet is The Work (the seed page, canonical); the
 * catalogue is 100 full-profile films, numbered as the app numbers its contents (paginateCatalogue).
 */

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const SHEET_REPEATS = 3;

export type PrintFigures = {
  /** The Work's sheet: render + print to PDF (median of a few, after one untimed). */
  sheetMs: number;
  sheetPages: number;
  /** A catalogue of `catalogueFilms` films with numbered contents. */
  catalogueMs: number;
  catalogueFilms: number;
  cataloguePages: number;
  catalogueBytes: number;
};

function theWork(): Film {
  const file = libraryFileSchema.parse(
    JSON.parse(readFileSync(join(repoRoot, 'resources', 'sample-library.json'), 'utf8')),
  );
  return completeFilm(file.films[0]!, '2026-01-01T00:00:00.000Z');
}

const OPTIONS: Omit<SheetDocumentOptions, 'toc' | 'startPages'> = {
  paper: 'A4',
  libraryName: 'Bench library',
  date: '2026-01-01',
  locale: 'en-US',
};

function printer(page: Page) {
  return async (html: string): Promise<Uint8Array> => {
    await page.setContent(html, { waitUntil: 'load' });
    return page.pdf({ preferCSSPageSize: true });
  };
}

const pageCount = (pdf: Uint8Array) =>
  new TextDecoder('latin1').decode(pdf).match(/\/Type\s*\/Page(?![A-Za-z])/g)?.length ?? 0;

/** Prints one sheet and a catalogue of `catalogueFilms` full films in headless Chromium. */
export async function measurePrint(catalogueFilms = 100): Promise<PrintFigures> {
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    const print = printer(page);
    const sheet = () => print(renderSheetDocument([theWork()], { ...OPTIONS, toc: 'list' }));
    const sheetPdf = await sheet();
    const sheets = [];
    for (let i = 0; i < SHEET_REPEATS; i += 1) sheets.push(await timeAsync(sheet));
    const films = generateBenchFilms(catalogueFilms, { profile: 'full', seed: 99 });
    // One printer: measuring in parts on a second page (paginateCatalogue can) was no faster on
    // this loaded 2-core machine: a fresh renderer, and a final print that finds half as much in
    // its caches, cost more CPU than the second core gave back.
    const catalogue = await timeAsync(() => paginateCatalogue(films, OPTIONS, print));
    return {
      sheetMs: median(sheets.map((s) => s.ms)),
      sheetPages: pageCount(sheetPdf),
      catalogueMs: catalogue.ms,
      catalogueFilms,
      cataloguePages: catalogue.value.pageCount,
      catalogueBytes: catalogue.value.pdf.length,
    };
  } finally {
    await browser.close();
  }
}
