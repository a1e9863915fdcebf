import { describe, expect, it } from 'vitest';
import { openLibrary } from '../../src/main/library';
import { trashFilms } from '../../src/main/library/trash';
import type { FilmInput } from '../../src/shared/film-schema';
import { sampleFilm, tempLibrary } from '../support/temp-library';

const film = (title: string, extra: Partial<FilmInput> = {}): FilmInput => ({ title, ...extra });

describe('the trash', () => {
  it('hides a trashed film from the list, search, facets and count, and restore brings it back', async () => {
    const library = await tempLibrary();
    const work = library.create(sampleFilm());
    library.create(film('Alien', { genres: ['Horror'] }));
    const [trashed] = library.trash([work.id]);
    expect(trashed).toMatchObject({ id: work.id, title: 'The Work', year: 2017 });
    expect(library.count()).toBe(1);
    expect(library.list({}).films.map((f) => f.title)).toEqual(['Alien']);
    // The search index still holds the trashed film's row: the list must not show it.
    expect(library.list({ search: 'Folsom' }).total).toBe(0);
    expect(library.facets().genres.map((g) => g.value)).toEqual(['Horror']);
    expect(library.get(work.id)?.title).toBe('The Work');

    expect(library.restore([work.id])).toBe(1);
    expect(library.restore([work.id])).toBe(0);
    expect(library.list({ search: 'Folsom' }).films.map((f) => f.title)).toEqual(['The Work']);
    expect(library.trashList().total).toBe(0);
  });

  it('lists the trash newest first and keeps the first date when a film is trashed twice', async () => {
    const library = await tempLibrary();
    const a = library.create(film('A'));
    const b = library.create(film('B'));
    trashFilms(library.sqlite, [a.id], '2025-01-01T00:00:00.000Z');
    trashFilms(library.sqlite, [b.id], '2025-02-01T00:00:00.000Z');
    trashFilms(library.sqlite, [a.id], '2025-03-01T00:00:00.000Z');
    const page = library.trashList({ limit: 1 });
    expect(page.total).toBe(2);
    expect(page.films).toEqual([{ id: b.id, title: 'B', year: null, deletedAt: '2025-02-01T00:00:00.000Z' }]);
    expect(library.trashList({ offset: 1 }).films[0]).toMatchObject({
      id: a.id,
      deletedAt: '2025-01-01T00:00:00.000Z',
    });
  });

  it('moves nothing when one of the ids is unknown', async () => {
    const library = await tempLibrary();
    const a = library.create(film('A'));
    expect(() => library.trash([a.id, '00000000-0000-4000-8000-000000000000'])).toThrow(/No film with id/);
    expect(library.trashList().total).toBe(0);
  });

  it('empties only films in the trash, for good: the chosen ones, or all', async () => {
    const library = await tempLibrary();
    const [a, b, c] = ['A', 'B', 'C'].map((title) =>
      library.create(film(title, { cast: [{ person: title }] })),
    );
    library.trash([a!.id, b!.id]);
    expect(library.emptyTrash([a!.id, c!.id])).toBe(1);
    expect(library.get(a!.id)).toBeUndefined();
    expect(library.get(c!.id)?.title).toBe('C');
    expect(library.emptyTrash(null)).toBe(1);
    expect(library.get(b!.id)).toBeUndefined();
    expect(library.count()).toBe(1);
    const ftsRows = library.sqlite.prepare('SELECT count(*) FROM films_fts').pluck().get();
    expect(ftsRows).toBe(1);
  });

  it('survives closing and reopening the library', async () => {
    const library = await tempLibrary();
    const work = library.create(sampleFilm());
    library.trash([work.id]);
    await library.close();
    const reopened = await openLibrary(library.path);
    try {
      expect(reopened.trashList().films.map((f) => f.id)).toEqual([work.id]);
      expect(reopened.count()).toBe(0);
    } finally {
      await reopened.close();
    }
  });
});
