import { completeFilm } from '../../src/shared/film';
import { emptyDraft } from '../../src/shared/fact-page/read-context';
import type { CastMember, Film, ParsedFilm } from '../../src/shared/film-schema';
import { seededRandom, type Random } from './random';
import * as words from './vocabulary';

/**
 * The bench's own film generator. Two profiles, as the benchmark issue defines them:
 *
 * - `light`: what a Letterboxd or IMDb import gives: title, year, runtime, 1–2 directors,
 *   1–3 genres, about 10 cast, 2 ratings and an IMDb id.
 * - `full`: as rich as the seed page: 5–40 cast with characters, 1–3 directors, 1–4 genres, a
 *   synopsis of 100–400 words, 0–8 quotes, 0–5 critic reviews, 0–5 awards, 0–10 trivia,
 *   0–15 tracks, 0–2 copies, and every other section of the page. No posters.
 *
 * Same count, seed and profile → the same films; a smaller count gives a prefix of a larger one.
 * Title and year are unique, so an import finds no duplicates among generated films.
 */
export type FilmProfile = 'light' | 'full';

export type BenchFilmOptions = { profile: FilmProfile; seed?: number };

const ADDED_FROM = Date.UTC(2015, 0, 1);

function makeSentence(rnd: Random, count: number, vocabulary: readonly string[]): string {
  const text = Array.from({ length: count }, () => rnd.pick(vocabulary)).join(' ');
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
}

const LONGEST_SENTENCE = 40;
const VARIANTS = 512;

/**
 * Sentences made once, then picked: the words and their spread are what a search index sees, and
 * picking is what makes 100,000 full films quick enough to generate inside the bench's time.
 */
function sentencePool(vocabulary: readonly string[], seed: number): string[][] {
  const rnd = seededRandom(seed);
  return Array.from({ length: LONGEST_SENTENCE + 1 }, (_, length) =>
    Array.from({ length: VARIANTS }, () => makeSentence(rnd, Math.max(1, length), vocabulary)),
  );
}

const STORY_SENTENCES = sentencePool(words.STORY_WORDS, 11);
const QUOTE_SENTENCES = sentencePool(words.QUOTE_WORDS, 13);

function sentence(rnd: Random, count: number, pool: string[][] = STORY_SENTENCES): string {
  return rnd.pick(pool[Math.min(count, LONGEST_SENTENCE)] as string[]);
}

/** About `count` words, in sentences of 8–20. */
function paragraph(rnd: Random, count: number): string {
  const sentences: string[] = [];
  for (let left = count; left > 0;) {
    const length = Math.min(left, rnd.int(8, 20));
    sentences.push(sentence(rnd, length));
    left -= length;
  }
  return sentences.join(' ');
}

const person = (rnd: Random) => `${rnd.pick(words.FIRST_NAMES)} ${rnd.skewed(words.SURNAMES)}`;
/** Characters share fewer surnames than the people playing them. */
const CHARACTER_SURNAMES = words.SURNAMES.slice(0, 200);
const character = (rnd: Random) =>
  `${rnd.chance(0.3) ? rnd.pick(words.CHARACTER_ROLES) : rnd.pick(words.FIRST_NAMES)} ${rnd.pick(CHARACTER_SURNAMES)}`;
const list = <T>(rnd: Random, min: number, max: number, make: () => T): T[] =>
  Array.from({ length: rnd.int(min, max) }, make);
const distinct = (values: readonly string[]) => [...new Set(values)];
const pad = (n: number) => String(n).padStart(2, '0');
const date = (rnd: Random, from: number, to: number) =>
  `${rnd.int(from, to)}-${pad(rnd.int(1, 12))}-${pad(rnd.int(1, 28))}`;

