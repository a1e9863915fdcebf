import { z } from 'zod';
import { listQuerySchema } from './browse';
import type { Problem } from './contract';

/**
 * Library files in and out, as the window and the command line see them: what an import preview
 * shows, what the user decides about duplicates, what an export covers. The work itself is in
 * src/main/library/transfer.
 */

/** What to do with an incoming film that is already in the library. */
export const duplicateRules = ['skip', 'replace', 'merge', 'keep-both'] as const;
export type DuplicateRule = (typeof duplicateRules)[number];
export const duplicateRuleSchema = z.enum(duplicateRules);

/** One rule for the whole import, and per-film exceptions keyed by the film's index in the preview. */
export const importDecisionsSchema = z.strictObject({
  rule: duplicateRuleSchema.default('skip'),
  overrides: z
    .record(z.string().regex(/^\d+$/, { error: 'must be a film index' }), duplicateRuleSchema)
    .default({}),
  /** Import the valid films even though some were rejected (the preview listed them). */
  skipRejected: z.boolean().default(false),
});
export type ImportDecisions = z.input<typeof importDecisionsSchema>;

/** How a duplicate was recognised, in order of trust. */
export type MatchReason = 'id' | 'external-id' | 'title-year';

/** The stored film an incoming one duplicates. */
export type FilmMatch = {
  filmId: string;
  title: string;
  year: number | null;
  by: MatchReason;
  /** In words: `same IMDb id tt6214968`, `same title and year`. */
  detail: string;
};

/** new: not in the library; duplicate: in it and different; unchanged: in it and equal; rejected: invalid. */
export type IncomingStatus = 'new' | 'duplicate' | 'unchanged' | 'rejected';
/** What the import will do with one incoming film. */
export type ImportAction = 'add' | 'replace' | 'merge' | 'keep-both' | 'skip' | 'reject';

export type IncomingFilmRow = {
  /** Position in the whole import, across files: the key of a per-film override. */
  index: number;
  /** The file it came from. */
  source: string;
  /** Where in that file: `films[12]`, or `fact page`. */
  place: string;
  title: string | null;
  year: number | null;
  status: IncomingStatus;
  /** The stored film this one duplicates, or for `repeatOf`, the earlier film of this import. */
  match: FilmMatch | null;
  /** Index of an earlier film of this same import that this one repeats; it is imported once, unless kept both. */
  repeatOf: number | null;
  action: ImportAction;
  problems: Problem[];
  warnings: Problem[];
};

export type ImportCounts = {
  total: number;
  new: number;
  updated: number;
  unchanged: number;
  skipped: number;
  keptBoth: number;
  rejected: number;
  duplicates: number;
};

export type SourceKind = 'library' | 'fact-page';
export type ImportSourceSummary = { path: string; kind: SourceKind; bytes: number; films: number };

/** What the user sees before anything is written. */
export type ImportPreviewSummary = {
  previewId: string;
  libraryPath: string;
  sources: ImportSourceSummary[];
  counts: ImportCounts;
  films: IncomingFilmRow[];
  /** Problems of a whole file that did not stop it (unknown top-level fields, a bad exportedAt). */
  warnings: Problem[];
};

/** What an import wrote. */
export type ImportResult = {
  counts: ImportCounts;
  /** Ids of the films added or changed, to open what was imported. */
  filmIds: string[];
  /** The copy of the library taken before writing, or null when there was nothing to lose. */
  backupPath: string | null;
};

export const exportScopeSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('all') }),
  z.strictObject({ kind: z.literal('query'), query: listQuerySchema }),
  z.strictObject({ kind: z.literal('ids'), ids: z.array(z.uuid()).max(1_000_000) }),
]);
/** Whole library, the current search/filter result, or a selection. */
export type ExportScope = z.input<typeof exportScopeSchema>;

export const exportRequestSchema = z.strictObject({
  path: z.string().min(1),
  scope: exportScopeSchema.default({ kind: 'all' }),
  images: z.boolean().default(true),
});
export type ExportRequest = z.input<typeof exportRequestSchema>;

export type ExportResult = { path: string; films: number; bytes: number };

/** Progress of a long job, polled by the window: `done` of `total` in the current phase. */
export type TransferProgress = {
  phase: 'reading' | 'checking' | 'backing-up' | 'writing' | 'done' | 'failed' | 'cancelled';
  done: number;
  total: number;
};
