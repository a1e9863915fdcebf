import { describe, expect, it } from 'vitest';
import { createHandlers } from '../../src/main/handlers';
import { dispatch } from '../../src/main/dispatch';
import type { Film } from '../../src/shared/film-schema';
import { samplePath, sampleFilm, tempLibrary } from '../support/temp-library';

/**
 * The editor saves a whole film; these check that every repeated group survives an add, a remove
 * and a reorder in one save, in the order given, with the film's id, addedAt and everything else kept.
 */

type Group = {
  name: string;
  read: (film: Film) => readonly unknown[];
  write: (film: Film, items: unknown[]) => Film;
  extra: unknown;
};

const group = <K extends keyof Film>(name: K, extra: unknown): Group => ({
  name,
  read: (film) => film[name] as readonly unknown[],
  write: (film, items) => ({ ...film, [name]: items }),
  extra,
});

const nested = <K extends 'whereToWatch' | 'soundtrack' | 'personalReview'>(
  name: K,
  list: string,
  extra: unknown,
): Group => ({
  name: `${name}.${list}`,
  read: (film) => ((film[name] as Record<string, unknown> | null)?.[list] ?? []) as unknown[],
  write: (film, items) => ({ ...film, [name]: { ...(film[name] as object), [list]: items } }),
  extra,
});

const GROUPS: Group[] = [
  group('genres', 'Drama'),
  group('directors', 'Another Director'),
  group('ratings', { source: 'Metacritic', value: 80, scale: 100, votes: null }),
  group('synopsis', { heading: 'Afterwards', body: 'What came next.' }),
  group('spoilers', { heading: null, body: 'The ending.' }),
  group('cast', { person: 'Manny', character: null, description: 'Not in the cast list' }),
  group('crew', { person: 'Blanket Fort Media', job: 'Music' }),
  group('quotes', { speaker: null, text: 'A new quote.', context: null }),
  group('criticReviews', {
    outlet: 'Sight and Sound',
    text: 'Fine.',
    url: 'https://example.org/r',
    score: '4/5',
  }),
  group('audienceReactions', { headline: 'Loved it', detail: null }),
  group('awards', { event: 'Cinema Eye Honors', category: null, year: 2018, result: 'nominated' }),
  group('trivia', 'A new piece of trivia.'),
  nested('whereToWatch', 'providers', { name: 'Kanopy', kind: 'stream', url: null }),
  group('similar', { title: 'Titicut Follies', year: 1967, reason: null, filmId: null }),
  group('products', { name: 'Poster', description: null, url: null }),
  nested('soundtrack', 'tracks', { title: 'Closing theme', performer: null }),
  group('faq', { question: 'Where was it shot?', answer: 'Folsom.' }),
  group('bonus', { title: 'Interview', description: null, url: null }),
  nested('personalReview', 'audience', 'Teachers'),
  nested('personalReview', 'contentWarnings', 'Shouting'),
  group('watched', { date: '2024-05-01', note: 'Second time' }),
  group('copies', {
    medium: 'VHS',
    edition: null,
    region: null,
    location: 'Attic',
    barcode: null,
    acquired: null,
    price: { amount: 3, currency: 'EUR' },
  }),
  group('loans', { copyIndex: null, borrower: 'Cleo', lentOn: '2024-01-01', dueOn: null, returnedOn: null }),
  group('tags', 'Prison films'),
];

/** The Work, with two items in every group the sample leaves empty, so each has something to reorder. */
function fullFilm(): Parameters<Awaited<ReturnType<typeof tempLibrary>>['create']>[0] {
  const film = sampleFilm();
  return {
    ...film,
    spoilers: [
      { heading: 'One', body: 'First spoiler.' },
      { heading: null, body: 'Second spoiler.' },
    ],
    watched: [
      { date: '2023-01-02', note: null },
      { date: null, note: 'On a plane' },
    ],
    copies: [
      {
        medium: 'DVD',
        edition: null,
        region: '1',
        location: 'Shelf A',
        barcode: null,
        acquired: null,
        price: null,
      },
      {
        medium: 'Blu-ray',
        edition: 'Special',
        region: 'B',
        location: null,
        barcode: '123',
        acquired: '2020-02-02',
        price: null,
      },
    ],
    tags: ['Documentary night', 'Criterion'],
    awards: [
      ...(film.awards ?? []),
      { event: 'Independent Spirit Awards', category: 'Best Documentary', year: 2018, result: 'nominated' },
    ],
    loans: [
      { copyIndex: 0, borrower: 'Ana', lentOn: '2023-01-01', dueOn: null, returnedOn: '2023-02-01' },
      { copyIndex: 1, borrower: 'Ben', lentOn: '2023-03-01', dueOn: '2023-04-01', returnedOn: null },
    ],
  };
}

/** Reverses, drops the (new) first item, appends the extra one. */
function reshuffle(items: readonly unknown[], extra: unknown): unknown[] {
  return [...[...items].reverse().slice(1), extra];
}

describe('saving a film after adding, removing and reordering items of a repeated group', () => {
  for (const { name, read, write, extra } of GROUPS) {
    it(`${name}: keeps the new order and the new item, and nothing else changes`, async () => {
      const library = await tempLibrary();
      const stored = library.create(fullFilm());
      expect(read(stored).length).toBeGreaterThanOrEqual(2);
      const expected = reshuffle(read(stored), extra);
      const saved = library.update(write(stored, expected), stored.updatedAt);
      const reread = library.get(stored.id)!;
      expect(read(reread)).toEqual(expected);
      expect(reread).toEqual(saved);
      expect({ ...reread, updatedAt: '' }).toEqual({ ...write(stored, expected), updatedAt: '' });
      expect(reread.id).toBe(stored.id);
      expect(reread.addedAt).toBe(stored.addedAt);
    });
  }

  it('keeps one person record per name when cast and directors are reordered', async () => {
    const library = await tempLibrary();
    const stored = library.create(fullFilm());
    const people = () =>
      library.sqlite.prepare('SELECT name FROM people ORDER BY key').pluck().all() as string[];
    const before = people();
    library.update(
      { ...stored, cast: [...stored.cast].reverse(), directors: [...stored.directors].reverse() },
      stored.updatedAt,
    );
    expect(people()).toEqual(before);
    expect(new Set(before).size).toBe(before.length);
  });
});

describe('the optimistic check through the IPC dispatch', () => {
  it('answers STALE with the current film, writes nothing, and a save against the current version goes through', async () => {
    const library = await tempLibrary();
    const handlers = createHandlers({ library: () => library, samplePath });
    const opened = library.create(sampleFilm());
    const elsewhere = library.update({ ...opened, notes: 'From the CLI' }, opened.updatedAt);
    const mine = { ...opened, notes: 'From the editor' };
    const stale = await dispatch(handlers, 'films:update', [mine, opened.updatedAt]);
    expect(stale).toMatchObject({ ok: false, error: { code: 'STALE' } });
    if (stale.ok) return;
    expect((stale.error.details as { current: Film }).current).toEqual(elsewhere);
    expect(library.get(opened.id)?.notes).toBe('From the CLI');
    const overwrite = await dispatch(handlers, 'films:update', [mine, elsewhere.updatedAt]);
    expect(overwrite).toMatchObject({ ok: true, value: { notes: 'From the editor' } });
  });
});