function titleOf(rnd: Random): string {
  const adjective = () => rnd.pick(words.TITLE_ADJECTIVES);
  const noun = () => rnd.pick(words.TITLE_NOUNS);
  switch (rnd.int(0, 6)) {
    case 0:
      return `The ${adjective()} ${noun()}`;
    case 1:
      return `${noun()} of ${rnd.pick(words.PLACES)}`;
    case 2:
      return `A ${noun()} in ${rnd.pick(words.PLACES)}`;
    case 3:
      return `${adjective()} ${noun()}`;
    case 4:
      return `The ${noun()} and the ${noun()}`;
    case 5:
      return `${rnd.pick(words.FIRST_NAMES)}’s ${noun()}`;
    default:
      return `${adjective()} ${noun()} ${rnd.int(2, 4)}`;
  }
}

/** A title not yet used in that year (a remake in another year is fine). */
function uniqueTitle(rnd: Random, year: number | null, used: Set<string>): string {
  for (let attempt = 0; ; attempt += 1) {
    const title = attempt < 8 ? titleOf(rnd) : `${titleOf(rnd)} ${['II', 'III', 'IV', 'V'][attempt % 4]}`;
    const key = `${title.toLowerCase()}|${year}`;
    if (!used.has(key)) {
      used.add(key);
      return title;
    }
  }
}

const hex = (value: number, digits: number) => value.toString(16).padStart(digits, '0').slice(-digits);

/** A valid version-4 UUID, unique per index, stable per seed. */
function uuidOf(index: number, seed: number): string {
  return `${hex(seed, 8)}-${hex(index >>> 16, 4)}-4${hex(index >>> 4, 3)}-8${hex(seed >>> 12, 3)}-${hex(index, 12)}`;
}

/** Fields every film has: identity, credits in brief, ratings. */
function lightFilm(rnd: Random, index: number, seed: number, used: Set<string>): ParsedFilm {
  const year = rnd.chance(0.97) ? Math.min(2025, 1920 + Math.floor(Math.sqrt(rnd.next()) * 106)) : null;
  const addedAt = new Date(ADDED_FROM + index * 60_000).toISOString();
  const withCharacters = rnd.chance(0.5);
  return {
    ...emptyFields(),
    id: uuidOf(index, seed),
    title: uniqueTitle(rnd, year, used),
    year,
    runtimeMinutes: rnd.chance(0.95) ? rnd.int(62, 200) : null,
    genres: distinct(list(rnd, 1, 3, () => rnd.pick(words.GENRES))),
    directors: distinct(list(rnd, 1, rnd.chance(0.15) ? 2 : 1, () => person(rnd))),
    ratings: [
      { source: 'IMDb', value: rnd.int(15, 95) / 10, scale: 10, votes: rnd.int(10, 900_000) },
      { source: 'Letterboxd', value: rnd.int(10, 50) / 10, scale: 5, votes: rnd.int(10, 200_000) },
    ],
    externalIds: { imdb: `tt${String(1_000_000 + index).padStart(7, '0')}` },
    cast: list(rnd, 8, 12, () => ({
      person: person(rnd),
      character: withCharacters ? character(rnd) : null,
      description: null,
    })),
    addedAt,
    updatedAt: addedAt,
  };
}

function castOf(rnd: Random): CastMember[] {
  return list(rnd, 5, 40, () => ({ person: person(rnd), character: character(rnd), description: null })).map(
    (member, i) => (i < 7 ? { ...member, description: sentence(rnd, rnd.int(10, 22)) } : member),
  );
}

/** The story: a quip, a synopsis of 100–400 words in 1–3 headed parts, sometimes spoilers. */
function storyFields(rnd: Random): Partial<ParsedFilm> {
  const total = rnd.int(100, 400);
  const parts = rnd.int(1, 3);
  return {
    quip: sentence(rnd, rnd.int(15, 35)),
    synopsis: Array.from({ length: parts }, () => ({
      heading: sentence(rnd, rnd.int(3, 7)).slice(0, -1),
      body: paragraph(rnd, Math.round(total / parts)),
    })),
    spoilers: rnd.chance(0.3) ? [{ heading: null, body: paragraph(rnd, rnd.int(40, 120)) }] : [],
  };
}

