import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { Library } from '../../src/main/library';
import {
  commitImport,
  ImportRefusedError,
  isImportRunning,
  previewImport,
  TransferCancelledError,
} from '../../src/main/library/transfer';
import { libraryFingerprint, libraryText, writeFixture } from '../support/library-files';
import { seedPagePath, tempFolder, tempLibrary } from '../support/temp-library';

const manyFilms = (count: number, prefix = 'Film') =>
  Array.from({ length: count }, (_, i) => ({
    title: `${prefix} ${i}`,
    year: 1900 + (i % 200),
    genres: ['Drama'],
    cast: [{ person: `Actor ${i}` }],
  }));

async function libraryWithOneFilm(): Promise<Library> {
  const library = await tempLibrary();
  library.create({ title: 'Already Here', year: 1999 });
  return library;
}

const previewOf = (library: Library, films: readonly unknown[]) =>
  previewImport(library, { text: libraryText(films), name: 'incoming.json' });

describe('writing an import: all or nothing', () => {
  it('backs the library up first with the SQLite backup API, under <library>.backups/', async () => {
    const library = await libraryWithOneFilm();
    const result = await commitImport(library, await previewOf(library, manyFilms(3)));
    const backupPath = result.backupPath as string;
    expect(dirname(backupPath)).toBe(`${library.path}.backups`);
    expect(basename(backupPath)).toMatch(/^\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d-\d{3}Z-before-import\.sqlite$/);
    const backup = new Database(backupPath, { readonly: true });
    expect(backup.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(backup.prepare('SELECT title FROM films').pluck().all()).toEqual(['Already Here']);
    backup.close();
    expect(library.count()).toBe(4);
  });

  it('keeps only the newest backups when told how many to keep, and nothing else in the folder is touched', async () => {
    const library = await libraryWithOneFilm();
    const made: string[] = [];
    for (const round of [1, 2, 3]) {
      const result = await commitImport(
        library,
        await previewOf(library, manyFilms(1, `Round ${round}`)),
        {},
        { backupsKept: 2 },
      );
      made.push(basename(result.backupPath as string));
      if (round === 1) writeFixture(`${library.path}.backups`, 'my-notes.txt', 'keep me');
    }
    expect(readdirSync(`${library.path}.backups`).sort()).toEqual([...made.slice(1), 'my-notes.txt'].sort());
  });

  it('takes no backup of a library with nothing in it', async () => {
    const library = await tempLibrary();
    const result = await commitImport(library, await previewOf(library, manyFilms(2)));
    expect(result.backupPath).toBeNull();
    expect(existsSync(`${library.path}.backups`)).toBe(false);
  });

  it('rolls everything back when cancelled in the middle, and says so', async () => {
    const library = await libraryWithOneFilm();
    const before = libraryFingerprint(library);
    const preview = await previewOf(library, manyFilms(500));
    const controller = new AbortController();
    const seen: number[] = [];
    const writing = commitImport(
      library,
      preview,
      {},
      {
        chunkSize: 50,
        sliceMs: Infinity,
        signal: controller.signal,
        onProgress: (done) => {
          seen.push(done);
          if (done === 150) controller.abort();
        },
      },
    );
    await expect(writing).rejects.toThrow(TransferCancelledError);
    await expect(writing).rejects.toThrow('The import was cancelled; nothing was written.');
    expect(seen).toEqual([50, 100, 150]);
    expect(library.sqlite.inTransaction).toBe(false);
    expect(libraryFingerprint(library)).toBe(before);
  });

  it('rolls everything back when a later chunk fails', async () => {
    const library = await libraryWithOneFilm();
    const before = libraryFingerprint(library);
    const preview = await previewOf(library, manyFilms(300));
    const failing = commitImport(
      library,
      preview,
      {},
      {
        chunkSize: 100,
        sliceMs: Infinity,
        onProgress: (done) => {
          if (done === 200) throw new Error('disk full');
        },
      },
    );
    await expect(failing).rejects.toThrow('disk full');
    expect(libraryFingerprint(library)).toBe(before);
  });

  it('lets the event loop run between chunks, reports progress, and marks the import as running', async () => {
    const library = await tempLibrary();
    const preview = await previewOf(library, manyFilms(400));
    let ticks = 0;
    const running: boolean[] = [];
    const tick = setInterval(() => {
      ticks += 1;
      running.push(isImportRunning(library.sqlite));
    }, 0);
    const progress: [number, number][] = [];
    await commitImport(
      library,
      preview,
      {},
      { chunkSize: 50, sliceMs: Infinity, onProgress: (done, total) => progress.push([done, total]) },
    );
    clearInterval(tick);
    expect(progress).toEqual([50, 100, 150, 200, 250, 300, 350, 400].map((done) => [done, 400]));
    expect(ticks).toBeGreaterThan(0);
    expect(running).toContain(true);
    expect(isImportRunning(library.sqlite)).toBe(false);
    expect(library.count()).toBe(400);
  });

  it('yields after a time slice, however few films it wrote', async () => {
    const library = await tempLibrary();
    const progress: number[] = [];
    await commitImport(
      library,
      await previewOf(library, manyFilms(5)),
      {},
      {
        sliceMs: 0,
        onProgress: (done) => progress.push(done),
      },
    );
    expect(progress).toEqual([1, 2, 3, 4, 5]);
  });

  it('writes nothing while any film is rejected, unless told to import the others', async () => {
    const library = await libraryWithOneFilm();
    const before = libraryFingerprint(library);
    const films = [{ title: 'Good' }, { title: 'Bad', year: 'soon' }];
    const preview = await previewOf(library, films);
    await expect(commitImport(library, preview)).rejects.toThrow(
      '1 of 2 films were rejected (see their problems); nothing was imported.',
    );
    expect(libraryFingerprint(library)).toBe(before);
    const result = await commitImport(library, preview, { skipRejected: true });
    expect(result.counts).toMatchObject({ new: 1, rejected: 1 });
    expect(library.count()).toBe(2);
  });

  it('refuses a preview that no longer fits the library (the duplicate was deleted since)', async () => {
    const library = await libraryWithOneFilm();
    const preview = await previewOf(library, [
      { title: 'Fresh' },
      { title: 'Already Here', year: 1999, notes: 'new' },
    ]);
    const stored = preview.films[1]?.match?.filmId as string;
    library.delete(stored);
    const before = libraryFingerprint(library);
    await expect(commitImport(library, preview, { rule: 'replace' })).rejects.toThrow(ImportRefusedError);
    await expect(commitImport(library, preview, { rule: 'replace' })).rejects.toThrow(
      'preview the import again',
    );
    expect(libraryFingerprint(library)).toBe(before);
  });

  it('keeps films up to its budget and those matching stored ones; the others are read again as written', async () => {
    const library = await libraryWithOneFilm();
    const films = [
      { title: 'Fresh' },
      { title: 'Already Here', year: 1999, notes: 'new' },
      { title: 'Fresh too' },
      { title: 'Fresh three' },
    ];
    const path = writeFixture(tempFolder(), 'films.json', libraryText(films));
    const kept = async (keepFilmBytes?: number) => {
      const preview = await previewImport(library, { path }, { keepFilmBytes });
      return { preview, titles: preview.films.map((incoming) => incoming.film?.title ?? null) };
    };
    expect((await kept()).titles).toEqual(films.map((film) => film.title));
    // A budget of one small film: the first is kept, the match always, no other.
    expect((await kept(40)).titles).toEqual(['Fresh', 'Already Here', null, null]);
    const { preview, titles } = await kept(0);
    expect(titles).toEqual([null, 'Already Here', null, null]);
    expect(preview.films.map((incoming) => incoming.status)).toEqual(['new', 'duplicate', 'new', 'new']);
    const given = preview.films.map((incoming) => incoming.filmId);
    const { filmIds } = await commitImport(library, preview, { rule: 'merge' });
    // The new films keep the ids the preview gave them (a film without one gets one once).
    expect(filmIds).toEqual([given[0], preview.films[1]?.match?.filmId, given[2], given[3]]);
    expect(filmIds.map((id) => library.get(id)?.title)).toEqual(films.map((film) => film.title));
    expect(filmIds.map((id) => library.get(id)?.notes ?? null)).toEqual([null, 'new', null, null]);
  });

  it('refuses to write a file changed or removed since its preview, and the library is unchanged', async () => {
    const library = await libraryWithOneFilm();
    const before = libraryFingerprint(library);
    const folder = tempFolder();
    const changed = writeFixture(folder, 'changed.json', libraryText(manyFilms(3)));
    const changedPreview = await previewImport(library, { path: changed }, { keepFilmBytes: 0 });
    writeFixture(folder, 'changed.json', libraryText(manyFilms(3, 'Other')));
    await expect(commitImport(library, changedPreview)).rejects.toThrow(
      `${changed}: changed while it was being read; import it again once it is saved`,
    );
    const removed = writeFixture(folder, 'removed.json', libraryText(manyFilms(3)));
    const removedPreview = await previewImport(library, { path: removed }, { keepFilmBytes: 0 });
    rmSync(removed);
    await expect(commitImport(library, removedPreview)).rejects.toThrow(`${removed}: there is no such file`);
    expect(libraryFingerprint(library)).toBe(before);
    expect(isImportRunning(library.sqlite)).toBe(false);
  });

  it('reads a file in chunks with its size known first, reports progress and can be cancelled', async () => {
    const library = await tempLibrary();
    const path = writeFixture(tempFolder(), 'big.json', libraryText(manyFilms(300)));
    const phases = new Set<string>();
    const totals = new Set<number>();
    await previewImport(
      library,
      { path },
      {
        onProgress: (_done, total, phase) => {
          phases.add(phase);
          if (phase === 'reading') totals.add(total);
        },
      },
    );
    expect([...phases]).toEqual(['reading', 'checking']);
    expect(totals.size).toBe(1);
    const controller = new AbortController();
    controller.abort();
    await expect(previewImport(library, { path }, { signal: controller.signal })).rejects.toThrow(
      TransferCancelledError,
    );
  });

  it('imports a fact page, its unplaced lines as warnings', async () => {
    const library = await tempLibrary();
    const folder = tempFolder();
    const junk = writeFixture(
      folder,
      'page.txt',
      `${readFileSync(seedPagePath, 'utf8')}\nA stray line nobody asked for\n`,
    );
    const preview = await previewImport(library, { path: junk });
    expect(preview.sources[0]).toMatchObject({ kind: 'fact-page', films: 1 });
    const warnings = preview.films[0]?.warnings.map((w) => `${w.path}: ${w.message}`) ?? [];
    expect(
      warnings.some((w) => /^line \d+: not placed in any field: A stray line nobody asked for$/.test(w)),
    ).toBe(true);
    const { filmIds } = await commitImport(library, preview);
    expect(library.get(filmIds[0] as string)?.title).toBe('The Work');
    expect(readdirSync(folder)).toEqual(['page.txt']);
  });
});
