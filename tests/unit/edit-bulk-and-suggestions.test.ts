import { describe, expect, it } from 'vitest';
import type { FilmInput } from '../../src/shared/film-schema';
import { suggest } from '../../src/main/library/suggestions';
import { tempLibrary } from '../support/temp-library';

const film = (title: string, extra: Partial<FilmInput> = {}): FilmInput => ({ title, ...extra });

describe('bulk edit of a selection', () => {
  it('adds and removes tags and genres ignoring case, keeping order, on every chosen film only', async () => {
    const library = await tempLibrary();
    const a = library.create(film('A', { genres: ['Drama', 'Crime'], tags: ['Criterion'] }));
    const b = library.create(film('B', { genres: ['drama'] }));
    const c = library.create(film('C', { tags: ['Keep'] }));
    const result = library.bulkEdit({
      filmIds: [a.id, b.id],
      addTags: ['Prison films', 'criterion'],
      removeGenres: ['DRAMA'],
      addGenres: ['Documentary'],
    });
    expect(result).toEqual({ changed: 2, unchanged: 0, notApplied: [] });
    expect(library.get(a.id)).toMatchObject({
      genres: ['Crime', 'Documentary'],
      tags: ['Criterion', 'Prison films'],
    });
    expect(library.get(b.id)).toMatchObject({ genres: ['Documentary'], tags: ['Prison films', 'criterion'] });
    expect(library.get(c.id)).toMatchObject({ genres: [], tags: ['Keep'] });
    expect(library.get(a.id)!.updatedAt > a.updatedAt).toBe(true);
    expect(library.get(c.id)!.updatedAt).toBe(c.updatedAt);
  });

  it('sets medium and location on every copy, adds a copy where there is none, and says what it could not do', async () => {
    const library = await tempLibrary();
    const twoCopies = library.create(
      film('Two', { copies: [{ medium: 'DVD' }, { medium: 'VHS', location: 'Attic' }] }),
    );
    const none = library.create(film('None'));
    const onlyLocation = library.bulkEdit({ filmIds: [twoCopies.id, none.id], location: 'Shelf B' });
    expect(onlyLocation.notApplied).toEqual([
      {
        id: none.id,
        title: 'None',
        reason: 'it has no copy to give a location to (set a medium too to add one)',
      },
    ]);
    expect(library.get(twoCopies.id)!.copies.map((c) => [c.medium, c.location])).toEqual([
      ['DVD', 'Shelf B'],
      ['VHS', 'Shelf B'],
    ]);
    library.bulkEdit({ filmIds: [none.id], medium: 'Blu-ray', location: 'Shelf C' });
    expect(library.get(none.id)!.copies).toEqual([
      {
        medium: 'Blu-ray',
        edition: null,
        region: null,
        location: 'Shelf C',
        barcode: null,
        acquired: null,
        price: null,
      },
    ]);
  });

  it('marks seen with one undated viewing, leaves a diary alone, and unseen clears it', async () => {
    const library = await tempLibrary();
    const seen = library.create(film('Seen', { watched: [{ date: '2024-01-01', note: 'cinema' }] }));
    const unseen = library.create(film('Unseen'));
    expect(library.bulkEdit({ filmIds: [seen.id, unseen.id], seen: true })).toMatchObject({
      changed: 1,
      unchanged: 1,
    });
    expect(library.get(seen.id)!.watched).toEqual([{ date: '2024-01-01', note: 'cinema' }]);
    expect(library.get(unseen.id)!.watched).toEqual([{ date: null, note: null }]);
    expect(library.list({ filter: { seen: true } }).total).toBe(2);
    library.bulkEdit({ filmIds: [seen.id, unseen.id], seen: false });
    expect(library.list({ filter: { seen: false } }).total).toBe(2);
  });

  it('skips films in the trash or gone, and writes all or nothing', async () => {
    const library = await tempLibrary();
    const kept = library.create(film('Kept'));
    const trashed = library.create(film('Trashed'));
    library.trash([trashed.id]);
    const gone = '00000000-0000-4000-8000-000000000000';
    const result = library.bulkEdit({ filmIds: [kept.id, trashed.id, gone], addTags: ['X'] });
    expect(result.changed).toBe(1);
    expect(result.notApplied).toEqual([
      { id: trashed.id, title: 'Trashed', reason: 'it is in the trash' },
      { id: gone, title: gone, reason: 'it is no longer in the library' },
    ]);
    expect(library.get(trashed.id)!.tags).toEqual([]);
    expect(() => library.bulkEdit({ filmIds: [kept.id], addTags: ['  '] })).toThrow(/must not be empty/);
  });
});

