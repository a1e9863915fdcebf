import { existsSync, statSync } from 'node:fs';
import type Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { Library } from '../../src/main/library';
import { backgroundCheckpoint, holdCheckpoints, releaseCheckpoints } from '../../src/main/library/database';
import Sqlite from 'better-sqlite3';
import {
  commitImport,
  ImportRefusedError,
  isImportRunning,
  previewImport,
  TransferCancelledError,
} from '../../src/main/library/transfer';
import { libraryFingerprint, libraryText } from '../support/library-files';
import { tempLibrary } from '../support/temp-library';

/**
 * Parts of the import's write path that exist only for speed: the indexes set aside while an
 * import writes (now also for a smaller import into an empty library), people's keys remembered
 * for one import's transaction, and foreign keys checked once. None may change what is written, nor
 * what another program sees meanwhile.
 */

const indexCount = (sqlite: Database.Database) =>
  sqlite
    .prepare("SELECT count(*) FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL")
    .pluck()
    .get() as number;

const schema = (sqlite: Database.Database) =>
  sqlite.prepare('SELECT type, name, sql FROM sqlite_master ORDER BY name').all();

/**
 * Previews `films` and starts writing them, calling `atLastFilm` while the transaction is still
 * open after the last film (in chunks of 100, so progress is reported at the end); answers the write.
 */
async function importCallingAtLastFilm(library: Library, films: readonly object[], atLastFilm: () => void) {
  const preview = await previewImport(library, { text: libraryText(films), name: 'films.json' });
  return commitImport(
    library,
    preview,
    {},
    {
      sliceMs: Infinity,
      chunkSize: 100,
      onProgress: (done, total) => {
        if (done === total) atLastFilm();
      },
    },
  );
}

/** Imports `films`, answering how many indexes were there while the last film was written. */
async function importCountingIndexes(library: Library, films: readonly object[]): Promise<number> {
  let indexesWhileWriting = -1;
  await importCallingAtLastFilm(library, films, () => (indexesWhileWriting = indexCount(library.sqlite)));
  return indexesWhileWriting;
}

const films = (count: number, prefix: string) =>
  Array.from({ length: count }, (_, i) => ({
    title: `${prefix} ${i}`,
    directors: [`Director ${i % 7}`],
    cast: [{ person: `Actor ${i % 13}` }, { person: 'Everyone' }],
    genres: ['Drama'],
  }));

