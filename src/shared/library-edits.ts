import { z } from 'zod';
import { requiredText, type Loan } from './film-schema';

/**
 * The argument schemas and result types of the editor's channels beyond create/update: the trash,
 * loans, suggestions for token inputs, and bulk edit of a browse selection.
 */

const filmId = z.uuid({ error: 'must be a film id (a UUID)' });
const isoDate = z.iso.date({ error: 'must be a date like 2024-05-31' });

/** Several films at once, e.g. a selection in browse. */
export const filmIdsSchema = z
  .array(filmId)
  .min(1, { error: 'choose at least one film' })
  .max(100_000, { error: 'at most 100,000 films at once' });

/** A film in the trash, as the trash view lists it. */
export type TrashedFilm = { id: string; title: string; year: number | null; deletedAt: string };
export type TrashPage = { total: number; offset: number; films: TrashedFilm[] };

export const trashQuerySchema = z.strictObject({
  offset: z.int().min(0).default(0),
  limit: z.int().min(1).max(500).default(100),
});
export type TrashQuery = z.input<typeof trashQuerySchema>;

/** What a token input or a name field can ask the library to suggest. */
export const suggestionKinds = ['genre', 'tag', 'person', 'borrower', 'medium', 'location'] as const;
export type SuggestionKind = (typeof suggestionKinds)[number];

export const suggestQuerySchema = z.strictObject({
  kind: z.enum(suggestionKinds),
  prefix: z.string().max(200).default(''),
  limit: z.int().min(1).max(50).default(10),
});
export type SuggestQuery = z.input<typeof suggestQuerySchema>;

/** Lend one copy of a film: the copy is `copies[copyIndex]`. */
export const lendSchema = z.strictObject({
  filmId,
  copyIndex: z.int().min(0),
  borrower: requiredText,
  lentOn: isoDate,
  dueOn: isoDate.nullable().default(null),
});
export type LendRequest = z.input<typeof lendSchema>;

/** Mark a loan returned: the loan is `loans[loanIndex]`. */
export const returnSchema = z.strictObject({ filmId, loanIndex: z.int().min(0), returnedOn: isoDate });
export type ReturnRequest = z.input<typeof returnSchema>;

const termList = z.array(requiredText).max(50).default([]);

/** One change applied to many films: tags and genres added or removed, medium/location/seen set. */
export const bulkEditSchema = z.strictObject({
  filmIds: filmIdsSchema,
  addGenres: termList,
  removeGenres: termList,
  addTags: termList,
  removeTags: termList,
  /** Sets the medium of every copy; a film without a copy gets one. */
  medium: requiredText.max(100).nullable().default(null),
  /** Sets the location of every copy (films without a copy need a medium too). */
  location: requiredText.max(500).nullable().default(null),
  /** true adds an undated viewing to films never seen; false clears the watched diary. */
  seen: z.boolean().nullable().default(null),
});
export type BulkEdit = z.input<typeof bulkEditSchema>;
export type ParsedBulkEdit = z.output<typeof bulkEditSchema>;

/** What a bulk edit did: films changed, films already as asked, and what could not be applied. */
export type BulkEditResult = {
  changed: number;
  unchanged: number;
  notApplied: { id: string; title: string; reason: string }[];
};

/** The index of the open (not returned) loan of a copy, or -1. */
export function openLoanIndex(loans: readonly Loan[], copyIndex: number): number {
  return loans.findIndex((loan) => loan.copyIndex === copyIndex && loan.returnedOn === null);
}

/** A loan is overdue when its due date has passed and it is not returned. `today` is YYYY-MM-DD. */
export function isOverdue(loan: Loan, today: string): boolean {
  return loan.returnedOn === null && loan.dueOn !== null && loan.dueOn < today;
}
