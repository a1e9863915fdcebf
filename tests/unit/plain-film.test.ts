import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { checkFilm } from '../../src/main/library/transfer/check-film';
import { PLAIN_FIELDS, plainValidFilm } from '../../src/main/library/transfer/plain-film';
import * as schemas from '../../src/shared/film-schema';
import { benchFilms } from '../bench/bench-films';
import { filmArbitrary } from '../support/film-arbitrary';
import { sampleFilmJson } from '../support/temp-library';

/**
 * The import's fast path for plainly valid films must give exactly what the film schema gives,
 * or give up (null) so the schema decides. These tests compare the two on many films.
 */

const asJson = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

/** Runs both on copies of `value`; answers which one decided. Fails when the fast path differs. */
function agree(value: unknown): 'plain' | 'schema' {
  const input = structuredClone(value);
  const plain = plainValidFilm(input);
  // It never changes what it reads: when it gives up, the schema must see the film as it came.
  expect(input).toStrictEqual(value);
  if (plain === null) return 'schema';
  const schema = schemas.filmInputSchema.safeParse(structuredClone(value));
  expect(schema.success, JSON.stringify(schema.error?.issues)).toBe(true);
  expect(plain).toStrictEqual(schema.data);
  // The same fields in the same order, as a library file written from either would show.
  expect(JSON.stringify(plain)).toBe(JSON.stringify(schema.data));
  return 'plain';
}

const shapeKeys = (schema: z.ZodObject) => [...Object.keys(schema.shape)].sort();

describe('the plain-film fast path', () => {
  it('reads exactly the fields of every record of the film schema', () => {
    const records: Record<keyof typeof PLAIN_FIELDS, z.ZodObject> = {
      film: schemas.filmInputSchema,
      money: schemas.moneySchema,
      rating: schemas.ratingSchema,
      link: schemas.linkSchema,
      section: schemas.sectionSchema,
      castMember: schemas.castMemberSchema,
      credit: schemas.creditSchema,
      quote: schemas.quoteSchema,
      boxOffice: schemas.boxOfficeSchema,
      personalReview: schemas.personalReviewSchema,
      criticReview: schemas.criticReviewSchema,
      audienceReaction: schemas.audienceReactionSchema,
      award: schemas.awardSchema,
      provider: schemas.providerSchema,
      whereToWatch: schemas.whereToWatchSchema,
      similarFilm: schemas.similarFilmSchema,
      product: schemas.productSchema,
      bonus: schemas.bonusSchema,
      track: schemas.trackSchema,
      soundtrack: schemas.soundtrackSchema,
      faq: schemas.faqSchema,
      watch: schemas.watchSchema,
      copy: schemas.copySchema,
    };
    for (const [name, schema] of Object.entries(records)) {
      expect([...PLAIN_FIELDS[name as keyof typeof PLAIN_FIELDS]].sort(), name).toEqual(shapeKeys(schema));
    }
  });

  it('takes the bench films, light and full, and gives what the schema gives', () => {
    for (const profile of ['light', 'full'] as const) {
      for (const film of benchFilms(40, { profile, seed: 7 })) {
        // Bench films have no loans only sometimes; without them each must take the fast path.
        expect(agree(asJson({ ...film, loans: [] }))).toBe('plain');
        agree(asJson(film));
      }
    }
    agree(sampleFilmJson());
    expect(agree({ ...sampleFilmJson(), loans: [] })).toBe('plain');
  });

  it('agrees with the schema on generated films', () => {
    let plain = 0;
    fc.assert(
      fc.property(filmArbitrary, fc.boolean(), (film, dropLoans) => {
        const value = asJson(dropLoans ? { ...film, loans: [] } : film);
        if (agree(value) === 'plain') plain += 1;
        if (dropLoans) expect(plainValidFilm(value)).not.toBeNull();
      }),
      { numRuns: 300, seed: 11 },
    );
    expect(plain).toBeGreaterThan(100);
  });

  it('agrees with the schema when any one value of a full film is replaced by another', () => {
    const base = asJson({ ...[...benchFilms(1, { profile: 'full', seed: 3 })][0], loans: [] }) as Record<
      string,
      unknown
    >;
    const paths: (string | number)[][] = [];
    const collect = (value: unknown, path: (string | number)[]) => {
      paths.push(path);
      if (Array.isArray(value)) value.forEach((item, index) => collect(item, [...path, index]));
      else if (typeof value === 'object' && value !== null)
        for (const [key, item] of Object.entries(value)) collect(item, [...path, key]);
    };
    collect(base, []);
    const replacement = fc.oneof(
      fc.jsonValue({ maxDepth: 2 }),
      fc.constantFrom('', ' ', '  padded  ', 'x'.repeat(100_001), 'tt123', 'USD', 'won', 'ftp://a.b'),
      fc.constantFrom(-1, 0, 0.5, 1869, 1870, 2100, 2101, 10_001, 1e300, Number.MAX_SAFE_INTEGER + 2),
    );
    fc.assert(
      fc.property(fc.constantFrom(...paths.slice(1)), replacement, fc.boolean(), (path, value, addKey) => {
        const film = structuredClone(base);
        let holder: Record<string | number, unknown> = film;
        for (const part of path.slice(0, -1)) holder = holder[part] as Record<string | number, unknown>;
        const last = path[path.length - 1] as string | number;
        if (addKey && typeof holder === 'object' && !Array.isArray(holder)) holder.extra = value;
        else holder[last] = value;
        agree(film);
      }),
      { numRuns: 3000, seed: 5 },
    );
  });

  it("hands back a film already in the schema's form itself, and copies one that is not", () => {
    const exported = asJson({ ...[...benchFilms(1, { profile: 'full', seed: 9 })][0], loans: [] });
    expect(plainValidFilm(exported)).toBe(exported);
    const padded: Record<string, unknown> = { ...(exported as Record<string, unknown>), title: ' Padded ' };
    const read = plainValidFilm(padded) as Record<string, unknown>;
    expect(read).not.toBe(padded);
    expect(read.title).toBe('Padded');
    expect(read.cast).toBe(padded.cast);
  });

  it('trims like the schema and gives up on anything the schema would reject or warn about', () => {
    const film = sampleFilmJson();
    expect((plainValidFilm({ ...film, title: '  Padded  ' }) as { title: string }).title).toBe('Padded');
    expect(plainValidFilm({ ...film, unknownField: 1 })).toBeNull();
    expect(plainValidFilm({ ...film, title: '   ' })).toBeNull();
    expect(plainValidFilm({ ...film, year: 1869 })).toBeNull();
    expect(plainValidFilm({ ...film, externalIds: { imdb: 'nm123' } })).toBeNull();
    expect(plainValidFilm({ ...film, trailer: { label: 'T', url: 'javascript:alert(1)' } })).toBeNull();
    expect(plainValidFilm({ ...film, boxOffice: null })).toBeNull();
    expect(plainValidFilm([film])).toBeNull();
  });

  it('leaves rejected films to the schema, so their problems keep their place and wording', () => {
    const { film, problems } = checkFilm({ title: ' ', year: 1869, cast: [{ person: 'A', extra: 1 }] }, [
      'films',
      4,
    ]);
    expect(film).toBeNull();
    expect(problems.map((problem) => problem.path)).toEqual(['films[4].title', 'films[4].year']);
  });
});
