import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { FilmfolioBridge, Outcome } from '../../src/shared/contract';
import type { FilmPage } from '../../src/shared/browse';
import { printTheWork } from '../fixtures/sheet/print-tools';
import { startApp, type AppHarness } from './harness';

export type Theme = 'light' | 'dark';

/** What a view's address may depend on: the films of the library being shown. */
export type ScreenshotLibrary = { films: { id: string; title: string }[] };

/** One view to photograph; the list lives in scripts/screenshot-views.mjs. */
export type ScreenshotView = {
  /** The file name without `.png`; a dark shot gets `-dark`. */
  name: string;
  /** The route, e.g. `#/transfer`; a function may pick a film, or answer null to skip the view. */
  hash: string | ((library: ScreenshotLibrary) => string | null);
  /** Themes to shoot; light alone when absent. */
  themes?: Theme[];
  /** Waits until the view shows what it is for; by default until the main area is there. */
  ready?: (page: Page) => Promise<void>;
  /** Puts the view in the state worth showing (typed search, opened menu), after ready. */
  prepare?: (page: Page) => Promise<void>;
  /** Shoots the whole scrollable page rather than the 1280x800 window. */
  fullPage?: boolean;
};

export type CaptureOptions = {
  outDir: string;
  /** The library to show; a new temp one seeded with the sample film when absent. */
  libraryPath?: string;
  views: readonly ScreenshotView[];
  viewport?: { width: number; height: number };
};

/** Opens the app once and writes one PNG per view and theme; answers the files written. */
export async function captureScreenshots(options: CaptureOptions): Promise<string[]> {
  mkdirSync(options.outDir, { recursive: true });
  const app = await startApp({
    ...(options.libraryPath ? { libraryPath: options.libraryPath } : {}),
    viewport: options.viewport ?? { width: 1280, height: 800 },
    colorScheme: 'light',
  });
  try {
    if (!options.libraryPath) await openSampleFilm(app.page);
    const library = { films: (await listFilms(app.page)).films };
    const written: string[] = [];
    for (const view of options.views) {
      const hash = typeof view.hash === 'function' ? view.hash(library) : view.hash;
      if (hash === null) {
        console.warn(`Skipped ${view.name}: the library has nothing it can show.`);
        continue;
      }
      for (const theme of view.themes ?? ['light']) {
        written.push(await shoot(app, view, hash, theme, options.outDir));
      }
    }
    // The printed sheet is typography: its first two pages on each paper size, as PNGs to look at.
    for (const paper of ['A4', 'Letter'] as const) {
      const printed = await printTheWork(app.page, paper, join(options.outDir, 'printed'));
      written.push(printed.pdf, ...printed.pngs);
    }
    return written;
  } finally {
    await app.close();
  }
}

async function shoot(app: AppHarness, view: ScreenshotView, hash: string, theme: Theme, outDir: string) {
  const { page } = app;
  const errorsBefore = app.pageErrors.length;
  await page.emulateMedia({ colorScheme: theme });
  await page.goto(`${app.baseUrl}/${hash}`);
  // The same document with a new hash is not reloaded by goto; every view starts from a fresh load.
  await page.reload();
  await (view.ready ?? defaultReady)(page);
  await view.prepare?.(page);
  await settle(page);
  const path = join(outDir, theme === 'light' ? `${view.name}.png` : `${view.name}-${theme}.png`);
  await page.screenshot({ path, fullPage: view.fullPage ?? false });
  for (const error of app.pageErrors.slice(errorsBefore)) console.warn(`${view.name} (${theme}): ${error}`);
  return path;
}

async function defaultReady(page: Page): Promise<void> {
  await page.locator('main').first().waitFor();
  await page.waitForLoadState('networkidle');
}

/** Fonts loaded and two frames painted, so the shot shows what a person would see. */
async function settle(page: Page): Promise<void> {
  // A string, because this runs in the page and the node tsconfig knows no DOM.
  await page.evaluate(
    'document.fonts.ready.then(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))))',
  );
}

/** Adds the sample film through the bridge in the page, as the empty library's button does. */
async function openSampleFilm(page: Page): Promise<void> {
  const outcome = await page.evaluate(() =>
    (globalThis as unknown as { filmfolio: FilmfolioBridge }).filmfolio.library.openSample(),
  );
  valueOf(outcome, 'add the sample film');
}

/** The first films by title, asked through the bridge in the page. */
async function listFilms(page: Page): Promise<FilmPage> {
  const outcome = await page.evaluate(() =>
    (globalThis as unknown as { filmfolio: FilmfolioBridge }).filmfolio.films.list({
      sort: 'title',
      limit: 50,
    }),
  );
  return valueOf(outcome, 'list the films');
}

function valueOf<T>(outcome: Outcome<T>, what: string): T {
  if (!outcome.ok) throw new Error(`The app could not ${what}: ${outcome.error.message}`);
  return outcome.value;
}