function peopleFields(rnd: Random, light: ParsedFilm): Partial<ParsedFilm> {
  const cast = castOf(rnd);
  return {
    directors: distinct(list(rnd, 1, 3, () => person(rnd))),
    genres: distinct(list(rnd, 1, 4, () => rnd.pick(words.GENRES))),
    cast,
    crew: list(rnd, 0, 6, () => ({ person: person(rnd), job: rnd.pick(words.JOBS) })),
    quotes: list(rnd, 0, 8, () => ({
      speaker: rnd.chance(0.8) ? (rnd.pick(cast).character ?? null) : rnd.pick(words.FIRST_NAMES),
      text: sentence(rnd, rnd.int(8, 25), QUOTE_SENTENCES),
      context: rnd.chance(0.5) ? sentence(rnd, rnd.int(6, 14)) : null,
    })),
    ratings: [
      ...light.ratings,
      ...(rnd.chance(0.6)
        ? [{ source: 'Rotten Tomatoes', value: rnd.int(5, 100), scale: 100, votes: null }]
        : []),
    ],
  };
}

const money = (rnd: Random, max: number) =>
  rnd.chance(0.6) ? { amount: rnd.int(1_000, max), currency: 'USD' } : null;

function receptionFields(rnd: Random, year: number | null): Partial<ParsedFilm> {
  return {
    boxOffice: {
      budget: money(rnd, 200_000_000),
      domestic: money(rnd, 400_000_000),
      worldwide: money(rnd, 900_000_000),
    },
    personalReview: rnd.chance(0.6)
      ? {
          text: paragraph(rnd, rnd.int(40, 120)),
          audience: list(rnd, 0, 3, () => sentence(rnd, rnd.int(5, 10))),
          contentWarnings: list(rnd, 0, 2, () => sentence(rnd, rnd.int(2, 5))),
        }
      : null,
    criticReviews: list(rnd, 0, 5, () => ({
      outlet: rnd.pick(words.OUTLETS),
      text: paragraph(rnd, rnd.int(30, 90)),
      url: rnd.chance(0.3) ? `https://reviews.example.com/${rnd.int(1, 999_999)}` : null,
      score: rnd.chance(0.5) ? `${rnd.int(1, 5)}/5` : null,
    })),
    audienceReactions: list(rnd, 0, 3, () => ({
      headline: sentence(rnd, rnd.int(3, 8)),
      detail: sentence(rnd, rnd.int(8, 20)),
    })),
    consensus: rnd.chance(0.7) ? sentence(rnd, rnd.int(15, 35)) : null,
    awards: list(rnd, 0, 5, () => ({
      event: rnd.pick(words.AWARD_EVENTS),
      category: rnd.chance(0.8) ? rnd.pick(words.AWARD_CATEGORIES) : null,
      year,
      result: rnd.chance(0.4) ? ('won' as const) : ('nominated' as const),
    })),
  };
}

function aroundFields(rnd: Random, title: string): Partial<ParsedFilm> {
  const tracks = list(rnd, 0, 15, () => ({
    title: sentence(rnd, rnd.int(1, 4)).slice(0, -1),
    performer: rnd.chance(0.8) ? person(rnd) : null,
  }));
  return {
    trailer: {
      label: 'Trailer',
      url: rnd.chance(0.5) ? `https://videos.example.com/${rnd.int(1, 999_999)}` : null,
    },
    trivia: list(rnd, 0, 10, () => sentence(rnd, rnd.int(12, 30))),
    whereToWatch: rnd.chance(0.6)
      ? {
          note: rnd.chance(0.5) ? sentence(rnd, rnd.int(8, 16)) : null,
          providers: distinct(list(rnd, 1, 5, () => rnd.pick(words.PROVIDERS))).map((name) => ({
            name,
            kind: rnd.pick(['stream', 'rent', 'buy'] as const),
            url: null,
          })),
        }
      : null,
    similar: list(rnd, 0, 5, () => ({
      title: titleOf(rnd),
      year: rnd.int(1930, 2024),
      reason: sentence(rnd, rnd.int(8, 16)),
      filmId: null,
    })),
    products: list(rnd, 0, 4, () => ({
      name: `${title} (${rnd.pick(['DVD', 'Blu-ray', 'Poster', 'Book'])})`,
      description: sentence(rnd, rnd.int(8, 16)),
      url: null,
    })),
    soundtrack:
      tracks.length > 0 || rnd.chance(0.3)
        ? { note: rnd.chance(0.5) ? sentence(rnd, 10) : null, tracks }
        : null,
    faq: list(rnd, 0, 4, () => ({
      question: rnd.chance(0.5) ? `${sentence(rnd, rnd.int(5, 10)).slice(0, -1)}?` : null,
      answer: paragraph(rnd, rnd.int(20, 60)),
    })),
    bonus: list(rnd, 0, 2, () => ({
      title: sentence(rnd, rnd.int(2, 5)).slice(0, -1),
      description: sentence(rnd, 12),
      url: null,
    })),
  };
}

