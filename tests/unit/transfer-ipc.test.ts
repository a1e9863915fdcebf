import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Channel, Outcome } from '../../src/shared/contract';
import type { ExportResult, ImportPreviewSummary, ImportResult } from '../../src/shared/transfer';
import { dispatch } from '../../src/main/dispatch';
import { createHandlers, type Handlers } from '../../src/main/handlers';
import type { Library } from '../../src/main/library';
import { isImportRunning } from '../../src/main/library/transfer';
import type { TransferDialogs } from '../../src/main/transfer-handlers';
import { libraryFingerprint, libraryText, writeFixture } from '../support/library-files';
import { repoRoot, samplePath, seedPagePath, tempFolder, tempLibrary } from '../support/temp-library';

/**
 * The transfer channels as the window calls them: through dispatch, over real handlers and a real
 * library file. Also the guard that refuses other writes while an import holds its transaction.
 */

const withRejected = join(repoRoot, 'tests/fixtures/libraries/with-rejected-film.json');

function handlersFor(library: Library, transferDialogs?: TransferDialogs): Handlers {
  return createHandlers({
    library: () => library,
    samplePath,
    ...(transferDialogs ? { transferDialogs } : {}),
  });
}

/** Calls a channel as the window does and answers its value; fails the test with the error otherwise. */
async function call<T>(handlers: Handlers, channel: Channel, ...args: unknown[]): Promise<T> {
  const outcome = await dispatch(handlers, channel, args);
  if (!outcome.ok) throw new Error(`${channel} failed: ${outcome.error.code} ${outcome.error.message}`);
  return outcome.value as T;
}

async function failure(handlers: Handlers, channel: Channel, ...args: unknown[]) {
  const outcome: Outcome<unknown> = await dispatch(handlers, channel, args);
  if (outcome.ok)
    throw new Error(`${channel} was expected to fail, and answered ${JSON.stringify(outcome.value)}`);
  return outcome.error;
}

const titles = (library: Library) =>
  library
    .list({ sort: 'title', limit: 50 })
    .films.map((film) => film.title)
    .sort();

describe('import through the IPC channels', () => {
  it('previews a file with a rejected film: every problem located, nothing written', async () => {
    const library = await tempLibrary();
    const handlers = handlersFor(library);
    const preview = await call<ImportPreviewSummary>(
      handlers,
      'transfer:preview-import',
      withRejected,
      'skip',
      'job-a',
    );
    expect(preview.counts).toMatchObject({ total: 3, new: 2, rejected: 1 });
    const rejected = preview.films.find((film) => film.status === 'rejected');
    expect(rejected).toMatchObject({
      index: 2,
      place: 'films[2]',
      title: 'Broken Numbers',
      action: 'reject',
    });
    expect(rejected?.problems).toEqual([
      {
        path: 'films[2].boxOffice.worldwide.amount',
        message: expect.stringContaining('expected a whole number, got "20,554"'),
      },
    ]);
    expect(preview.sources).toEqual([
      expect.objectContaining({ path: withRejected, kind: 'library', films: 3 }),
    ]);
    expect(await call(handlers, 'transfer:progress', 'job-a')).toMatchObject({ phase: 'done' });
    expect(library.count()).toBe(0);
  });

  it('refuses to commit while films are rejected (REJECTED), and imports the others with skipRejected', async () => {
    const library = await tempLibrary();
    const handlers = handlersFor(library);
    const preview = await call<ImportPreviewSummary>(
      handlers,
      'transfer:preview-import',
      withRejected,
      'skip',
      null,
    );
    const refused = await failure(
      handlers,
      'transfer:commit-import',
      preview.previewId,
      { rule: 'skip' },
      null,
    );
    expect(refused).toMatchObject({
      code: 'REJECTED',
      message: expect.stringContaining('1 of 3 films were rejected'),
    });
    expect(library.count()).toBe(0);

    const result = await call<ImportResult>(
      handlers,
      'transfer:commit-import',
      preview.previewId,
      { rule: 'skip', skipRejected: true },
      'job-b',
    );
    expect(result.counts).toMatchObject({ new: 2, rejected: 1 });
    expect(result.filmIds).toHaveLength(2);
    expect(titles(library)).toEqual(['Mirror', 'Stalker']);
    expect(await call(handlers, 'transfer:progress', 'job-b')).toEqual({ phase: 'done', done: 2, total: 2 });
  });

  it('previews text the window read itself (a dropped fact page) and applies a per-film override', async () => {
    const library = await tempLibrary();
    library.create({ title: 'The Work', year: 2017, notes: 'mine' });
    const handlers = handlersFor(library);
    const text = readFileSync(seedPagePath, 'utf8');
    const preview = await call<ImportPreviewSummary>(
      handlers,
      'transfer:preview-import',
      { text, name: 'the-work.txt' },
      'skip',
      null,
    );
    expect(preview.sources).toEqual([
      expect.objectContaining({ path: 'the-work.txt', kind: 'fact-page', films: 1 }),
    ]);
    expect(preview.films[0]).toMatchObject({
      status: 'duplicate',
      action: 'skip',
      match: { by: 'title-year' },
    });
    const merged = await call<ImportPreviewSummary>(
      handlers,
      'transfer:summarize-import',
      preview.previewId,
      {
        rule: 'skip',
        overrides: { '0': 'merge' },
      },
    );
    expect(merged.films[0]?.action).toBe('merge');
    expect(merged.counts).toMatchObject({ updated: 1, skipped: 0 });
  });

  it('refuses a file that is no library with REJECTED, naming the file', async () => {
    const library = await tempLibrary();
    const path = writeFixture(tempFolder(), 'shopping.txt', 'milk\neggs\n');
    const error = await failure(handlersFor(library), 'transfer:preview-import', path, 'skip', null);
    expect(error.code).toBe('REJECTED');
    expect(error.message).toContain(`${path}: is neither a Filmfolio library`);
  });
});

