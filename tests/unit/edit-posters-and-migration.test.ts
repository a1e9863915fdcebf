import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrateTo, migrateToLatest, openDatabase } from '../../src/main/library/database';
import { posterProblem, posterThumbnail } from '../../src/main/library/posters';
import { tempFolder, tempLibrary } from '../support/temp-library';

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);
const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 4, 5, 6]);
const dataUrl = (type: string, bytes: Buffer) => `data:${type};base64,${bytes.toString('base64')}`;

describe('poster checks', () => {
  it('accepts an image whose bytes match its type, and says what is wrong otherwise', () => {
    expect(posterProblem(dataUrl('image/png', PNG))).toBeNull();
    expect(posterProblem(dataUrl('image/jpeg', JPEG))).toBeNull();
    expect(posterProblem(dataUrl('image/png', JPEG))).toBe(
      'the poster says it is image/png but its bytes are not; choose the image file again',
    );
    expect(posterProblem(dataUrl('image/bmp', PNG))).toMatch(
      /image\/bmp poster cannot be kept; use a PNG, JPEG/,
    );
    expect(posterProblem(dataUrl('image/png', Buffer.concat([PNG, Buffer.alloc(2048)])), 1024)).toMatch(
      'the poster is 2.0 KB, more than 1.0 KB; choose a smaller image',
    );
  });

  it('the library refuses to save a poster that is not what it claims', async () => {
    const library = await tempLibrary();
    expect(() => library.create({ title: 'Alien', poster: dataUrl('image/webp', PNG) })).toThrow(
      'Poster of “Alien”: the poster says it is image/webp but its bytes are not; choose the image file again.',
    );
    expect(library.count()).toBe(0);
  });

  it('keeps a grid thumbnail only while the poster it was made from is the film poster', async () => {
    const library = await tempLibrary();
    const film = library.create({ title: 'Alien', poster: dataUrl('image/png', PNG) });
    const thumbnail = dataUrl('image/jpeg', JPEG);
    library.savePosterThumbnail(film.id, thumbnail);
    expect(posterThumbnail(library.sqlite, film.id)).toBe(thumbnail);
    // An unrelated save rewrites the poster row with the same bytes: the thumbnail still holds.
    const saved = library.update({ ...film, notes: 'x' }, film.updatedAt);
    expect(posterThumbnail(library.sqlite, film.id)).toBe(thumbnail);
    library.update({ ...saved, poster: dataUrl('image/jpeg', JPEG) }, saved.updatedAt);
    expect(posterThumbnail(library.sqlite, film.id)).toBeNull();
  });

  it('refuses a thumbnail for a film without a poster', async () => {
    const library = await tempLibrary();
    const film = library.create({ title: 'Alien' });
    expect(() => library.savePosterThumbnail(film.id, dataUrl('image/jpeg', JPEG))).toThrow(/no poster/);
  });
});

describe('migration 0003-edit-indexes', () => {
  it('adds the suggestion and trash indexes and the thumbnail table over existing films, and can be undone', async () => {
    const database = await openDatabase(join(tempFolder(), 'lib.sqlite'), { migrate: false });
    const names = (type: string) =>
      database.sqlite.prepare('SELECT name FROM sqlite_master WHERE type = ?').pluck().all(type) as string[];
    try {
      await migrateTo(database, '0001-initial');
      database.sqlite
        .prepare(
          "INSERT INTO films (id, title, sort_title, added_at, updated_at, deleted_at) VALUES ('x', 'A', 'A', 'now', 'now', 'then')",
        )
        .run();
      database.sqlite.prepare("INSERT INTO film_terms VALUES (1, 'genre', 0, 'Drama')").run();
      await migrateToLatest(database);
      expect(names('index')).toEqual(
        expect.arrayContaining([
          'films_in_trash',
          'film_terms_by_folded_value',
          'people_by_folded_name',
          'film_loans_by_borrower',
        ]),
      );
      expect(names('table')).toContain('film_poster_thumbnails');
      expect(database.sqlite.prepare('SELECT value FROM film_terms').pluck().all()).toEqual(['Drama']);
      await migrateTo(database, '0001-initial');
      expect(names('table')).not.toContain('film_poster_thumbnails');
      expect(names('index')).not.toContain('films_in_trash');
    } finally {
      await database.close();
    }
  });
});
