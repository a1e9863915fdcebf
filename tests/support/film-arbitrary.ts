import fc from 'fast-check';
import { completeFilm } from '../../src/shared/film';
import { filmInputSchema, type Film, type FilmInput } from '../../src/shared/film-schema';

/**
 * fast-check arbitraries for films the film schema accepts, every field of FILM_MODEL.md
 * exercised: text with quotes, backslashes, line breaks and characters outside the BMP; numbers
 * at the edges of their ranges; nulls and empty lists; posters. Each film has an id and timestamps,
 * so completing it is deterministic and a round trip can compare it field by field.
 */

const TRICKY_TEXT = [
  '"quoted"',
  'back\\slash',
  'two\nlines',
  'tab\there',
  'Amélie',
  '東京物語',
  '🎬 film',
  '\u2028sep',
  '</script>',
];

/** Text the schema keeps (non-empty once trimmed). */
export const textArbitrary: fc.Arbitrary<string> = fc
  .oneof(
    { weight: 4, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 24 }) },
    { weight: 1, arbitrary: fc.constantFrom(...TRICKY_TEXT) },
  )
  .filter((text) => text.trim().length > 0);

const optionalText = fc.option(textArbitrary, { nil: null });
const shortList = <T>(item: fc.Arbitrary<T>) => fc.array(item, { maxLength: 3 });

/** A number the library keeps exactly: no -0 (JSON writes it as 0), no NaN or infinities. */
const plainDouble = (min: number, max: number) =>
  fc
    .double({ min, max, noNaN: true, noDefaultInfinity: true })
    .map((value) => (Object.is(value, -0) ? 0 : value));

const url = fc
  .tuple(fc.constantFrom('http', 'https'), fc.constantFrom('example.org', 'films.example.com'), fc.nat(9999))
  .map(([scheme, host, page]) => `${scheme}://${host}/p/${page}`);
