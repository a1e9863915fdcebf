import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterEach, expect, test } from 'vitest';
import { openLibrary } from '../../src/main/library';
import { exportLibrary } from '../../src/main/library/transfer';
import type { FilmInput } from '../../src/shared/film-schema';
import { repoRoot, sampleFilm, tempFolder } from '../support/temp-library';
import { describeE2e } from './describe-e2e';
import { startApp, type AppHarness } from './harness';

const withRejected = join(repoRoot, 'tests/fixtures/libraries/with-rejected-film.json');
const nightShift = join(repoRoot, 'tests/fixtures/fact-pages/night-shift.txt');

const apps: AppHarness[] = [];
afterEach(async () => {
  for (const app of apps.splice(0)) await app.close();
});

async function open(options: Parameters<typeof startApp>[0]): Promise<AppHarness> {
  const app = await startApp(options);
  apps.push(app);
  return app;
}

/** A library file holding the given films, written by the library layer and closed again. */
async function libraryWith(films: FilmInput[]): Promise<string> {
  const path = join(tempFolder(), 'collection.filmfolio.sqlite');
  const library = await openLibrary(path);
  for (const film of films) library.create(film);
  await library.close();
  return path;
}

/** Waits until the library view (browse, whatever its layout) shows every title. */
async function waitForTitles(page: Page, titles: string[]): Promise<void> {
  await page.waitForFunction(() => window.location.hash === '#/' || window.location.hash === '');
  for (const title of titles) await page.locator('main').getByText(title, { exact: true }).first().waitFor();
}

/**
 * Tells the export where to write: into the save dialog's stand-in when main offers dialogs (once
 * index.ts passes them), else into the path field the window shows without them.
 */
async function exportTo(app: AppHarness, path: string): Promise<void> {
  const { page } = app;
  const start = page.locator(
    '.export-panel .actions button.primary:not([disabled]), .export-panel input[type="text"]',
  );
  await start.first().waitFor();
  const pathField = page.getByLabel('Save to (the file’s full path)');
  if ((await pathField.count()) > 0) await pathField.fill(path);
  else app.electron.dialogPaths.push(path);
  await page.getByRole('button', { name: /^Export(…)?$/ }).click();
}

describeE2e('import and export in Chromium', () => {
  test('imports a library file with a rejected film: preview, problem, confirm, films in the list', async () => {
    const app = await open({ hash: '#/transfer' });
    const { page } = app;
    await page.getByRole('button', { name: 'Choose file…' }).waitFor();
    await page.getByLabel('Library file or fact page to import').setInputFiles(withRejected);

    const rejected = page.getByRole('row', { name: /Broken Numbers/ });
    await rejected.waitFor();
    expect(await rejected.innerText()).toContain('Rejected');
    expect(await page.getByRole('button', { name: /^2 New$/ }).count()).toBe(1);
    await page
      .getByRole('region', { name: 'Problems' })
      .getByRole('button', {
        name: 'films[2].boxOffice.worldwide.amount: expected a whole number, got "20,554"',
      })
      .click();
    const record = page.getByLabel('The record of films[2] as the file holds it');
    expect(await record.locator('.marked').innerText()).toMatch(/"amount": "20,554",$/);

    const confirm = page.getByRole('button', { name: 'Import 2 films' });
    expect(await confirm.isDisabled()).toBe(true);
    await page.getByRole('checkbox', { name: 'Import the others without the rejected film' }).check();
    await confirm.click();
    const summary = page.getByRole('region', { name: 'Import finished' });
    await summary.waitFor();
    expect(await summary.getByRole('listitem').allInnerTexts()).toEqual(['2 added', '1 rejected, left out']);

    await summary.getByRole('button', { name: 'Show the 2 films in the library' }).click();
    await waitForTitles(page, ['Stalker', 'Mirror']);
    expect(await page.locator('main').getByText('Broken Numbers').count()).toBe(0);
    expect(app.pageErrors).toEqual([]);
  });

  test('a fact page dropped on the window opens the import preview with its unplaced lines', async () => {
    const app = await open({ hash: '#/' });
    const { page } = app;
    await page.locator('main').waitFor();
    const text = readFileSync(nightShift, 'utf8');
    const dataTransfer = await page.evaluateHandle((pageText) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([pageText], 'night-shift.txt', { type: 'text/plain' }));
      return transfer;
    }, text);
    await page.dispatchEvent('main', 'dragover', { dataTransfer });
    await page.dispatchEvent('main', 'drop', { dataTransfer });

    await page.waitForFunction(() => window.location.hash === '#/transfer');
    const unplaced = page.getByRole('region', { name: 'Lines not placed in any field' });
    await unplaced.waitFor();
    expect(await unplaced.getByRole('button').allInnerTexts()).toEqual([
      'line 11 Language: Spanish',
      'line 32 - Some liner notes nobody can place',
      'line 38 Does it have a sequel?',
    ]);
    expect(await page.getByText('a film fact page with 1 film').count()).toBe(1);
  });

  test('exports the whole library, and the file is what the library layer exports', async () => {
    const libraryPath = await libraryWith([
      sampleFilm(),
      { title: 'Stalker', year: 1979 },
      { title: 'Mirror', year: 1975 },
    ]);
    const app = await open({ libraryPath, hash: '#/transfer' });
    const { page } = app;
    await page.getByRole('tab', { name: 'Export' }).click();
    await page.getByRole('radio', { name: 'The whole library (3 films)' }).waitFor();
    const exported = join(tempFolder(), 'exported.filmfolio.json');
    await exportTo(app, exported);
    const done = page.getByRole('region', { name: 'Export finished' });
    await done.waitFor();
    expect(await done.getByRole('heading').innerText()).toBe('Exported 3 films');
    await app.close();

    const library = await openLibrary(libraryPath);
    const expected = join(tempFolder(), 'expected.filmfolio.json');
    try {
      await exportLibrary(library, expected);
    } finally {
      await library.close();
    }
    expect(readFileSync(exported, 'utf8')).toBe(readFileSync(expected, 'utf8'));
    const file = JSON.parse(readFileSync(exported, 'utf8')) as { films: { title: string }[] };
    expect(file.films.map((film) => film.title)).toEqual(['Mirror', 'Stalker', 'The Work']);
  });
});
