import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openLibrary, type Library } from '../../src/main/library';
import type { FilmInput } from '../../src/shared/film-schema';
import { seedLibrary } from './generate-films';
import { sampleFilm } from './temp-library';

/**
 * A small library whose every filter and sort answer is known by heart: each film differs from
 * the others in the ways browse tests need (title vs story matches, diacritics, loans, copies).
 */

export const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

export const AMELIE = id(1);
export const WORK = '5713b0b1-e68f-479c-8000-000000000001';
export const ALIEN = id(3);
export const ALIENS = id(4);
export const BRAZIL = id(5);
export const NAUSICAA = id(6);
export const TRASHED = id(7);
export const UNTITLED = id(8);

const added = (day: number) => `2024-01-${String(day).padStart(2, '0')}T10:00:00.000Z`;

export function browseFilms(): FilmInput[] {
  return [
    {
      id: AMELIE,
      title: 'Amélie',
      originalTitle: 'Le Fabuleux Destin d’Amélie Poulain',
      year: 2001,
      runtimeMinutes: 122,
      genres: ['Comedy', 'Romance'],
      directors: ['Jean-Pierre Jeunet'],
      cast: [{ person: 'Audrey Tautou', character: 'Amélie Poulain' }],
      ratings: [{ source: 'IMDb', value: 8.3, scale: 10 }],
      userRating: 9,
      watched: [{ date: '2020-02-02' }],
      copies: [{ medium: 'DVD', location: 'Shelf A' }],
      tags: ['Criterion'],
      addedAt: added(1),
    },
    { ...sampleFilm(), addedAt: added(2) },
    {
      id: ALIEN,
      title: 'Alien',
      year: 1979,
      runtimeMinutes: 117,
      genres: ['Horror', 'Science Fiction'],
      directors: ['Ridley Scott'],
      cast: [{ person: 'Sigourney Weaver', character: 'Ripley' }],
      quotes: [{ speaker: 'Ash', text: 'You still don’t understand what you’re dealing with, do you?' }],
      ratings: [
        { source: 'IMDb', value: 8.5, scale: 10 },
        { source: 'Rotten Tomatoes', value: 93, scale: 100 },
      ],
      userRating: 8.5,
      watched: [{ date: '2019-10-31' }, { date: '2023-10-31' }],
      copies: [{ medium: 'Blu-ray', location: 'Shelf B' }],
      loans: [{ copyIndex: 0, borrower: 'Sam', lentOn: '2019-12-01', dueOn: '2020-01-01' }],
      addedAt: added(3),
    },
    {
      id: ALIENS,
      title: 'Aliens',
      year: 1986,
      runtimeMinutes: 137,
      genres: ['Action', 'Science Fiction'],
      directors: ['James Cameron'],
      cast: [{ person: 'Sigourney Weaver', character: 'Ripley' }],
      ratings: [{ source: 'Rotten Tomatoes', value: 97, scale: 100 }],
      userRating: 7,
      copies: [{ medium: '4K UHD', location: 'Shelf B' }],
      loans: [{ copyIndex: 0, borrower: 'Priya', lentOn: '2025-01-01', dueOn: '2099-01-01' }],
      addedAt: added(4),
    },
    {
      id: BRAZIL,
      title: 'Brazil',
      year: 1985,
      runtimeMinutes: 132,
      genres: ['Science Fiction', 'Comedy'],
      directors: ['Terry Gilliam'],
      synopsis: [
        { heading: null, body: 'A clerk dreams of flight while an alien bureaucracy swallows him whole.' },
      ],
      copies: [{ medium: 'DVD', location: 'Attic' }, { medium: 'Blu-ray' }],
      tags: ['Criterion', 'Cult'],
      notes: 'The long cut.',
      addedAt: added(5),
    },
    {
      id: NAUSICAA,
      // Written with a combining diaeresis (NFD), as some imports deliver it.
      title: 'Nausicaa\u0308 of the Valley of the Wind',
      year: 1984,
      runtimeMinutes: 117,
      genres: ['Animation'],
      directors: ['Hayao Miyazaki'],
      addedAt: added(6),
    },
    {
      id: TRASHED,
      title: 'Alien Trash',
      year: 1990,
      genres: ['Horror'],
      copies: [{ medium: 'VHS' }],
      addedAt: added(7),
    },
    { id: UNTITLED, title: 'Untitled Home Movie', addedAt: added(8) },
  ];
}

export type SeededLibrary = { library: Library; path: string; close: () => Promise<void> };

/** Writes films into a fresh library file and opens it; `close` removes the folder too. */
export async function seededLibrary(films: readonly FilmInput[]): Promise<SeededLibrary> {
  const folder = mkdtempSync(join(tmpdir(), 'filmfolio-browse-'));
  const path = join(folder, 'library.filmfolio.sqlite');
  await seedLibrary(path, films, { validate: true });
  const library = await openLibrary(path);
  return {
    library,
    path,
    close: async () => {
      await library.close();
      rmSync(folder, { recursive: true, force: true });
    },
  };
}
