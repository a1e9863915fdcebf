import { completeFilm } from '../../src/shared/film';
import { filmInputSchema, type FilmInput, type ParsedFilm } from '../../src/shared/film-schema';
import { openLibrary } from '../../src/main/library';
import { insertCompleteFilm } from '../../src/main/library/films';
import { BACKFILL_BROWSE_COLUMNS } from '../../src/main/library/migrations/0002-browse-columns';
import {
  BORROWERS,
  FIRST_NAMES,
  GENRES,
  JOBS,
  PLACES,
  SHELVES,
  STORY_WORDS,
  SURNAMES,
  TAGS,
  TITLE_ADJECTIVES,
  TITLE_NOUNS,
} from './film-words';

/**
 * A deterministic, seeded generator of realistic films, for the 100,000-film e2e tests and the
 * benchmarks. Same count, seed and profile → the same films, byte for byte, on every machine.
 *
 * - `light`: what browse shows and searches (titles, people, genres, ratings, the collector's own
 *   copies, loans, diary and tags, a short story): fast to write at 100k.
 * - `full`: every section of the seed page filled, with text of the seed page's length.
 *
 * A few well-known films ("landmarks") sit at fixed places so tests can search for them by name:
 * their titles use words no generated title uses.
 */

export type GenerateOptions = { seed?: number; profile?: 'light' | 'full' };

/** A small, fast PRNG (mulberry32): good enough spread for test data, and reproducible. */
function randomFrom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Random = {
  next: () => number;
  int: (min: number, max: number) => number;
  pick: <T>(items: readonly T[]) => T;
  chance: (probability: number) => boolean;
  some: <T>(items: readonly T[], min: number, max: number) => T[];
};

function random(seed: number): Random {
  const next = randomFrom(seed);
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)] as T;
  return {
    next,
    int,
    pick,
    chance: (probability) => next() < probability,
    some: (items, min, max) => {
      const wanted = int(min, max);
      const chosen = new Set<(typeof items)[number]>();
      for (let tries = 0; chosen.size < wanted && tries < wanted * 4; tries += 1) chosen.add(pick(items));
      return [...chosen];
    },
  };
}

/** Media weighted as a collection is (mostly DVD), with a Laserdisc now and then. */
const MEDIA = ['DVD', 'DVD', 'DVD', 'Blu-ray', 'Blu-ray', '4K UHD', 'VHS', 'Digital', 'Laserdisc'];

/** Real films placed at fixed indexes: their title words appear in no generated title. */
const LANDMARKS: { at: number; film: Partial<ParsedFilm> & { title: string } }[] = [
  {
    at: 7,
    film: {
      title: 'Amélie',
      originalTitle: 'Le Fabuleux Destin d’Amélie Poulain',
      year: 2001,
      runtimeMinutes: 122,
      genres: ['Comedy', 'Romance'],
      directors: ['Jean-Pierre Jeunet'],
    },
  },
  {
    at: 1_000,
    film: {
      title: 'The Work',
      year: 2017,
      runtimeMinutes: 89,
      genres: ['Documentary', 'Biography'],
      directors: ['Jairus McLeary', 'Gethin Aldous'],
    },
  },
  // A title written with combining characters (NFD), as some imports deliver them.
  {
    at: 2_000,
    film: {
      title: 'Nausicaa\u0308 of the Valley of the Wind',
      year: 1984,
      runtimeMinutes: 117,
      genres: ['Animation', 'Fantasy'],
      directors: ['Hayao Miyazaki'],
    },
  },
  {
    at: 31_337,
    film: {
      title: 'Fitzcarraldo',
      year: 1982,
      runtimeMinutes: 158,
      genres: ['Adventure', 'Drama'],
      directors: ['Werner Herzog'],
    },
  },
  {
    at: 77_777,
    film: {
      title: 'Chungking Express',
      originalTitle: '重慶森林',
      year: 1994,
      runtimeMinutes: 102,
      genres: ['Romance', 'Drama'],
      directors: ['Wong Kar-wai'],
    },
  },
];

