import { z } from 'zod';

/**
 * The one film schema. Import, the editor, IPC and the published JSON Schema all come from it.
 * Every field of FILM_MODEL.md is here; canonical records carry every key (null or [] when empty),
 * so a library file written from them is stable, and a record read back compares deep-equal.
 */

const MAX_TEXT = 100_000;
const MAX_POSTER_CHARS = 20 * 1024 * 1024;

/** A plain text value: trimmed, never empty. */
export const requiredText = z.string().trim().min(1, { error: 'must not be empty' }).max(MAX_TEXT);
/** A text value that may be absent: null when unknown. */
const optionalText = z.string().trim().max(MAX_TEXT).nullable().default(null);
/** An http or https address (nothing else ever becomes a link). */
export const webUrl = z.url({
  protocol: /^https?$/,
  hostname: z.regexes.domain,
  error: 'must be an http or https address',
});
const optionalUrl = webUrl.nullable().default(null);
const isoDate = z.iso.date({ error: 'must be a date like 2024-05-31' });
const optionalDate = isoDate.nullable().default(null);
const timestamp = z.iso.datetime({ offset: true, error: 'must be an ISO 8601 timestamp' });
const list = <T extends z.ZodType>(item: T) => z.array(item).max(100_000).default([]);
const textList = list(requiredText);

export const moneySchema = z.strictObject({
  amount: z
    .int({ error: 'expected a whole number' })
    .min(0, { error: 'must not be negative' })
    .max(Number.MAX_SAFE_INTEGER),
  currency: z.string().regex(/^[A-Z]{3}$/, { error: 'must be a three-letter currency code like USD' }),
});
const optionalMoney = moneySchema.nullable().default(null);

export const ratingSchema = z
  .strictObject({
    source: requiredText,
    value: z.number().min(0),
    scale: z.number().positive(),
    votes: z.int().min(0).nullable().default(null),
  })
  .refine((rating) => rating.value <= rating.scale, {
    error: 'value must not exceed the scale',
    path: ['value'],
  });

export const linkSchema = z.strictObject({ label: requiredText, url: optionalUrl });
export const sectionSchema = z.strictObject({ heading: optionalText, body: requiredText });
export const castMemberSchema = z.strictObject({
  person: requiredText,
  character: optionalText,
  description: optionalText,
});
export const creditSchema = z.strictObject({ person: requiredText, job: requiredText });
export const quoteSchema = z.strictObject({
  speaker: optionalText,
  text: requiredText,
  context: optionalText,
});
export const boxOfficeSchema = z.strictObject({
  budget: optionalMoney,
  domestic: optionalMoney,
  worldwide: optionalMoney,
});
export const personalReviewSchema = z.strictObject({
  text: optionalText,
  audience: textList,
  contentWarnings: textList,
});
export const criticReviewSchema = z.strictObject({
  outlet: requiredText,
  text: requiredText,
  url: optionalUrl,
  score: optionalText,
});
export const audienceReactionSchema = z.strictObject({ headline: requiredText, detail: optionalText });
export const awardResults = ['won', 'nominated'] as const;
const year = z.int({ error: 'expected a whole year' }).min(1870).max(2100);
export const awardSchema = z.strictObject({
  event: requiredText,
  category: optionalText,
  year: year.nullable().default(null),
  result: z.enum(awardResults),
});
export const providerKinds = ['stream', 'rent', 'buy'] as const;
export const providerSchema = z.strictObject({
  name: requiredText,
  kind: z.enum(providerKinds).nullable().default(null),
  url: optionalUrl,
});
export const whereToWatchSchema = z.strictObject({ note: optionalText, providers: list(providerSchema) });
export const similarFilmSchema = z.strictObject({
  title: requiredText,
  year: year.nullable().default(null),
  reason: optionalText,
  filmId: z.uuid().nullable().default(null),
});
export const productSchema = z.strictObject({
  name: requiredText,
  description: optionalText,
  url: optionalUrl,
});
export const trackSchema = z.strictObject({ title: requiredText, performer: optionalText });
export const soundtrackSchema = z.strictObject({ note: optionalText, tracks: list(trackSchema) });
export const faqSchema = z.strictObject({ question: optionalText, answer: requiredText });
export const bonusSchema = z.strictObject({
  title: requiredText,
  description: optionalText,
  url: optionalUrl,
});
export const watchSchema = z.strictObject({ date: optionalDate, note: optionalText });
/** Suggested media; any other text is allowed too. */
export const commonMedia = ['DVD', 'Blu-ray', '4K UHD', 'VHS', 'Digital'] as const;
export const copySchema = z.strictObject({
  medium: requiredText,
  edition: optionalText,
  region: optionalText,
  location: optionalText,
  barcode: optionalText,
  acquired: optionalDate,
  price: optionalMoney,
});
export const loanSchema = z.strictObject({
  copyIndex: z.int().min(0).nullable().default(null),
  borrower: requiredText,
  lentOn: isoDate,
  dueOn: optionalDate,
  returnedOn: optionalDate,
});
export const posterSchema = z
  .string()
  .max(MAX_POSTER_CHARS, { error: 'poster is larger than 15 MB' })
  .regex(/^data:image\/(png|jpeg|webp|gif);base64,[A-Za-z0-9+/]+={0,2}$/, {
    error: 'must be a base64 data: URL of a PNG, JPEG, WebP or GIF image',
  });