function collectorFields(rnd: Random): Partial<ParsedFilm> {
  const copies = list(rnd, 0, 2, () => ({
    medium: rnd.pick(words.MEDIA),
    edition: rnd.chance(0.2) ? 'Special Edition' : null,
    region: rnd.chance(0.5) ? rnd.pick(['A', 'B', '1', '2']) : null,
    location: rnd.chance(0.7) ? rnd.pick(words.SHELVES) : null,
    barcode: rnd.chance(0.3) ? String(rnd.int(100_000_000, 999_999_999)) : null,
    acquired: rnd.chance(0.5) ? date(rnd, 1995, 2025) : null,
    price: rnd.chance(0.3) ? { amount: rnd.int(3, 40), currency: 'EUR' } : null,
  }));
  const lent = copies.length > 0 && rnd.chance(0.05);
  return {
    userRating: rnd.chance(0.6) ? rnd.int(0, 20) / 2 : null,
    watched: list(rnd, 0, 3, () => ({
      date: date(rnd, 2000, 2025),
      note: rnd.chance(0.2) ? sentence(rnd, 8) : null,
    })),
    copies,
    loans: lent
      ? [
          {
            copyIndex: 0,
            borrower: rnd.pick(words.BORROWERS),
            lentOn: '2025-01-10',
            dueOn: rnd.chance(0.4) ? '2025-02-01' : '2099-01-01',
            returnedOn: null,
          },
        ]
      : [],
    tags: distinct(list(rnd, 0, rnd.chance(0.3) ? 3 : 0, () => rnd.pick(words.TAGS))),
    notes: rnd.chance(0.2) ? sentence(rnd, rnd.int(8, 30)) : null,
  };
}

function fullFilm(rnd: Random, light: ParsedFilm): ParsedFilm {
  return {
    ...light,
    originalTitle: rnd.chance(0.1) ? `${rnd.pick(words.TITLE_NOUNS)} à ${rnd.pick(words.PLACES)}` : null,
    ...peopleFields(rnd, light),
    ...storyFields(rnd),
    ...receptionFields(rnd, light.year),
    ...aroundFields(rnd, light.title),
    ...collectorFields(rnd),
  };
}

/** Films one at a time, so a 100,000-film full library never has to sit in memory whole. */
export function* benchFilms(count: number, options: BenchFilmOptions): Generator<Film> {
  const seed = options.seed ?? 1;
  const rnd = seededRandom(seed);
  const used = new Set<string>();
  for (let index = 0; index < count; index += 1) {
    const light = lightFilm(rnd, index, seed, used);
    const film = options.profile === 'full' ? fullFilm(rnd, light) : light;
    yield completeFilm(film);
  }
}

/** `count` complete films of a profile, as an array. */
export function generateBenchFilms(count: number, options: BenchFilmOptions): Film[] {
  return [...benchFilms(count, options)];
}

/** Every field empty, as the schema leaves a film with nothing but a title (fresh lists each time). */
const emptyFields = (): ParsedFilm => ({ title: '', sortTitle: null, ...emptyDraft() });