/** The landmark films' titles, for tests that search for them. */
export const landmarkTitles = LANDMARKS.map((landmark) => landmark.film.title);

function uuid(rnd: Random): string {
  const hex = () =>
    Math.floor(rnd.next() * 0x100000000)
      .toString(16)
      .padStart(8, '0');
  const [a, b, c, d] = [hex(), hex(), hex(), hex()];
  const variant = '89ab'[rnd.int(0, 3)] as string;
  return `${a}-${b.slice(0, 4)}-4${b.slice(5)}-${variant}${c.slice(1, 4)}-${c.slice(4)}${d}`;
}

const pad = (n: number) => String(n).padStart(2, '0');
function date(rnd: Random, fromYear: number, toYear: number): string {
  return `${rnd.int(fromYear, toYear)}-${pad(rnd.int(1, 12))}-${pad(rnd.int(1, 28))}`;
}

function sentence(rnd: Random, words: number): string {
  const text = Array.from({ length: words }, () => rnd.pick(STORY_WORDS)).join(' ');
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
}

function paragraph(rnd: Random, sentences: number): string {
  return Array.from({ length: sentences }, () => sentence(rnd, rnd.int(8, 18))).join(' ');
}

function person(rnd: Random): string {
  return `${rnd.pick(FIRST_NAMES)} ${rnd.pick(SURNAMES)}`;
}

function title(rnd: Random): string {
  switch (rnd.int(0, 5)) {
    case 0:
      return `The ${rnd.pick(TITLE_ADJECTIVES)} ${rnd.pick(TITLE_NOUNS)}`;
    case 1:
      return `${rnd.pick(TITLE_NOUNS)} of ${rnd.pick(PLACES)}`;
    case 2:
      return `A ${rnd.pick(TITLE_NOUNS)} in ${rnd.pick(PLACES)}`;
    case 3:
      return `${rnd.pick(TITLE_ADJECTIVES)} ${rnd.pick(TITLE_NOUNS)}`;
    case 4:
      return `The ${rnd.pick(TITLE_NOUNS)}`;
    default:
      return `${rnd.pick(TITLE_ADJECTIVES)} ${rnd.pick(TITLE_NOUNS)} ${rnd.int(2, 4)}`;
  }
}

/** A parsed film with every field empty, as JSON: parsing it is much faster than the schema. */
const EMPTY_FILM = JSON.stringify(filmInputSchema.parse({ title: 'x' }));
const empty = (): ParsedFilm => JSON.parse(EMPTY_FILM) as ParsedFilm;

/** The collector's own: rating, diary, copies, loans, tags. */
function collectorFields(rnd: Random, film: ParsedFilm): void {
  film.userRating = rnd.chance(0.6) ? rnd.int(0, 20) / 2 : null;
  film.watched = rnd.chance(0.5)
    ? Array.from({ length: rnd.int(1, 3) }, () => ({ date: date(rnd, 2000, 2025), note: null }))
    : [];
  film.copies = Array.from({ length: rnd.chance(0.85) ? rnd.int(1, 2) : 0 }, () => ({
    medium: rnd.pick(MEDIA),
    edition: rnd.chance(0.2) ? 'Special Edition' : null,
    region: rnd.chance(0.5) ? rnd.pick(['A', 'B', '1', '2']) : null,
    location: rnd.chance(0.7) ? rnd.pick(SHELVES) : null,
    barcode: null,
    acquired: rnd.chance(0.5) ? date(rnd, 1995, 2025) : null,
    price: null,
  }));
  film.loans =
    film.copies.length > 0 && rnd.chance(0.04)
      ? [
          rnd.chance(0.35)
            ? // Due long ago: overdue whenever the tests run.
              {
                copyIndex: 0,
                borrower: rnd.pick(BORROWERS),
                lentOn: '2023-03-01',
                dueOn: '2023-04-01',
                returnedOn: null,
              }
            : // Due far ahead: on loan but never overdue.
              {
                copyIndex: 0,
                borrower: rnd.pick(BORROWERS),
                lentOn: '2025-01-10',
                dueOn: '2099-01-01',
                returnedOn: null,
              },
        ]
      : [];
  film.tags = rnd.chance(0.2) ? rnd.some(TAGS, 1, 2) : [];
  film.notes = rnd.chance(0.1) ? sentence(rnd, 10) : null;
}

