import { createHash } from 'node:crypto';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { openLibrary } from '../../src/main/library';
import type { ListQuery } from '../../src/shared/browse';
import { generateFilms, seedLibrary } from '../support/generate-films';
import { repoRoot } from '../support/temp-library';
import { describeE2e } from './describe-e2e';
import { startApp, type AppHarness } from './harness';

/**
 * Browse over 100,000 generated films in real Chromium, over the built main, preload and renderer.
 * The library file is generated once and kept in the temp folder under a fingerprint of the code
 * that writes it, so later runs (and other test files) reuse it; each run works on a copy.
 */

const FILMS = 100_000;
const MAX_ROWS_IN_DOM = 300;

function sourceFingerprint(): string {
  const hash = createHash('sha256');
  const files = [join(repoRoot, 'tests/support/generate-films.ts')];
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.ts')) files.push(path);
    }
  };
  walk(join(repoRoot, 'src/main/library'));
  for (const file of files.sort()) hash.update(file).update(readFileSync(file));
  return hash.digest('hex').slice(0, 16);
}

/** The generated library for this code, made when missing; answers its path. */
async function generatedLibrary(): Promise<string> {
  const folder = join(tmpdir(), 'filmfolio-generated');
  const path = join(folder, `light-${FILMS}-${sourceFingerprint()}.filmfolio.sqlite`);
  if (existsSync(path)) return path;
  mkdirSync(folder, { recursive: true });
  // Files made by older code are of no further use: 300 MB each.
  for (const stale of readdirSync(folder).filter((name) => name.startsWith(`light-${FILMS}-`))) {
    rmSync(join(folder, stale), { force: true });
  }
  const partial = `${path}.${process.pid}.partial`;
  await seedLibrary(partial, generateFilms(FILMS, { seed: 1, profile: 'light' }));
  renameSync(partial, path);
  return path;
}

let app: AppHarness;
let scratch: string;
let libraryPath: string;

beforeAll(async () => {
  const generated = await generatedLibrary();
  scratch = mkdtempSync(join(tmpdir(), 'filmfolio-browse-e2e-'));
  libraryPath = join(scratch, 'library.filmfolio.sqlite');
  copyFileSync(generated, libraryPath);
  app = await startApp({ libraryPath, viewport: { width: 1280, height: 800 } });
}, 600_000);

afterAll(async () => {
  await app?.close();
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

/** What the library itself answers for a query (read from the same file, after the app wrote nothing). */
async function expectedTitles(query: ListQuery): Promise<string[]> {
  const library = await openLibrary(libraryPath);
  try {
    return library.list(query).films.map((film) => film.title);
  } finally {
    await library.close();
  }
}

const grid = (page: Page) => page.getByRole('grid', { name: 'Film list' });
const queryLine = (page: Page) => page.locator('.query-line');

/** The titles of the rows in the DOM that have their film, top to bottom. */
async function shownTitles(page: Page): Promise<string[]> {
  return grid(page)
    .locator('.table-body .table-row:not(.is-loading)')
    .evaluateAll((rows) =>
      rows
        .map((row) => ({
          top: row.getBoundingClientRect().top,
          title: row.querySelector('.title-text')?.textContent ?? '',
        }))
        .sort((a, b) => a.top - b.top)
        .map((row) => row.title),
    );
}

async function rowsInDom(page: Page): Promise<number> {
  return page.locator('.table-row, .film-card').count();
}

describeE2e('browse over 100,000 films in Chromium', () => {
  test('opens on the first page, with only a screenful of rows in the page', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Table', exact: true }).click();
    await expect.poll(() => shownTitles(page).then((titles) => titles[0])).toBe('Amélie');
    expect(await queryLine(page).getAttribute('aria-label')).toBe(`${FILMS.toLocaleString('en-US')} films`);
    expect(await rowsInDom(page)).toBeLessThanOrEqual(MAX_ROWS_IN_DOM);
  });

  test('typing a query shows the right film first, diacritics folded and marked', async () => {
    const { page } = app;
    const search = page.getByRole('searchbox', { name: 'Search films' });
    await search.fill('fitzcar');
    await expect.poll(() => shownTitles(page).then((titles) => titles[0])).toBe('Fitzcarraldo');
    await search.fill('');
    await search.pressSequentially('amelie', { delay: 30 });
    await expect.poll(() => shownTitles(page).then((titles) => titles[0])).toBe('Amélie');
    expect(await grid(page).locator('.table-row mark').first().textContent()).toBe('Amélie');
    await search.fill('nausicaa valley');
    await expect
      .poll(() => shownTitles(page).then((titles) => titles[0]?.normalize('NFC')))
      .toBe('Nausicaä of the Valley of the Wind');
    await page.getByRole('button', { name: 'Clear all' }).click();
    await expect.poll(() => queryLine(page).getAttribute('aria-label')).toBe('100,000 films');
  });

  test('two filters and a sort give the library’s own answer, read back in one line', async () => {
    const { page } = app;
    const filters = page.getByRole('complementary', { name: 'Filters' });
    // Twenty genres of about 5,000 films each: Drama may be past the first eight shown.
    await filters
      .getByRole('region', { name: 'Genre' })
      .getByRole('button', { name: /^Show all/ })
      .click();
    await filters.getByRole('button', { name: /^Drama \(/ }).click();
    await filters.getByRole('button', { name: /^Not yet \(/ }).click();
    const year = page.getByRole('columnheader', { name: /Year/ }).getByRole('button');
    await year.click();
    await year.click();
    const expected = await expectedTitles({
      filter: { genres: ['Drama'], seen: false },
      sort: 'year',
      descending: true,
      limit: 10,
    });
    await expect.poll(() => shownTitles(page).then((titles) => titles.slice(0, 10))).toEqual(expected);
    await expect
      .poll(() => queryLine(page).getAttribute('aria-label'))
      .toMatch(/^[\d,]+ films of 100,000: Drama · not seen yet · sorted by year, newest first$/);
    expect(await rowsInDom(page)).toBeLessThanOrEqual(MAX_ROWS_IN_DOM);
    await page.getByRole('button', { name: 'Clear all' }).click();
    await expect.poll(() => queryLine(page).getAttribute('aria-label')).toBe('100,000 films');
  });

  test('scrolls to the end of the table, keeping only a few hundred rows in the page', async () => {
    const { page } = app;
    const lastTitles = await expectedTitles({ sort: 'title', offset: FILMS - 5, limit: 5 });
    const scroller = grid(page);
    let most = 0;
    for (const fraction of [0.25, 0.5, 0.75, 1]) {
      await scroller.evaluate((element, to) => {
        element.scrollTop = (element.scrollHeight - element.clientHeight) * to;
      }, fraction);
      await page.waitForTimeout(150);
      most = Math.max(most, await rowsInDom(page));
    }
    await expect.poll(() => shownTitles(page).then((titles) => titles.slice(-5))).toEqual(lastTitles);
    expect(most).toBeLessThanOrEqual(MAX_ROWS_IN_DOM);
    expect(await page.locator('[aria-rowindex="100001"]').count()).toBe(1);
    expect(app.pageErrors).toEqual([]);
  });
});
