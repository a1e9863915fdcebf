import { describe, expect, it } from 'vitest';
import type { Library } from '../../src/main/library';
import { commitImport, previewImport, summarizePreview } from '../../src/main/library/transfer';
import type { FilmInput } from '../../src/shared/film-schema';
import type { ImportDecisions } from '../../src/shared/transfer';
import { libraryText } from '../support/library-files';
import { tempLibrary } from '../support/temp-library';

const STORED_ID = '11111111-1111-4111-8111-111111111111';
const OTHER_ID = '22222222-2222-4222-8222-222222222222';

async function libraryWith(...films: FilmInput[]): Promise<Library> {
  const library = await tempLibrary();
  for (const film of films) library.create(film);
  return library;
}

const previewOf = (library: Library, films: readonly unknown[]) =>
  previewImport(library, { text: libraryText(films), name: 'incoming.json' });

async function rowsOf(library: Library, films: readonly unknown[], decisions: ImportDecisions = {}) {
  return summarizePreview(await previewOf(library, films), decisions).films;
}

async function importFilms(library: Library, films: readonly unknown[], decisions: ImportDecisions = {}) {
  return commitImport(library, await previewOf(library, films), decisions, { backup: false });
}

describe('finding duplicates', () => {
  it('matches by id first, then by external id, then by title and year', async () => {
    const library = await libraryWith(
      { id: STORED_ID, title: 'The Work', year: 2017 },
      { title: 'Stalker', year: 1979, externalIds: { imdb: 'tt0079944' } },
    );
    const rows = await rowsOf(library, [
      { id: STORED_ID, title: 'Renamed', year: 2017 },
      { title: 'Сталкер', year: 1979, externalIds: { imdb: 'tt0079944' } },
      { title: 'the work', year: 2017, notes: 'lower case title' },
    ]);
    expect(rows.map((row) => [row.status, row.match?.by, row.match?.detail, row.match?.title])).toEqual([
      ['duplicate', 'id', 'same id', 'The Work'],
      ['duplicate', 'external-id', 'same IMDb id tt0079944', 'Stalker'],
      ['duplicate', 'title-year', 'same title and year', 'The Work'],
    ]);
  });

  it('matches a film in the trash by id only, and says it is in the trash', async () => {
    const library = await libraryWith({ id: STORED_ID, title: 'Trashed', year: 2000 });
    library.trash([STORED_ID]);
    const rows = await rowsOf(library, [
      { id: STORED_ID, title: 'Trashed', year: 2000 },
      { title: 'Trashed', year: 2000 },
    ]);
    expect(rows.map((row) => [row.status, row.match?.detail ?? null])).toEqual([
      ['unchanged', 'same id (that film is in the trash)'],
      ['new', null],
    ]);
  });

  it('does not take a remake (same title, another year) for a duplicate', async () => {
    const library = await libraryWith({ title: 'Solaris', year: 1972 });
    const rows = await rowsOf(library, [{ title: 'Solaris', year: 2002 }]);
    expect(rows[0]).toMatchObject({ status: 'new', match: null, action: 'add' });
  });

  it('matches a film without a year only to a film without a year', async () => {
    const library = await libraryWith({ title: 'Home Movie' }, { title: 'Solaris', year: 1972 });
    const rows = await rowsOf(library, [{ title: 'home movie' }, { title: 'Solaris' }]);
    expect(rows.map((row) => [row.status, row.match?.detail ?? null])).toEqual([
      ['duplicate', 'same title, both without a year'],
      ['new', null],
    ]);
  });

  it('calls a duplicate that says nothing new "unchanged", ignoring id and timestamps', async () => {
    const library = await libraryWith({ id: STORED_ID, title: 'Stalker', year: 1979, genres: ['Drama'] });
    const rows = await rowsOf(library, [
      { id: OTHER_ID, title: 'Stalker', year: 1979, genres: ['Drama'], addedAt: '2001-01-01T00:00:00Z' },
    ]);
    expect(rows[0]).toMatchObject({ status: 'unchanged', action: 'skip' });
  });

  it('imports a film repeated within one import once (a page and its file), unless kept both', async () => {
    const library = await libraryWith();
    const films = [
      { title: 'Twice', year: 2001 },
      { title: 'TWICE', year: 2001 },
    ];
    const preview = await previewOf(library, films);
    const rows = summarizePreview(preview, { rule: 'replace' }).films;
    expect(rows[1]).toMatchObject({ status: 'duplicate', repeatOf: 0, action: 'skip' });
    expect(rows[1]?.match).toMatchObject({
      filmId: preview.films[0]?.filmId,
      detail: 'same title and year as films[0] of this import',
    });
    expect((await commitImport(library, preview, { rule: 'replace' })).counts).toMatchObject({
      new: 1,
      skipped: 1,
    });
    expect(library.count()).toBe(1);
    const again = [
      { title: 'Again', year: 2003 },
      { title: 'Again', year: 2003 },
    ];
    expect((await importFilms(library, again, { rule: 'keep-both' })).counts).toMatchObject({
      new: 1,
      keptBoth: 1,
    });
    expect(library.count()).toBe(3);
  });

  it('keeps two films of one file with their own, different ids, even with the same title and year', async () => {
    const library = await libraryWith();
    const films = [
      { id: STORED_ID, title: 'Twice', year: 2001 },
      { id: OTHER_ID, title: 'Twice', year: 2001 },
    ];
    expect((await importFilms(library, films)).counts).toMatchObject({ new: 2 });
  });

  it('rejects a second film with the same id in one import, saying where the first is', async () => {
    const library = await libraryWith();
    const rows = await rowsOf(library, [
      { id: STORED_ID, title: 'One' },
      { id: STORED_ID, title: 'Two' },
    ]);
    expect(rows[1]?.status).toBe('rejected');
    expect(rows[1]?.problems[0]?.path).toBe('films[1].id');
    expect(rows[1]?.problems[0]?.message).toContain('is the same id as films[0]; each film needs its own id');
  });
});