describe('indexes set aside while an import writes', () => {
  it('into an empty library from 500 films, rebuilt before it ends; not for fewer', async () => {
    const library = await tempLibrary();
    try {
      const before = schema(library.sqlite);
      const all = indexCount(library.sqlite);
      expect(await importCountingIndexes(library, films(499, 'Small'))).toBe(all);

      const empty = await tempLibrary();
      try {
        expect(await importCountingIndexes(empty, films(500, 'Film'))).toBeLessThan(all / 2);
        expect(schema(empty.sqlite)).toEqual(before);
        expect(empty.count()).toBe(500);
        expect(
          empty.sqlite
            .prepare(
              "SELECT count(*) FROM film_credits c JOIN people p ON p.key = c.person_key WHERE p.name = 'Director 3'",
            )
            .pluck()
            .get(),
        ).toBe(71);
        expect(empty.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
      } finally {
        await empty.close();
      }
    } finally {
      await library.close();
    }
  });

  it('into a library that holds films, only from 2,000 films and at least the library’s size', async () => {
    const library = await tempLibrary();
    try {
      library.create({ title: 'Already Here' });
      const all = indexCount(library.sqlite);
      expect(await importCountingIndexes(library, films(600, 'Film'))).toBe(all);
    } finally {
      await library.close();
    }
  });
});

describe('foreign keys of a bulk import, checked once at its end', () => {
  const foreignKeys = (sqlite: Database.Database) => sqlite.pragma('foreign_keys', { simple: true });

  /** Imports `list`, answering its write and whether foreign keys were on while its last film was written. */
  async function importSeeingForeignKeys(library: Library, list: readonly object[], orphan = false) {
    let whileWriting: unknown = null;
    const writing = importCallingAtLastFilm(library, list, () => {
      whileWriting = foreignKeys(library.sqlite);
      // A row pointing at no film, as a bug in the write path would leave one.
      if (orphan) {
        library.sqlite
          .prepare(
            "INSERT INTO film_terms (film_key, kind, position, value) VALUES (987654, 'genre', 0, 'Lost')",
          )
          .run();
      }
    });
    return { writing, whileWriting: () => whileWriting };
  }

  it('are off while a bulk import writes and on again after; a small import keeps them on', async () => {
    const empty = await tempLibrary();
    try {
      const bulk = await importSeeingForeignKeys(empty, films(500, 'Film'));
      await bulk.writing;
      expect(bulk.whileWriting()).toBe(0);
      expect(foreignKeys(empty.sqlite)).toBe(1);
      expect(empty.sqlite.pragma('foreign_key_check')).toEqual([]);

      const small = await importSeeingForeignKeys(empty, films(20, 'More'));
      await small.writing;
      expect(small.whileWriting()).toBe(1);
      expect(empty.count()).toBe(520);
    } finally {
      await empty.close();
    }
  });

  it('refuse the whole import when a row points at nothing, naming the table; the library is unchanged', async () => {
    const library = await tempLibrary();
    try {
      const before = libraryFingerprint(library);
      const bulk = await importSeeingForeignKeys(library, films(500, 'Film'), true);
      await expect(bulk.writing).rejects.toThrow(
        'The import was not written: 1 row of film_terms would point at a missing row of films. The library is unchanged.',
      );
      expect(bulk.whileWriting()).toBe(0);
      expect(libraryFingerprint(library)).toBe(before);
      expect(library.count()).toBe(0);
      expect(foreignKeys(library.sqlite)).toBe(1);
      expect(isImportRunning(library.sqlite)).toBe(false);

      // A small import writes row by row with the keys on: the same orphan is refused as it is written.
      const small = await importSeeingForeignKeys(library, films(20, 'Small'), true);
      await expect(small.writing).rejects.toThrow(/FOREIGN KEY constraint failed/);
      expect(libraryFingerprint(library)).toBe(before);
    } finally {
      await library.close();
    }
  });
});

describe('people remembered through one import', () => {
  it('share the people already stored and those the import adds, one row per name', async () => {
    const library = await tempLibrary();
    try {
      const stored = library.create({ title: 'Stored', cast: [{ person: 'Everyone' }] });
      await importCountingIndexes(library, films(40, 'Film'));
      const { sqlite } = library;
      expect(sqlite.prepare("SELECT count(*) FROM people WHERE name = 'Everyone'").pluck().get()).toBe(1);
      expect(sqlite.prepare('SELECT count(*) FROM people').pluck().get()).toBe(1 + 7 + 13);
      const creditsOf = sqlite.prepare(
        'SELECT count(*) FROM film_credits c JOIN people p ON p.key = c.person_key WHERE p.name = ?',
      );
      expect(creditsOf.pluck().get('Everyone')).toBe(41);
      expect(library.get(stored.id)?.cast.map((c) => c.person)).toEqual(['Everyone']);
    } finally {
      await library.close();
    }
  });

  it('are forgotten with a cancelled import: the next write does not use keys it rolled back', async () => {
    const library = await tempLibrary();
    try {
      const before = libraryFingerprint(library);
      const preview = await previewImport(library, {
        text: libraryText([{ title: 'Rolled Back', cast: [{ person: 'Gone Again' }] }]),
        name: 'one.json',
      });
      const controller = new AbortController();
      const writing = commitImport(
        library,
        preview,
        {},
        { signal: controller.signal, onProgress: () => controller.abort() },
      );
      await expect(writing).rejects.toThrow(TransferCancelledError);
      expect(libraryFingerprint(library)).toBe(before);

      // A plain save after it: a key remembered from the rolled-back import would point nowhere.
      const written = library.create({ title: 'Written', cast: [{ person: 'Gone Again' }] });
      expect(library.get(written.id)?.cast.map((c) => c.person)).toEqual(['Gone Again']);
      expect(library.sqlite.pragma('foreign_key_check')).toEqual([]);
    } finally {
      await library.close();
    }
  });
});

describe('people written by an import into a library that names nobody yet', () => {
  const credited = [
    {
      title: 'One',
      directors: ['Ada'],
      cast: [{ person: 'Bo' }, { person: 'Ada' }],
      crew: [{ person: 'Cy', job: 'Editor' }],
    },
    {
      title: 'Two',
      directors: ['Cy'],
      cast: [{ person: 'Dee' }, { person: 'Bo' }],
      crew: [{ person: 'Dee', job: 'Writer' }],
    },
  ];

  it('are one row per name, keyed in order of first mention, each credit pointing to its person', async () => {
    const library = await tempLibrary();
    const preview = await previewImport(library, { text: libraryText(credited), name: 'people.json' });
    const { filmIds } = await commitImport(library, preview);
    const people = library.sqlite.prepare('SELECT key, name FROM people ORDER BY key').all() as {
      key: number;
      name: string;
    }[];
    expect(people.map((person) => person.name)).toEqual(['Ada', 'Bo', 'Cy', 'Dee']);
    const [one, two] = filmIds.map((id) => library.get(id));
    expect(one).toMatchObject({ directors: ['Ada'], crew: [{ person: 'Cy', job: 'Editor' }] });
    expect(one?.cast.map((c) => c.person)).toEqual(['Bo', 'Ada']);
    expect(two).toMatchObject({ directors: ['Cy'], crew: [{ person: 'Dee', job: 'Writer' }] });
    expect(two?.cast.map((c) => c.person)).toEqual(['Dee', 'Bo']);
    expect(library.sqlite.pragma('foreign_key_check')).toEqual([]);

    // The next import finds them stored: no second row for a name.
    const again = await previewImport(library, {
      text: libraryText([{ title: 'Three', directors: ['Bo'], cast: [{ person: 'Eve' }] }]),
      name: 'more.json',
    });
    await commitImport(library, again);
    const names = library.sqlite.prepare('SELECT name FROM people ORDER BY key').pluck().all();
    expect(names).toEqual(['Ada', 'Bo', 'Cy', 'Dee', 'Eve']);
  });

  it('are all rolled back with a cancel, and the next import writes them again', async () => {
    const library = await tempLibrary();
    const before = libraryFingerprint(library);
    const text = libraryText(films(300, 'Film'));
    const controller = new AbortController();
    const cancelled = commitImport(
      library,
      await previewImport(library, { text, name: 'films.json' }),
      {},
      { signal: controller.signal, chunkSize: 100, sliceMs: Infinity, onProgress: () => controller.abort() },
    );
    await expect(cancelled).rejects.toThrow(TransferCancelledError);
    expect(libraryFingerprint(library)).toBe(before);

    await commitImport(library, await previewImport(library, { text, name: 'films.json' }));
    expect(library.sqlite.prepare('SELECT count(*) FROM people').pluck().get()).toBe(7 + 13 + 1);
    const creditsOf = library.sqlite.prepare(
      'SELECT count(*) FROM film_credits c JOIN people p ON p.key = c.person_key WHERE p.name = ?',
    );
    expect(creditsOf.pluck().get('Everyone')).toBe(300);
    expect(library.sqlite.pragma('foreign_key_check')).toEqual([]);
  });
});

describe('an import the library refuses as it writes', () => {
  it('is refused whole when a film with one of its ids was added since the preview, even to the trash', async () => {
    for (const trashed of [false, true]) {
      const library = await tempLibrary();
      const id = '7d1e3a52-5a1b-4c55-9d1e-3a525a1b4c55';
      const preview = await previewImport(library, {
        text: libraryText([{ title: 'First' }, { id, title: 'Second' }]),
        name: 'films.json',
      });
      const meanwhile = library.create({ id, title: 'Added meanwhile' });
      if (trashed) library.trash([meanwhile.id]);
      const before = libraryFingerprint(library);
      const writing = commitImport(library, preview);
      await expect(writing).rejects.toThrow(ImportRefusedError);
      await expect(writing).rejects.toThrow(
        'A film with the id of films[1] of films.json (“Second”) was added since the preview; preview the import again.',
      );
      expect(libraryFingerprint(library)).toBe(before);
      expect(isImportRunning(library.sqlite)).toBe(false);
    }
  });

  it('ends cleanly when it cannot begin (another program holds the write lock), and can be tried again', async () => {
    const library = await tempLibrary();
    const preview = await previewImport(library, {
      text: libraryText([{ title: 'Waiting' }]),
      name: 'films.json',
    });
    const other = new Sqlite(library.path);
    try {
      other.exec('BEGIN IMMEDIATE');
      library.sqlite.pragma('busy_timeout = 0');
      await expect(commitImport(library, preview)).rejects.toThrow(/locked|busy/i);
      expect(isImportRunning(library.sqlite)).toBe(false);
      expect(library.sqlite.inTransaction).toBe(false);
      other.exec('ROLLBACK');
    } finally {
      other.close();
    }
    const { filmIds } = await commitImport(library, preview);
    expect(filmIds.map((id) => library.get(id)?.title)).toEqual(['Waiting']);
  });
});

describe('another program, while a bulk import writes', () => {
  it('opens the library and reads it as it was before the import (the import writes through the WAL)', async () => {
    const library = await tempLibrary();
    try {
      library.create({ title: 'Kept' });
      // A small page cache, so the import's pages spill before COMMIT, as a big import's do.
      library.sqlite.pragma('cache_size = 20');
      let seen: unknown = null;
      await importCallingAtLastFilm(library, films(2_000, 'Incoming'), () => {
        // The command line (or a second window) opening the library as database.ts does, not waiting.
        const other = new Sqlite(library.path, { timeout: 0 });
        try {
          other.pragma('journal_mode = WAL');
          seen = other.prepare('SELECT count(*) FROM films').pluck().get();
        } finally {
          other.close();
        }
      });
      expect(seen).toBe(1);
      expect(library.count()).toBe(2_001);
    } finally {
      await library.close();
    }
  });
});

describe('the pages a bulk import wrote', () => {
  it('are copied into the library file by a worker after COMMIT, while the library is used on', async () => {
    const library = await tempLibrary();
    const emptyFile = statSync(library.path).size;
    await importCallingAtLastFilm(library, films(600, 'Bulk'), () => {});
    // The connection's own checkpoints stay off while the worker copies, so a save does not copy it all.
    expect(library.sqlite.pragma('wal_autocheckpoint', { simple: true })).toBe(0);
    const saved = library.create({ title: 'Saved meanwhile' });
    const copied = await backgroundCheckpoint(library.sqlite);
    expect(copied).toMatchObject({ busy: 0 });
    expect(copied?.checkpointed).toBeGreaterThan(0);
    expect(library.sqlite.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
    // The file itself now holds the import: another program reading the file alone (no WAL) finds it.
    expect(statSync(library.path).size).toBeGreaterThan(emptyFile);
    await library.close();
    expect(existsSync(`${library.path}-wal`)).toBe(false);
    const reader = new Sqlite(library.path, { readonly: true });
    try {
      expect(reader.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(reader.prepare('SELECT count(*) FROM films').pluck().get()).toBe(601);
      expect(reader.prepare('SELECT title FROM films WHERE id = ?').pluck().get(saved.id)).toBe(
        'Saved meanwhile',
      );
      expect(reader.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      reader.close();
    }
  });

  it('of two bulk imports in a row are copied one after the other, and checkpoints come back on after both', async () => {
    const library = await tempLibrary();
    const previewOf = (prefix: string) =>
      previewImport(library, {
        text: libraryText(Array.from({ length: 2_000 }, (_, i) => ({ title: `${prefix} ${i}` }))),
        name: `${prefix}.json`,
      });
    const [firstPreview, secondPreview] = [await previewOf('First'), await previewOf('Second')];
    await commitImport(library, firstPreview, {}, { backup: false });
    const first = backgroundCheckpoint(library.sqlite);
    // Begun at once, before the first copy can have ended: into 2,000 films, 2,000 more are a bulk import too.
    await commitImport(library, secondPreview, {}, { backup: false });
    const second = backgroundCheckpoint(library.sqlite);
    expect(second).not.toBe(first);
    expect(library.sqlite.pragma('wal_autocheckpoint', { simple: true })).toBe(0);
    expect((await first)?.checkpointed).toBeGreaterThan(0);
    expect((await second)?.checkpointed).toBeGreaterThan(0);
    expect(library.sqlite.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
    expect(library.count()).toBe(4_000);
  });

  it('are held back while any bulk write or its copy is under way, and put back by the last to end', async () => {
    const library = await tempLibrary();
    const autoCheckpoint = () => library.sqlite.pragma('wal_autocheckpoint', { simple: true });
    await importCallingAtLastFilm(library, films(600, 'Copied'), () => {});
    const copy = backgroundCheckpoint(library.sqlite);
    // Another bulk write begins while the copy runs; the copy ends before the write does.
    holdCheckpoints(library.sqlite);
    expect((await copy)?.checkpointed).toBeGreaterThan(0);
    expect(autoCheckpoint()).toBe(0);
    // The write fails: nothing else holds them.
    releaseCheckpoints(library.sqlite);
    expect(autoCheckpoint()).toBe(1000);
    releaseCheckpoints(library.sqlite);
    expect(autoCheckpoint()).toBe(1000);
  });

  it('are copied by SQLite as before when the import was small, and after a failed import nothing waits', async () => {
    const library = await tempLibrary();
    await importCallingAtLastFilm(library, films(10, 'Small'), () => {});
    expect(library.sqlite.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
    expect(await backgroundCheckpoint(library.sqlite)).toBeNull();
    const failing = importCallingAtLastFilm(library, films(600, 'Failing'), () => {
      throw new Error('disk full');
    });
    await expect(failing).rejects.toThrow('disk full');
    expect(library.sqlite.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
    expect(await backgroundCheckpoint(library.sqlite)).toBeNull();
    expect(library.count()).toBe(10);
  });
});
