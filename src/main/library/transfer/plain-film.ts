import type { z } from 'zod';
import {
  filmInputSchema,
  similarFilmSchema,
  watchSchema,
  webUrl,
  type ParsedFilm,
} from '../../../shared/film-schema';

/**
 * A fast path for the common case of an import: a film that the film schema accepts as it is.
 * It reads a parsed record the way `filmInputSchema` does (trimming, defaults, the same limits) and
 * gives the same result, but gives up (null) at anything it is not sure about: an unknown field,
 * a wrong type, a value out of range, loans (whose cross-checks stay with the schema). The caller
 * then runs the schema, which decides and words every problem with its place. So this path never
 * rejects and never words an error; it only saves the schema's cost for films it would accept.
 * Formats that are easy to get subtly wrong (UUIDs, dates, timestamps, web addresses, posters,
 * ratings in halves) are asked of the schema's own parts, one value at a time.
 *
 * Films given back unchanged are the parsed record itself (no copy); nothing read is ever changed.
 * Tests (plain-film.test.ts) compare it with the schema on generated and mutated films, and check
 * that it lists exactly the fields of every record of the schema: a field added to the schema fails
 * that test until this path reads it too.
 */

/** Thrown inside, never outside: "let the schema decide". */
const GIVE_UP = Symbol('give up');

const MAX_TEXT = 100_000;
const MAX_ITEMS = 100_000;

type Json = Record<string, unknown>;
type Read = (value: unknown) => unknown;
/** A record's fields in the schema's order; `optional` fields are left out when absent. */
type Field = { key: string; read: Read; optional?: boolean };
type Spec = { fields: readonly Field[]; keys: ReadonlySet<string>; check?: (record: Json) => void };

function giveUp(): never {
  throw GIVE_UP;
}

function spec(fields: readonly Field[], check?: (record: Json) => void): Spec {
  return { fields, keys: new Set(fields.map((field) => field.key)), check };
}
const field = (key: string, read: Read, optional = false): Field => ({ key, read, optional });

/**
 * Reads a record field by field. A record that already is what the schema would give (every field,
 * in order, each value unchanged: what an export writes) is returned as it is, so the common film
 * costs no copy; otherwise a new record is built, as the schema builds one.
 */
function readRecord({ fields, keys, check }: Spec, value: unknown): Json {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) giveUp();
  const input = value as Json;
  let count = 0;
  let inOrder = true;
  for (const key in input) {
    if (!keys.has(key)) giveUp();
    if (inOrder && fields[count]?.key !== key) inOrder = false;
    count += 1;
  }
  let out: Json | null = inOrder && count === fields.length ? null : {};
  for (let index = 0; index < fields.length; index += 1) {
    const { key, read, optional } = fields[index] as Field;
    const before = input[key];
    const after = read(before);
    if (out === null && after !== before) {
      out = {};
      for (let done = 0; done < index; done += 1) {
        const doneKey = (fields[done] as Field).key;
        out[doneKey] = input[doneKey];
      }
    }
    if (out !== null && !(optional && after === undefined)) out[key] = after;
  }
  const result = out ?? input;
  check?.(result);
  return result;
}

function record(fields: readonly Field[], check?: (record: Json) => void): Read & { spec: Spec } {
  const recordSpec = spec(fields, check);
  return Object.assign((value: unknown) => readRecord(recordSpec, value), { spec: recordSpec });
}

function text(value: unknown): string {
  if (typeof value !== 'string') giveUp();
  const trimmed = value.trim();
  if (trimmed.length < 1 || trimmed.length > MAX_TEXT) giveUp();
  return trimmed.length === value.length ? value : trimmed;
}

function optionalText(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string') giveUp();
  const trimmed = value.trim();
  if (trimmed.length > MAX_TEXT) giveUp();
  return trimmed.length === value.length ? value : trimmed;
}

/** A list read item by item: the same array when no item changed, as with records. */
const list =
  (item: Read): Read =>
  (value: unknown) => {
    if (value === undefined) return [];
    if (!Array.isArray(value) || value.length > MAX_ITEMS) giveUp();
    let out: unknown[] | null = null;
    for (let index = 0; index < value.length; index += 1) {
      const before: unknown = value[index];
      const after = item(before);
      if (out === null && after !== before) out = value.slice(0, index);
      if (out !== null) out.push(after);
    }
    return out ?? value;
  };