export const externalIdsSchema = z
  .record(
    z.string().regex(/^[a-z][a-z0-9_-]{0,31}$/, { error: 'must be a short lower-case name' }),
    requiredText,
  )
  .superRefine((ids, ctx) => {
    if (ids.imdb !== undefined && !/^tt\d{5,10}$/.test(ids.imdb)) {
      ctx.addIssue({ code: 'custom', path: ['imdb'], message: 'must look like tt0123456' });
    }
  })
  .default({});

const filmFields = {
  id: z.uuid({ error: 'must be a UUID' }).optional(),
  title: requiredText,
  originalTitle: optionalText,
  sortTitle: optionalText,
  year: year.nullable().default(null),
  runtimeMinutes: z.int({ error: 'expected whole minutes' }).min(1).max(10_000).nullable().default(null),
  genres: textList,
  directors: textList,
  trailer: linkSchema.nullable().default(null),
  ratings: list(ratingSchema),
  externalIds: externalIdsSchema,
  quip: optionalText,
  synopsis: list(sectionSchema),
  spoilers: list(sectionSchema),
  cast: list(castMemberSchema),
  crew: list(creditSchema),
  quotes: list(quoteSchema),
  boxOffice: boxOfficeSchema.default({ budget: null, domestic: null, worldwide: null }),
  personalReview: personalReviewSchema.nullable().default(null),
  criticReviews: list(criticReviewSchema),
  audienceReactions: list(audienceReactionSchema),
  consensus: optionalText,
  awards: list(awardSchema),
  trivia: textList,
  whereToWatch: whereToWatchSchema.nullable().default(null),
  similar: list(similarFilmSchema),
  products: list(productSchema),
  soundtrack: soundtrackSchema.nullable().default(null),
  faq: list(faqSchema),
  bonus: list(bonusSchema),
  userRating: z
    .number()
    .min(0)
    .max(10)
    .multipleOf(0.5, { error: 'must be in halves from 0 to 10' })
    .nullable()
    .default(null),
  watched: list(watchSchema),
  copies: list(copySchema),
  loans: list(loanSchema),
  tags: textList,
  notes: optionalText,
  poster: posterSchema.nullable().default(null),
  addedAt: timestamp.optional(),
  updatedAt: timestamp.optional(),
};

/** A film as it arrives from outside (a file, the editor, IPC): id and timestamps may be missing. */
export const filmInputSchema = z.strictObject(filmFields).superRefine((film, ctx) => {
  const openLoans = new Set<number>();
  film.loans.forEach((loan, index) => {
    if (loan.copyIndex !== null && loan.copyIndex >= film.copies.length) {
      ctx.addIssue({
        code: 'custom',
        path: ['loans', index, 'copyIndex'],
        message: `names copy ${loan.copyIndex + 1} but the film has ${film.copies.length} ${film.copies.length === 1 ? 'copy' : 'copies'}`,
      });
    }
    if (loan.copyIndex !== null && loan.returnedOn === null) {
      if (openLoans.has(loan.copyIndex)) {
        ctx.addIssue({
          code: 'custom',
          path: ['loans', index],
          message: `copy ${loan.copyIndex + 1} is already on loan (at most one open loan per copy)`,
        });
      }
      openLoans.add(loan.copyIndex);
    }
  });
});

export type FilmInput = z.input<typeof filmInputSchema>;
export type ParsedFilm = z.output<typeof filmInputSchema>;
/** A film as the library holds it: every key present, id, sort title and timestamps set. */
export type Film = Omit<ParsedFilm, 'id' | 'sortTitle' | 'addedAt' | 'updatedAt'> & {
  id: string;
  sortTitle: string;
  addedAt: string;
  updatedAt: string;
};
export type Money = z.output<typeof moneySchema>;
export type Rating = z.output<typeof ratingSchema>;
export type CastMember = z.output<typeof castMemberSchema>;
export type Credit = z.output<typeof creditSchema>;
export type Quote = z.output<typeof quoteSchema>;
export type Section = z.output<typeof sectionSchema>;
export type Award = z.output<typeof awardSchema>;
export type Provider = z.output<typeof providerSchema>;
export type SimilarFilm = z.output<typeof similarFilmSchema>;
export type Product = z.output<typeof productSchema>;
export type Track = z.output<typeof trackSchema>;
export type Faq = z.output<typeof faqSchema>;
export type Bonus = z.output<typeof bonusSchema>;
export type Watch = z.output<typeof watchSchema>;
export type Copy = z.output<typeof copySchema>;
export type Loan = z.output<typeof loanSchema>;
export type CriticReview = z.output<typeof criticReviewSchema>;
export type AudienceReaction = z.output<typeof audienceReactionSchema>;
export type PersonalReview = z.output<typeof personalReviewSchema>;

export const LIBRARY_FORMAT = 'filmfolio-library';
export const LIBRARY_VERSION = 1;

/** The library file: `{format, version, exportedAt, films}`. */
export const libraryFileSchema = z.strictObject({
  format: z.literal(LIBRARY_FORMAT),
  version: z.literal(LIBRARY_VERSION),
  exportedAt: timestamp.optional(),
  films: z.array(filmInputSchema),
});