function lightFilm(rnd: Random, index: number): ParsedFilm {
  const film = empty();
  film.id = uuid(rnd);
  film.title = title(rnd);
  film.year = rnd.chance(0.97) ? Math.min(2025, 1920 + Math.floor(Math.sqrt(rnd.next()) * 106)) : null;
  film.runtimeMinutes = rnd.chance(0.95) ? rnd.int(62, 200) : null;
  film.genres = rnd.some(GENRES, 1, 3);
  film.directors = rnd.chance(0.1) ? [person(rnd), person(rnd)] : [person(rnd)];
  film.ratings = [
    ...(rnd.chance(0.8)
      ? [{ source: 'IMDb', value: rnd.int(15, 95) / 10, scale: 10, votes: rnd.int(10, 900_000) }]
      : []),
    ...(rnd.chance(0.5)
      ? [{ source: 'Rotten Tomatoes', value: rnd.int(5, 100), scale: 100, votes: null }]
      : []),
  ];
  film.quip = sentence(rnd, 14);
  film.synopsis = [{ heading: null, body: paragraph(rnd, 2) }];
  film.cast = Array.from({ length: rnd.int(2, 4) }, () => ({
    person: person(rnd),
    character: `${rnd.pick(FIRST_NAMES)}`,
    description: null,
  }));
  collectorFields(rnd, film);
  film.addedAt = new Date(Date.UTC(2015, 0, 1) + index * 60_000).toISOString();
  film.updatedAt = film.addedAt;
  return film;
}

/** Every section of the seed page, with text of about its length. */
function fullSections(rnd: Random, film: ParsedFilm): void {
  film.trailer = { label: 'Trailer', url: null };
  film.synopsis = [
    { heading: sentence(rnd, 5).slice(0, -1), body: paragraph(rnd, 5) },
    { heading: sentence(rnd, 5).slice(0, -1), body: paragraph(rnd, 5) },
  ];
  film.cast = Array.from({ length: rnd.int(5, 9) }, () => ({
    person: person(rnd),
    character: `${rnd.pick(FIRST_NAMES)} ${rnd.pick(SURNAMES)}`,
    description: sentence(rnd, 14),
  }));
  film.crew = JOBS.slice(0, rnd.int(2, 5)).map((job) => ({ person: person(rnd), job }));
  film.quotes = Array.from({ length: rnd.int(2, 5) }, () => ({
    speaker: rnd.pick(FIRST_NAMES),
    text: sentence(rnd, 12),
    context: sentence(rnd, 8),
  }));
  film.boxOffice = {
    budget: rnd.chance(0.5) ? { amount: rnd.int(1, 200) * 100_000, currency: 'USD' } : null,
    domestic: rnd.chance(0.7) ? { amount: rnd.int(1_000, 300_000_000), currency: 'USD' } : null,
    worldwide: rnd.chance(0.7) ? { amount: rnd.int(1_000, 900_000_000), currency: 'USD' } : null,
  };
  film.personalReview = {
    text: paragraph(rnd, 3),
    audience: [sentence(rnd, 9), sentence(rnd, 9)],
    contentWarnings: rnd.chance(0.5) ? [sentence(rnd, 7)] : [],
  };
  film.criticReviews = [
    { outlet: 'FilmCritique Today', text: paragraph(rnd, 2), url: null, score: null },
    { outlet: 'The Daily Reel', text: paragraph(rnd, 2), url: null, score: null },
  ];
  film.audienceReactions = [{ headline: sentence(rnd, 10), detail: sentence(rnd, 14) }];
  film.consensus = sentence(rnd, 20);
  film.awards = rnd.chance(0.3)
    ? [{ event: 'Festival of Lights', category: 'Best Film', year: film.year, result: 'won' }]
    : [];
  film.trivia = Array.from({ length: rnd.int(2, 4) }, () => sentence(rnd, 20));
  film.whereToWatch = {
    note: sentence(rnd, 15),
    providers: [{ name: 'Prime Video', kind: 'rent', url: null }],
  };
  film.similar = Array.from({ length: 3 }, () => ({
    title: title(rnd),
    year: rnd.int(1930, 2024),
    reason: sentence(rnd, 12),
    filmId: null,
  }));
  film.products = [{ name: `${film.title} (DVD)`, description: sentence(rnd, 10), url: null }];
  film.soundtrack = {
    note: sentence(rnd, 10),
    tracks: Array.from({ length: 3 }, () => ({
      title: sentence(rnd, 4).slice(0, -1),
      performer: person(rnd),
    })),
  };
  film.faq = Array.from({ length: 3 }, () => ({ question: null, answer: paragraph(rnd, 2) }));
  film.bonus = rnd.chance(0.3)
    ? [{ title: sentence(rnd, 4).slice(0, -1), description: sentence(rnd, 12), url: null }]
    : [];
}