describe('while an import is being written', () => {
  /** A preview of `count` new films, from a file in a temp folder. */
  async function bigPreview(handlers: Handlers, count: number) {
    const films = Array.from({ length: count }, (_, index) => ({
      title: `Incoming ${index}`,
      year: 1950 + (index % 70),
    }));
    const path = writeFixture(tempFolder(), 'big.json', libraryText(films));
    return call<ImportPreviewSummary>(handlers, 'transfer:preview-import', path, 'skip', null);
  }

  async function untilImportRunning(library: Library, commit: Promise<unknown>): Promise<void> {
    let settled = false;
    void commit.finally(() => (settled = true));
    while (!isImportRunning(library.sqlite)) {
      if (settled) throw new Error('The import ended before it could be observed running.');
      await new Promise((resolve) => setImmediate(resolve));
    }
  }

  it('refuses every other write with BUSY, and a cancel leaves the library exactly as before', async () => {
    const library = await tempLibrary();
    library.create({ title: 'Already here', year: 2001 });
    const before = libraryFingerprint(library);
    const handlers = handlersFor(library);
    const preview = await bigPreview(handlers, 3000);

    const commit = dispatch(handlers, 'transfer:commit-import', [
      preview.previewId,
      { rule: 'skip' },
      'job-c',
    ]);
    await untilImportRunning(library, commit);
    const busy = await failure(handlers, 'films:create', { title: 'Typed during the import' });
    expect(busy).toEqual({ code: 'BUSY', message: 'An import is running; try again when it has finished.' });
    expect((await failure(handlers, 'library:open-sample')).code).toBe('BUSY');
    expect(
      (await failure(handlers, 'transfer:export', { path: join(tempFolder(), 'x.json') }, null)).code,
    ).toBe('BUSY');
    expect(await call(handlers, 'transfer:cancel', 'job-c')).toBe(true);

    expect(await commit).toMatchObject({
      ok: false,
      error: { code: 'CANCELLED', message: 'The import was cancelled; nothing was written.' },
    });
    expect(await call(handlers, 'transfer:progress', 'job-c')).toMatchObject({ phase: 'cancelled' });
    expect(libraryFingerprint(library)).toBe(before);
    // Once the import is over, writes go through again.
    expect(await call(handlers, 'films:create', { title: 'After the import' })).toMatchObject({
      title: 'After the import',
    });
  });
});

describe('the dialog channels', () => {
  it('say they are unavailable without the desktop app', async () => {
    const handlers = handlersFor(await tempLibrary());
    expect(await call(handlers, 'dialog:available')).toEqual({ files: false, showInFolder: false });
    expect(await failure(handlers, 'dialog:open-library-file')).toMatchObject({
      code: 'FAILED',
      message: expect.stringContaining('only available in the desktop app'),
    });
  });

  it('export only where the save dialog answered, and show in folder only what was exported', async () => {
    const library = await tempLibrary();
    library.create({ title: 'Stalker', year: 1979 });
    const folder = tempFolder();
    const chosen = join(folder, 'chosen.filmfolio.json');
    const shown: string[] = [];
    const suggested: string[] = [];
    const handlers = handlersFor(library, {
      chooseImportFile: () => Promise.resolve(withRejected),
      chooseExportFile: (name) => {
        suggested.push(name);
        return Promise.resolve(chosen);
      },
      showInFolder: (path) => void shown.push(path),
    });
    expect(await call(handlers, 'dialog:available')).toEqual({ files: true, showInFolder: true });
    expect(await call(handlers, 'dialog:open-library-file')).toBe(withRejected);

    const elsewhere = join(folder, 'elsewhere.json');
    const refused = await failure(handlers, 'transfer:export', { path: elsewhere }, null);
    expect(refused.message).toContain('was not chosen in the save dialog');
    expect(existsSync(elsewhere)).toBe(false);

    expect(await call(handlers, 'dialog:save-library-file', 'Films.filmfolio.json')).toBe(chosen);
    expect(suggested).toEqual(['Films.filmfolio.json']);
    expect(await failure(handlers, 'dialog:show-in-folder', chosen)).toMatchObject({
      message: expect.stringContaining('was not exported from this window'),
    });
    const exported = await call<ExportResult>(
      handlers,
      'transfer:export',
      { path: chosen, images: false },
      null,
    );
    expect(exported).toMatchObject({ path: chosen, films: 1 });
    expect(await call(handlers, 'dialog:show-in-folder', chosen)).toBe(true);
    expect(shown).toEqual([chosen]);
  });
});