const optionalUrl = fc.option(url, { nil: null });
const money = fc.record({
  amount: fc.oneof(fc.nat(100_000_000), fc.constant(Number.MAX_SAFE_INTEGER)),
  currency: fc.constantFrom('USD', 'EUR', 'GBP', 'JPY'),
});
const optionalMoney = fc.option(money, { nil: null });
const year = fc.integer({ min: 1870, max: 2100 });
const isoDate = fc
  .date({ min: new Date('1950-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true })
  .map((date) => date.toISOString().slice(0, 10));
const timestamp = fc
  .date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true })
  .map((date) => date.toISOString());
const section = fc.record({ heading: optionalText, body: textArbitrary });

const rating = fc
  .record({ source: textArbitrary, scale: fc.constantFrom(5, 10, 100), share: plainDouble(0, 1) })
  .chain(({ source, scale, share }) =>
    fc.record({
      source: fc.constant(source),
      value: fc.oneof(fc.constant(Math.min(scale, share * scale)), fc.integer({ min: 0, max: scale })),
      scale: fc.constant(scale),
      votes: fc.option(fc.nat(10_000_000), { nil: null }),
    }),
  );

/** External id names other than imdb; never the ones an importer must refuse (`constructor`, …). */
const externalIds = fc
  .record(
    {
      imdb: fc.integer({ min: 10_000, max: 99_999_999 }).map((n) => `tt${String(n).padStart(7, '0')}`),
      tmdb: fc.nat(9_999_999).map(String),
      letterboxd: textArbitrary,
    },
    { requiredKeys: [] },
  )
  .map((ids) => ({ ...ids }));

function ascii(text: string): number[] {
  return [...text].map((character) => character.charCodeAt(0));
}

/** Base64 without Buffer, so the UI tier (jsdom) can use these films too. */
function base64(bytes: readonly number[]): string {
  return btoa(String.fromCharCode(...bytes));
}

/** The first bytes of each image type: the library checks a poster is what it claims. */
const IMAGE_SIGNATURES: Record<string, number[]> = {
  png: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
  jpeg: [0xff, 0xd8, 0xff],
  gif: [...ascii('GIF89a')],
  webp: [...ascii('RIFF'), 0, 0, 0, 0, ...ascii('WEBP')],
};

const poster = fc
  .tuple(fc.constantFrom('png', 'jpeg', 'webp', 'gif'), fc.uint8Array({ minLength: 1, maxLength: 64 }))
  .map(([type, bytes]) => {
    const image = [...(IMAGE_SIGNATURES[type] as number[]), ...bytes];
    return `data:image/${type};base64,${base64(image)}`;
  });

const copy = fc.record({
  medium: fc.oneof(fc.constantFrom('DVD', 'Blu-ray', '4K UHD', 'VHS', 'Digital'), textArbitrary),
  edition: optionalText,
  region: optionalText,
  location: optionalText,
  barcode: optionalText,
  acquired: fc.option(isoDate, { nil: null }),
  price: optionalMoney,
});

/** Loans that keep the schema's rules: a copy number that exists, at most one open loan per copy. */
const copiesAndLoans = shortList(copy).chain((copies) =>
  fc
    .array(
      fc.record({
        copyIndex:
          copies.length === 0 ? fc.constant(null) : fc.option(fc.nat(copies.length - 1), { nil: null }),
        borrower: textArbitrary,
        lentOn: isoDate,
        dueOn: fc.option(isoDate, { nil: null }),
        returnedOn: fc.option(isoDate, { nil: null }),
      }),
      { maxLength: 3 },
    )
    .map((loans) => {
      const open = new Set<number>();
      const kept = loans.map((loan) => {
        if (loan.copyIndex === null || loan.returnedOn !== null) return loan;
        if (open.has(loan.copyIndex)) return { ...loan, returnedOn: loan.lentOn };
        open.add(loan.copyIndex);
        return loan;
      });
      return { copies, loans: kept };
    }),
);

const filmFields = {
  id: fc.uuid({ version: 4 }),
  title: textArbitrary,
  originalTitle: optionalText,
  sortTitle: optionalText,
  year: fc.option(year, { nil: null }),
  runtimeMinutes: fc.option(fc.integer({ min: 1, max: 10_000 }), { nil: null }),
  genres: shortList(textArbitrary),
  directors: shortList(textArbitrary),
  trailer: fc.option(fc.record({ label: textArbitrary, url: optionalUrl }), { nil: null }),
  ratings: shortList(rating),
  externalIds,
  quip: optionalText,
  synopsis: shortList(section),
  spoilers: shortList(section),
  cast: shortList(fc.record({ person: textArbitrary, character: optionalText, description: optionalText })),
  crew: shortList(fc.record({ person: textArbitrary, job: textArbitrary })),
  quotes: shortList(fc.record({ speaker: optionalText, text: textArbitrary, context: optionalText })),
  boxOffice: fc.record({ budget: optionalMoney, domestic: optionalMoney, worldwide: optionalMoney }),
  personalReview: fc.option(
    fc.record({
      text: optionalText,
      audience: shortList(textArbitrary),
      contentWarnings: shortList(textArbitrary),
    }),
    { nil: null },
  ),
  criticReviews: shortList(
    fc.record({ outlet: textArbitrary, text: textArbitrary, url: optionalUrl, score: optionalText }),
  ),
  audienceReactions: shortList(fc.record({ headline: textArbitrary, detail: optionalText })),
  consensus: optionalText,
  awards: shortList(
    fc.record({
      event: textArbitrary,
      category: optionalText,
      year: fc.option(year, { nil: null }),
      result: fc.constantFrom('won' as const, 'nominated' as const),
    }),
  ),
  trivia: shortList(textArbitrary),
  whereToWatch: fc.option(
    fc.record({
      note: optionalText,
      providers: shortList(
        fc.record({
          name: textArbitrary,
          kind: fc.constantFrom('stream' as const, 'rent' as const, 'buy' as const, null),
          url: optionalUrl,
        }),
      ),
    }),
    { nil: null },
  ),
  similar: shortList(
    fc.record({
      title: textArbitrary,
      year: fc.option(year, { nil: null }),
      reason: optionalText,
      filmId: fc.option(fc.uuid({ version: 4 }), { nil: null }),
    }),
  ),
  products: shortList(fc.record({ name: textArbitrary, description: optionalText, url: optionalUrl })),
  soundtrack: fc.option(
    fc.record({
      note: optionalText,
      tracks: shortList(fc.record({ title: textArbitrary, performer: optionalText })),
    }),
    { nil: null },
  ),
  faq: shortList(fc.record({ question: optionalText, answer: textArbitrary })),
  bonus: shortList(fc.record({ title: textArbitrary, description: optionalText, url: optionalUrl })),
  userRating: fc.option(
    fc.integer({ min: 0, max: 20 }).map((halves) => halves / 2),
    { nil: null },
  ),
  watched: shortList(fc.record({ date: fc.option(isoDate, { nil: null }), note: optionalText })),
  tags: shortList(textArbitrary),
  notes: optionalText,
  poster: fc.option(poster, { nil: null }),
  addedAt: timestamp,
  updatedAt: timestamp,
};

/** One film as a library file would carry it (every field, id and timestamps included). */
export const filmArbitrary: fc.Arbitrary<FilmInput> = fc
  .tuple(fc.record(filmFields), copiesAndLoans)
  .map(([fields, { copies, loans }]) => ({ ...fields, copies, loans }))
  .filter((film) => filmInputSchema.safeParse(film).success);

/** Films with distinct ids. */
export const filmsArbitrary = (maxLength = 5): fc.Arbitrary<FilmInput[]> =>
  fc.uniqueArray(filmArbitrary, { maxLength, selector: (film) => film.id });

/** The canonical record the library holds for an input film: what a round trip must give back. */
export function canonicalFilm(input: FilmInput): Film {
  return completeFilm(filmInputSchema.parse(input));
}