const textList = list(text);

const int =
  (min: number, max: number): Read =>
  (value: unknown) => {
    if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < min || value > max) giveUp();
    return value;
  };

const optional =
  (read: Read): Read =>
  (value: unknown) =>
    value === undefined || value === null ? null : read(value);

/** One value through a part of the schema: its output, or give up. */
const bySchema =
  (schema: z.ZodType): Read =>
  (value: unknown) => {
    const result = schema.safeParse(value);
    if (!result.success) giveUp();
    return result.data;
  };

const oneOf =
  (...allowed: string[]): Read =>
  (value: unknown) => {
    if (typeof value !== 'string' || !allowed.includes(value)) giveUp();
    return value;
  };

const optionalYear = optional(int(1870, 2100));
const optionalUrl = optional(bySchema(webUrl));
const optionalDate = optional(bySchema(watchSchema.shape.date));

const money = record([
  field('amount', int(0, Number.MAX_SAFE_INTEGER)),
  field('currency', (value) => {
    if (typeof value !== 'string' || !/^[A-Z]{3}$/.test(value)) giveUp();
    return value;
  }),
]);
const optionalMoney = optional(money);

const number =
  (min: number, above: boolean): Read =>
  (value: unknown) => {
    if (typeof value !== 'number' || !Number.isFinite(value) || value < min || (above && value <= min)) {
      giveUp();
    }
    return value;
  };

const rating = record(
  [
    field('source', text),
    field('value', number(0, false)),
    field('scale', number(0, true)),
    field('votes', optional(int(0, Number.MAX_SAFE_INTEGER))),
  ],
  (read) => {
    if ((read.value as number) > (read.scale as number)) giveUp();
  },
);

const EXTERNAL_ID_NAME = /^[a-z][a-z0-9_-]{0,31}$/;
function externalIds(value: unknown): Json {
  if (value === undefined) return {};
  if (typeof value !== 'object' || value === null || Array.isArray(value)) giveUp();
  const input = value as Json;
  let out: Json | null = null;
  for (const name in input) {
    if (!EXTERNAL_ID_NAME.test(name)) giveUp();
    const before = input[name];
    const after = text(before);
    if (out === null && after !== before) out = { ...input };
    if (out !== null) out[name] = after;
  }
  const result = out ?? input;
  if (result.imdb !== undefined && !/^tt\d{5,10}$/.test(result.imdb as string)) giveUp();
  return result;
}

const link = record([field('label', text), field('url', optionalUrl)]);
const section = record([field('heading', optionalText), field('body', text)]);
const castMember = record([
  field('person', text),
  field('character', optionalText),
  field('description', optionalText),
]);
const credit = record([field('person', text), field('job', text)]);
const quote = record([field('speaker', optionalText), field('text', text), field('context', optionalText)]);
const boxOfficeRecord = record([
  field('budget', optionalMoney),
  field('domestic', optionalMoney),
  field('worldwide', optionalMoney),
]);
const boxOffice = (value: unknown) =>
  value === undefined ? { budget: null, domestic: null, worldwide: null } : boxOfficeRecord(value);
const personalReview = record([
  field('text', optionalText),
  field('audience', textList),
  field('contentWarnings', textList),
]);
const criticReview = record([
  field('outlet', text),
  field('text', text),
  field('url', optionalUrl),
  field('score', optionalText),
]);
const audienceReaction = record([field('headline', text), field('detail', optionalText)]);
const award = record([
  field('event', text),
  field('category', optionalText),
  field('year', optionalYear),
  field('result', oneOf('won', 'nominated')),
]);
const provider = record([
  field('name', text),
  field('kind', optional(oneOf('stream', 'rent', 'buy'))),
  field('url', optionalUrl),
]);
const whereToWatch = record([field('note', optionalText), field('providers', list(provider))]);
const similarFilm = record([
  field('title', text),
  field('year', optionalYear),
  field('reason', optionalText),
  field('filmId', optional(bySchema(similarFilmSchema.shape.filmId))),
]);
const product = record([field('name', text), field('description', optionalText), field('url', optionalUrl)]);
const bonus = record([field('title', text), field('description', optionalText), field('url', optionalUrl)]);
const track = record([field('title', text), field('performer', optionalText)]);
const soundtrack = record([field('note', optionalText), field('tracks', list(track))]);
const faq = record([field('question', optionalText), field('answer', text)]);
const watch = record([field('date', optionalDate), field('note', optionalText)]);
const copy = record([
  field('medium', text),
  field('edition', optionalText),
  field('region', optionalText),
  field('location', optionalText),
  field('barcode', optionalText),
  field('acquired', optionalDate),
  field('price', optionalMoney),
]);

