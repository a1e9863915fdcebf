import { describe, expect, it } from 'vitest';
import { StaleFilmError } from '../../src/main/library/films';
import type { FilmInput } from '../../src/shared/film-schema';
import { sampleFilm, tempLibrary } from '../support/temp-library';

const film = (title: string, extra: Partial<FilmInput> = {}): FilmInput => ({ title, ...extra });

describe('films repository', () => {
  it('creates, counts, gets, updates and deletes films', async () => {
    const library = await tempLibrary();
    const created = library.create(film('Alien', { year: 1979 }));
    expect(library.count()).toBe(1);
    expect(library.get(created.id)?.title).toBe('Alien');
    const updated = library.update({ ...created, title: 'Aliens', year: 1986 }, created.updatedAt);
    expect(library.get(created.id)).toMatchObject({ title: 'Aliens', year: 1986, addedAt: created.addedAt });
    expect(updated.updatedAt > created.updatedAt).toBe(true);
    expect(library.delete(created.id)).toBe(true);
    expect(library.delete(created.id)).toBe(false);
    expect(library.count()).toBe(0);
    expect(library.get(created.id)).toBeUndefined();
  });

  it('refuses a save over a film that changed since it was read (optimistic check), writing nothing', async () => {
    const library = await tempLibrary();
    const original = library.create(sampleFilm());
    const elsewhere = library.update({ ...original, notes: 'Changed in another window' }, original.updatedAt);
    let error: unknown;
    try {
      library.update({ ...original, notes: 'My stale edit' }, original.updatedAt);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(StaleFilmError);
    expect((error as StaleFilmError).current.notes).toBe('Changed in another window');
    expect(library.get(original.id)?.notes).toBe('Changed in another window');
    expect(library.update({ ...original, notes: 'Overwrite' }, elsewhere.updatedAt).notes).toBe('Overwrite');
  });

  it('rejects an invalid film with located problems and writes nothing', async () => {
    const library = await tempLibrary();
    expect(() => library.create({ title: '  ', year: 1700 } as FilmInput)).toThrow(
      /title[\s\S]*year|year[\s\S]*title/,
    );
    expect(library.count()).toBe(0);
  });

  it('derives the sort title and drops duplicate genres case-insensitively', async () => {
    const library = await tempLibrary();
    const stored = library.create(film('The Work', { genres: ['Documentary', 'documentary', 'Biography'] }));
    expect(stored.sortTitle).toBe('Work, The');
    expect(stored.genres).toEqual(['Documentary', 'Biography']);
  });
});

describe('list, sort, search and paging', () => {
  async function libraryOfFive() {
    const library = await tempLibrary();
    library.create(
      film('The Work', {
        year: 2017,
        runtimeMinutes: 89,
        userRating: 9,
        synopsis: [{ heading: null, body: 'Folsom prison therapy' }],
      }),
    );
    library.create(film('Alien', { year: 1979, runtimeMinutes: 117, userRating: 8 }));
    library.create(
      film('Amélie', {
        year: 2001,
        runtimeMinutes: 122,
        cast: [{ person: 'Audrey Tautou', character: 'Amélie Poulain', description: null }],
      }),
    );
    library.create(
      film('Brazil', {
        year: 1985,
        runtimeMinutes: 132,
        quotes: [{ speaker: 'Sam', text: 'Folsom is far away', context: null }],
      }),
    );
    library.create(film('Casablanca', { year: 1942, runtimeMinutes: 102, userRating: 10 }));
    return library;
  }
  const titles = (page: { films: { title: string }[] }) => page.films.map((f) => f.title);

  it('sorts by title (ignoring a leading article), year, runtime, rating and date added, both ways', async () => {
    const library = await libraryOfFive();
    expect(titles(library.list({ sort: 'title' }))).toEqual([
      'Alien',
      'Amélie',
      'Brazil',
      'Casablanca',
      'The Work',
    ]);
    expect(titles(library.list({ sort: 'year' }))).toEqual([
      'Casablanca',
      'Alien',
      'Brazil',
      'Amélie',
      'The Work',
    ]);
    expect(titles(library.list({ sort: 'runtime', descending: true }))).toEqual([
      'Brazil',
      'Amélie',
      'Alien',
      'Casablanca',
      'The Work',
    ]);
    expect(titles(library.list({ sort: 'rating', descending: true })).slice(0, 3)).toEqual([
      'Casablanca',
      'The Work',
      'Alien',
    ]);
    expect(titles(library.list({ sort: 'added' }))).toEqual([
      'The Work',
      'Alien',
      'Amélie',
      'Brazil',
      'Casablanca',
    ]);
  });

  it('pages through the result with offset and limit, with the total', async () => {
    const library = await libraryOfFive();
    const first = library.list({ sort: 'title', limit: 2 });
    const second = library.list({ sort: 'title', limit: 2, offset: 2 });
    const last = library.list({ sort: 'title', limit: 2, offset: 4 });
    expect([first.total, titles(first)]).toEqual([5, ['Alien', 'Amélie']]);
    expect(titles(second)).toEqual(['Brazil', 'Casablanca']);
    expect(titles(last)).toEqual(['The Work']);
  });

  it('searches titles, people, characters, quotes and the story, by prefix and without diacritics', async () => {
    const library = await libraryOfFive();
    expect(titles(library.list({ search: 'amelie' }))).toEqual(['Amélie']);
    expect(titles(library.list({ search: 'taut' }))).toEqual(['Amélie']);
    expect(titles(library.list({ search: 'poulain' }))).toEqual(['Amélie']);
    expect(titles(library.list({ search: 'folsom', sort: 'title' }))).toEqual(['Brazil', 'The Work']);
    const quote = library.list({ search: 'far away' }).films[0];
    expect(quote?.match?.field).toBe('quotes');
    expect(library.list({ search: '"unbalanced (quotes' }).total).toBe(0);
  });
});