describe('what happens to duplicates', () => {
  const stored: FilmInput = {
    id: STORED_ID,
    title: 'Stalker',
    year: 1979,
    runtimeMinutes: null,
    genres: ['Drama'],
    tags: ['Criterion'],
    notes: 'My notes',
    copies: [{ medium: 'DVD' }],
    loans: [{ copyIndex: 0, borrower: 'Sam', lentOn: '2024-01-01' }],
    poster: 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUg==',
  };
  const incoming = {
    title: 'Stalker',
    year: 1979,
    runtimeMinutes: 162,
    genres: ['drama', 'Science Fiction'],
    tags: ['Tarkovsky'],
    notes: 'Their notes',
    copies: [{ medium: 'Blu-ray' }],
    loans: [{ copyIndex: 0, borrower: 'Alex', lentOn: '2024-02-01' }],
  };

  it('skip leaves the stored film alone', async () => {
    const library = await libraryWith(stored);
    const before = library.get(STORED_ID);
    expect((await importFilms(library, [incoming], { rule: 'skip' })).counts).toMatchObject({ skipped: 1 });
    expect(library.get(STORED_ID)).toEqual(before);
  });

  it('replace takes the incoming film whole, keeping the stored id, added date and poster', async () => {
    const library = await libraryWith(stored);
    const before = library.get(STORED_ID)!;
    const result = await importFilms(library, [incoming], { rule: 'replace' });
    expect(result).toMatchObject({ counts: { updated: 1 }, filmIds: [STORED_ID] });
    const after = library.get(STORED_ID)!;
    expect(after).toMatchObject({
      runtimeMinutes: 162,
      genres: ['drama', 'Science Fiction'],
      tags: ['Tarkovsky'],
      notes: 'Their notes',
      copies: [{ medium: 'Blu-ray' }],
      addedAt: before.addedAt,
      poster: before.poster,
    });
    expect(library.count()).toBe(1);
  });

  it('merge fills empty fields, appends what lists lack without repeats, and moves loans with their copies', async () => {
    const library = await libraryWith(stored);
    await importFilms(library, [incoming], { rule: 'merge' });
    const after = library.get(STORED_ID)!;
    expect(after).toMatchObject({
      runtimeMinutes: 162,
      genres: ['Drama', 'Science Fiction'],
      tags: ['Criterion', 'Tarkovsky'],
      notes: 'My notes',
    });
    expect(after.copies.map((copy) => copy.medium)).toEqual(['DVD', 'Blu-ray']);
    expect(after.loans.map((loan) => [loan.borrower, loan.copyIndex])).toEqual([
      ['Sam', 0],
      ['Alex', 1],
    ]);
  });

  it('keep-both adds the incoming film as another film with a new id', async () => {
    const library = await libraryWith(stored);
    const result = await importFilms(library, [incoming], { rule: 'keep-both' });
    expect(result.counts).toMatchObject({ keptBoth: 1 });
    expect(library.count()).toBe(2);
    expect(result.filmIds[0]).not.toBe(STORED_ID);
    expect(library.get(result.filmIds[0]!)?.notes).toBe('Their notes');
  });

  it('applies per-film overrides over the import-wide rule', async () => {
    const library = await libraryWith(stored, { title: 'Mirror', year: 1975 });
    const films = [incoming, { title: 'Mirror', year: 1975, notes: 'new notes' }];
    const rows = await rowsOf(library, films, { rule: 'skip', overrides: { '1': 'replace' } });
    expect(rows.map((row) => row.action)).toEqual(['skip', 'replace']);
    const result = await importFilms(library, films, { rule: 'skip', overrides: { '1': 'replace' } });
    expect(result.counts).toMatchObject({ skipped: 1, updated: 1 });
    expect(library.get(STORED_ID)?.notes).toBe('My notes');
  });

  it('refuses a merge that would break a rule of the film and writes nothing', async () => {
    const library = await libraryWith(stored);
    const conflicting = {
      ...incoming,
      copies: [{ medium: 'DVD' }],
      loans: [{ copyIndex: 0, borrower: 'Alex', lentOn: '2024-02-01' }],
    };
    await expect(importFilms(library, [{ title: 'Fresh' }, conflicting], { rule: 'merge' })).rejects.toThrow(
      /films\[1\] of incoming\.json cannot be merged into “Stalker”: loans\[1\]: copy 1 is already on loan/,
    );
    expect(library.count()).toBe(1);
  });
});