describe('suggestions for token inputs', () => {
  async function libraryWithTerms() {
    const library = await tempLibrary();
    library.create(
      film('A', { genres: ['Documentary', 'Drama'], tags: ['Criterion'], directors: ['Jairus McLeary'] }),
    );
    library.create(
      film('B', {
        genres: ['Drama'],
        cast: [{ person: 'james McLeary' }],
        copies: [{ medium: 'DVD', location: 'Shelf A' }],
      }),
    );
    library.create(film('C', { genres: ['drama', 'Biography'], copies: [{ medium: 'Digital' }], loans: [] }));
    return library;
  }

  it('finds genres by prefix ignoring case, most used first', async () => {
    const library = await libraryWithTerms();
    expect(library.suggest({ kind: 'genre', prefix: 'd' })).toEqual(['Drama', 'Documentary', 'drama']);
    expect(library.suggest({ kind: 'genre', prefix: 'DOC' })).toEqual(['Documentary']);
    expect(library.suggest({ kind: 'genre', prefix: '', limit: 1 })).toEqual(['Drama']);
    expect(library.suggest({ kind: 'genre', prefix: 'z' })).toEqual([]);
    expect(library.suggest({ kind: 'tag', prefix: 'cri' })).toEqual(['Criterion']);
  });

  it('finds people, media and locations, and borrowers once something was lent', async () => {
    const library = await libraryWithTerms();
    expect(library.suggest({ kind: 'person', prefix: 'j' })).toEqual(['Jairus McLeary', 'james McLeary']);
    expect(library.suggest({ kind: 'medium', prefix: 'd' })).toEqual(['Digital', 'DVD']);
    expect(library.suggest({ kind: 'location', prefix: 'sh' })).toEqual(['Shelf A']);
    const b = library.list({ search: 'B' }).films.find((f) => f.title === 'B')!;
    library.lend({ filmId: b.id, copyIndex: 0, borrower: 'Ana Lima', lentOn: '2025-01-01' }, null);
    expect(library.suggest({ kind: 'borrower', prefix: 'an' })).toEqual(['Ana Lima']);
  });

  it('no longer suggests a person no film credits', async () => {
    const library = await libraryWithTerms();
    const b = library.list({ search: 'B' }).films.find((f) => f.title === 'B')!;
    const stored = library.get(b.id)!;
    library.update({ ...stored, cast: [] }, stored.updatedAt);
    expect(library.suggest({ kind: 'person', prefix: 'james' })).toEqual([]);
  });

  it('reads a prefix range of the NOCASE indexes, not the whole table', async () => {
    const library = await libraryWithTerms();
    const plan = (sql: string, params: unknown[]) =>
      (library.sqlite.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(params) as { detail: string }[])
        .map((row) => row.detail)
        .join('\n');
    const spy = library.sqlite.prepare.bind(library.sqlite);
    const seen: string[] = [];
    library.sqlite.prepare = ((sql: string) => {
      seen.push(sql);
      return spy(sql);
    }) as typeof library.sqlite.prepare;
    suggest(library.sqlite, { kind: 'genre', prefix: 'dr' });
    suggest(library.sqlite, { kind: 'person', prefix: 'ja' });
    suggest(library.sqlite, { kind: 'borrower', prefix: 'an' });
    library.sqlite.prepare = spy;
    const [genreSql, personSql, borrowerSql] = seen;
    expect(plan(genreSql!, ['dr', 'ds', 10])).toMatch(
      /USING (COVERING )?INDEX film_terms_by_folded_value \(kind=\? AND value>\? AND value<\?\)/,
    );
    expect(plan(personSql!, ['ja', 'jb', 10])).toMatch(
      /USING (COVERING )?INDEX people_by_folded_name \(name>\? AND name<\?\)/,
    );
    expect(plan(borrowerSql!, ['an', 'ao', 10])).toMatch(
      /INDEX film_loans_by_borrower \(borrower>\? AND borrower<\?\)/,
    );
  });
});