/** `count` films, the same for the same seed and profile. */
export function generateFilms(count: number, options: GenerateOptions = {}): ParsedFilm[] {
  const rnd = random(options.seed ?? 1);
  const films: ParsedFilm[] = [];
  const landmarks = new Map(LANDMARKS.map((landmark) => [landmark.at, landmark.film]));
  for (let index = 0; index < count; index += 1) {
    const film = lightFilm(rnd, index);
    if (options.profile === 'full') fullSections(rnd, film);
    const landmark = landmarks.get(index);
    films.push(landmark ? { ...film, ...landmark, sortTitle: null } : film);
  }
  return films;
}

export type SeedOptions = {
  /** Validate each film with the film schema first (slower; generated films are valid already). */
  validate?: boolean;
};

type SchemaObject = { type: string; name: string; sql: string };

/**
 * Writes films into the library at `path` (created when missing) with the library's own write
 * path (insertCompleteFilm), in one transaction. Loads the way bulk loads go fast: indexes and
 * triggers are set aside and rebuilt once at the end (with the copied browse columns the triggers
 * would have kept), and the journal stays in memory; the file comes out as the app writes it.
 * Generated films are already in the schema's parsed shape, so they skip validation by default.
 */
export async function seedLibrary(
  path: string,
  films: readonly FilmInput[],
  options: SeedOptions = {},
): Promise<number> {
  const library = await openLibrary(path);
  const { sqlite } = library;
  try {
    sqlite.pragma('journal_mode = MEMORY');
    sqlite.pragma('synchronous = OFF');
    sqlite.pragma('cache_size = -262144');
    const setAside = sqlite
      .prepare(
        "SELECT type, name, sql FROM sqlite_master WHERE type IN ('index', 'trigger') AND sql IS NOT NULL",
      )
      .all() as SchemaObject[];
    sqlite.transaction(() => {
      for (const object of setAside) sqlite.exec(`DROP ${object.type.toUpperCase()} "${object.name}"`);
      for (const input of films) {
        const parsed = options.validate ? filmInputSchema.parse(input) : (input as ParsedFilm);
        insertCompleteFilm(sqlite, completeFilm(parsed));
      }
      sqlite.exec(BACKFILL_BROWSE_COLUMNS);
      for (const object of setAside) sqlite.exec(object.sql);
    })();
    sqlite.pragma('journal_mode = WAL');
    return films.length;
  } finally {
    await library.close();
  }
}