/** Loans are checked against the copies by the schema's own refinement: only "none" is plain. */
function noLoans(value: unknown): unknown[] {
  if (value === undefined) return [];
  if (!Array.isArray(value) || value.length !== 0) giveUp();
  return value;
}

const shape = filmInputSchema.shape;
const inSchema = (key: 'id' | 'addedAt' | 'updatedAt'): Read => {
  const read = bySchema(shape[key]);
  return (value) => (value === undefined ? undefined : read(value));
};

/** Every field of a film, listed here (not taken from the schema, so none is ever dropped unread). */
const film = record([
  field('id', inSchema('id'), true),
  field('title', text),
  field('originalTitle', optionalText),
  field('sortTitle', optionalText),
  field('year', optionalYear),
  field('runtimeMinutes', optional(int(1, 10_000))),
  field('genres', textList),
  field('directors', textList),
  field('trailer', optional(link)),
  field('ratings', list(rating)),
  field('externalIds', externalIds),
  field('quip', optionalText),
  field('synopsis', list(section)),
  field('spoilers', list(section)),
  field('cast', list(castMember)),
  field('crew', list(credit)),
  field('quotes', list(quote)),
  field('boxOffice', boxOffice),
  field('personalReview', optional(personalReview)),
  field('criticReviews', list(criticReview)),
  field('audienceReactions', list(audienceReaction)),
  field('consensus', optionalText),
  field('awards', list(award)),
  field('trivia', textList),
  field('whereToWatch', optional(whereToWatch)),
  field('similar', list(similarFilm)),
  field('products', list(product)),
  field('soundtrack', optional(soundtrack)),
  field('faq', list(faq)),
  field('bonus', list(bonus)),
  field('userRating', optional(bySchema(shape.userRating))),
  field('watched', list(watch)),
  field('copies', list(copy)),
  field('loans', noLoans),
  field('tags', textList),
  field('notes', optionalText),
  field('poster', optional(bySchema(shape.poster))),
  field('addedAt', inSchema('addedAt'), true),
  field('updatedAt', inSchema('updatedAt'), true),
]);

/** The field names this path reads for each record of the schema (for the test that keeps them in step). */
export const PLAIN_FIELDS = {
  film: film.spec.keys,
  money: money.spec.keys,
  rating: rating.spec.keys,
  link: link.spec.keys,
  section: section.spec.keys,
  castMember: castMember.spec.keys,
  credit: credit.spec.keys,
  quote: quote.spec.keys,
  boxOffice: boxOfficeRecord.spec.keys,
  personalReview: personalReview.spec.keys,
  criticReview: criticReview.spec.keys,
  audienceReaction: audienceReaction.spec.keys,
  award: award.spec.keys,
  provider: provider.spec.keys,
  whereToWatch: whereToWatch.spec.keys,
  similarFilm: similarFilm.spec.keys,
  product: product.spec.keys,
  bonus: bonus.spec.keys,
  track: track.spec.keys,
  soundtrack: soundtrack.spec.keys,
  faq: faq.spec.keys,
  watch: watch.spec.keys,
  copy: copy.spec.keys,
} as const;

/**
 * The film exactly as `filmInputSchema` would give it, or null: then ask the schema. A film that
 * already is in the schema's form is handed back itself (never changed, so the schema can still
 * see it as it came when this gives up).
 */
export function plainValidFilm(value: unknown): ParsedFilm | null {
  try {
    return film(value) as ParsedFilm;
  } catch (error) {
    if (error === GIVE_UP) return null;
    throw error;
  }
}
