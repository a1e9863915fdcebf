import { describe, expect, it } from 'vitest';
import { completeFilm } from '../../src/shared/film';
import { filmInputSchema, type Film } from '../../src/shared/film-schema';
import { sampleFilm, sampleFilmJson, tempLibrary } from '../support/temp-library';

/** A film with every optional field filled, so no column goes untested. */
function everythingFilm(): Film {
  return completeFilm(
    filmInputSchema.parse({
      ...sampleFilm(),
      id: '0e5c3a52-1f7e-4a4f-9b7c-3c8d2e1f0a11',
      title: 'Every Field',
      originalTitle: 'Chaque Champ',
      trailer: { label: 'Official trailer', url: 'https://example.org/trailer' },
      externalIds: { imdb: 'tt6214968', tmdb: '441012' },
      spoilers: [
        { heading: 'The end', body: 'They all go home.' },
        { heading: null, body: 'Or do they?' },
      ],
      boxOffice: {
        budget: { amount: 1_500_000, currency: 'USD' },
        domestic: { amount: 5853, currency: 'USD' },
        worldwide: { amount: 9_007_199_254_740_991, currency: 'EUR' },
      },
      criticReviews: [{ outlet: 'Example', text: 'Fine.', url: 'https://example.org/r', score: '4/5' }],
      whereToWatch: {
        note: null,
        providers: [{ name: 'Kanopy', kind: 'stream', url: 'https://kanopy.com' }],
      },
      similar: [{ title: 'Other', year: 1999, reason: null, filmId: '5713b0b1-e68f-479c-8000-000000000001' }],
      products: [{ name: 'Poster', description: null, url: 'http://shop.example.org/p' }],
      bonus: [{ title: 'Clip', description: 'A clip', url: 'https://example.org/clip' }],
      userRating: 8.5,
      watched: [
        { date: '2024-01-02', note: 'With Sam' },
        { date: null, note: null },
      ],
      copies: [
        {
          medium: 'Blu-ray',
          edition: 'Criterion',
          region: 'B',
          location: 'Shelf 3',
          barcode: '5050582721478',
          acquired: '2023-05-01',
          price: { amount: 25, currency: 'GBP' },
        },
        { medium: 'Laserdisc' },
      ],
      loans: [
        {
          copyIndex: 0,
          borrower: 'Sam',
          lentOn: '2024-02-01',
          dueOn: '2024-03-01',
          returnedOn: '2024-02-20',
        },
        { copyIndex: 1, borrower: 'Alex', lentOn: '2024-04-01' },
      ],
      tags: ['Prison films', 'Criterion'],
      notes: 'Bought at the festival.',
      poster: 'data:image/png;base64,iVBORw0KGgo=',
      addedAt: '2024-01-01T10:00:00.000Z',
      updatedAt: '2024-01-02T10:00:00.000Z',
    }),
  );
}

describe('every FILM_MODEL field round-trips through the library unchanged', () => {
  it('saves the sample film (The Work) and reads it back deep-equal, field for field', async () => {
    const library = await tempLibrary();
    const expected = sampleFilmJson();
    const stored = library.create(sampleFilm());
    const read = library.get(stored.id) as unknown as Record<string, unknown>;
    for (const key of Object.keys(expected)) {
      if (key === 'addedAt' || key === 'updatedAt') continue;
      expect(read[key], key).toEqual(expected[key]);
    }
    expect(Object.keys(read)).toEqual(Object.keys(expected));
  });

  it('saves a film with every optional field filled and reads it back deep-equal', async () => {
    const library = await tempLibrary();
    const film = everythingFilm();
    const stored = library.create(film);
    const read = library.get(film.id)!;
    expect({ ...read, addedAt: film.addedAt, updatedAt: film.updatedAt }).toEqual(film);
    expect(read.addedAt).toBe(stored.addedAt);
  });

  it('keeps people shared: a director who is also crew is one person', async () => {
    const library = await tempLibrary();
    library.create(sampleFilm());
    const people = library.sqlite
      .prepare("SELECT count(*) FROM people WHERE name = 'Jairus McLeary'")
      .pluck()
      .get();
    expect(people).toBe(1);
  });
});
