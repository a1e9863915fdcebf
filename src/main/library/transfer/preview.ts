import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { Problem } from '../../../shared/contract';
import type { ParsedFilm } from '../../../shared/film-schema';
import {
  importDecisionsSchema,
  type DuplicateRule,
  type FilmMatch,
  type ImportAction,
  type ImportCounts,
  type ImportDecisions,
  type ImportPreviewSummary,
  type ImportSourceSummary,
  type IncomingFilmRow,
  type IncomingStatus,
} from '../../../shared/transfer';
import type { Library } from '../index';
import { posterProblem } from '../posters';
import { readFilms } from '../read-films';
import { checkFilm } from './check-film';
import { sameFilmContent } from './compare-films';
import { DuplicateFinder, titleYearKey } from './duplicates';
import { checkCancelled, LibraryFileError, LibraryFilesError } from './errors';
import { Pacer } from './pacing';
import {
  readImportSource,
  type ImportInput,
  type RawFilm,
  type ReadProgress,
  type ReadSource,
} from './read-source';

/** One incoming film in a preview: what the window shows, plus the checked film and its match. */
export type IncomingFilm = Omit<IncomingFilmRow, 'action'> & {
  film: ParsedFilm | null;
  /** The stored film's key when it is a duplicate (valid while the library is unchanged). */
  matchKey: number | null;
};

/** Everything read and checked, nothing written. Held by the caller until the user confirms. */
export type ImportPreview = {
  id: string;
  libraryPath: string;
  sources: ImportSourceSummary[];
  films: IncomingFilm[];
  warnings: Problem[];
};

export type PreviewOptions = { signal?: AbortSignal; onProgress?: ReadProgress };

const COMPARE_BATCH = 20;

function incomingFrom(raw: RawFilm, source: string, index: number, prefix: PropertyKey[]): IncomingFilm {
  const checked = raw.problems.length > 0 ? null : checkFilm(raw.value, prefix);
  const rawRecord =
    typeof raw.value === 'object' && raw.value !== null ? (raw.value as Record<string, unknown>) : {};
  const film = checked?.film ?? null;
  // The same checks a poster saved in the app gets: a real image of the type it claims, not huge.
  const poster = film?.poster ? posterProblem(film.poster) : null;
  if (poster) checked?.problems.push({ path: `${raw.place}.poster`, message: poster });
  return {
    index,
    source,
    place: raw.place,
    title: film?.title ?? (typeof rawRecord.title === 'string' ? rawRecord.title : null),
    year: film?.year ?? (typeof rawRecord.year === 'number' ? rawRecord.year : null),
    status: film && !poster ? 'new' : 'rejected',
    match: null,
    matchKey: null,
    repeatOf: null,
    problems: [...raw.problems, ...(checked?.problems ?? [])],
    warnings: [...raw.warnings, ...(checked?.warnings ?? [])],
    film: poster ? null : film,
  };
}

/** Two films of one import with the same id cannot both be written: the later one is rejected. */
function rejectRepeatedIds(films: IncomingFilm[]): void {
  const firstWithId = new Map<string, IncomingFilm>();
  for (const incoming of films) {
    const id = incoming.film?.id;
    if (!id) continue;
    const first = firstWithId.get(id);
    if (!first) {
      firstWithId.set(id, incoming);
      continue;
    }
    incoming.status = 'rejected';
    incoming.film = null;
    incoming.problems.push({
      path: `${incoming.place}.id`,
      message: `is the same id as ${first.place}${first.source === incoming.source ? '' : ` of ${first.source}`}; each film needs its own id (remove one of them, or remove this id to import it as another film)`,
    });
  }
}

/**
 * Matches each film against the library, and a film without an id of its own also against the
 * films before it in this import (two films with different ids are two records, even with one
 * title). A film without an id gets one here, so the preview can name it and a repeat can point to it.
 */
function findDuplicates(library: Library, films: IncomingFilm[]): void {
  const finder = new DuplicateFinder(library.sqlite);
  for (const incoming of films) {
    if (!incoming.film) continue;
    const titleKey = titleYearKey(incoming.film.title, incoming.film.year);
    let found = finder.find(incoming.film, titleKey);
    if (found && found.stored.key < 0 && incoming.film.id) found = null;
    if (!found) {
      incoming.film.id ??= randomUUID();
      const { id, title, year } = incoming.film;
      finder.remember(incoming.film, { key: -1 - incoming.index, id, title, year }, titleKey);
      continue;
    }
    const { stored, by, detail } = found;
    incoming.status = 'duplicate';
    if (stored.key < 0) {
      const first = films[-1 - stored.key] as IncomingFilm;
      incoming.repeatOf = first.index;
      incoming.match = {
        filmId: stored.id,
        title: stored.title,
        year: stored.year,
        by,
        detail: `${detail} as ${first.place} of this import`,
      };
      continue;
    }
    incoming.matchKey = stored.key;
    incoming.match = {
      filmId: stored.id,
      title: stored.title,
      year: stored.year,
      by,
      detail,
    } satisfies FilmMatch;
  }
}

/** Marks duplicates equal to their stored film as unchanged, reading stored films a batch at a time. */
async function findUnchanged(
  library: Library,
  films: IncomingFilm[],
  options: PreviewOptions,
): Promise<void> {
  const duplicates = films.filter(
    (incoming) => incoming.status === 'duplicate' && incoming.matchKey !== null,
  );
  const pacer = new Pacer();
  for (let start = 0; start < duplicates.length; start += COMPARE_BATCH) {
    checkCancelled(options.signal, 'import');
    const batch = duplicates.slice(start, start + COMPARE_BATCH);
    const stored = readFilms(
      library.sqlite,
      batch.map((incoming) => incoming.matchKey as number),
    );
    const byId = new Map(stored.map((film) => [film.id, film]));
    for (const incoming of batch) {
      const film = byId.get(incoming.match?.filmId ?? '');
      if (film && incoming.film && sameFilmContent(incoming.film, film)) incoming.status = 'unchanged';
    }
    options.onProgress?.(start + batch.length, duplicates.length, 'checking');
    await pacer.pause();
  }
}

/** Reads every source; when some cannot be read, throws one error naming each of them. */
async function readAll(inputs: readonly ImportInput[], options: PreviewOptions): Promise<ReadSource[]> {
  const sources: ReadSource[] = [];
  const errors: LibraryFileError[] = [];
  for (const input of inputs) {
    try {
      sources.push(await readImportSource(input, options));
    } catch (error) {
      if (!(error instanceof LibraryFileError)) throw error;
      errors.push(error);
    }
  }
  if (errors.length === 1) throw errors[0] as LibraryFileError;
  if (errors.length > 1) throw new LibraryFilesError(errors);
  return sources;
}

/**
 * Reads one or more files (library JSON or fact pages), validates every film, and finds new,
 * duplicate, unchanged and rejected films. Writes nothing. A file that cannot be read at all
 * throws LibraryFileError; problems of single films are in the preview.
 */
export async function previewImport(
  library: Library,
  input: ImportInput | readonly ImportInput[],
  options: PreviewOptions = {},
): Promise<ImportPreview> {
  const inputs = Array.isArray(input) ? input : [input as ImportInput];
  const sources: ImportSourceSummary[] = [];
  const films: IncomingFilm[] = [];
  const warnings: Problem[] = [];
  const read = await readAll(inputs, options);
  const pacer = new Pacer();
  for (const source of read) {
    const total = source.filmCount;
    sources.push({ path: source.path, kind: source.kind, bytes: source.bytes, films: total });
    warnings.push(...source.warnings.map((w) => ({ path: `${source.path}: ${w.path}`, message: w.message })));
    // Each film is parsed and checked in one step, so its raw JSON is garbage before the next.
    let position = 0;
    for await (const raw of source.films()) {
      const prefix = source.kind === 'library' ? ['films', position] : [];
      films.push(incomingFrom(raw, source.path, films.length, prefix));
      position += 1;
      if (!pacer.due()) continue;
      options.onProgress?.(position, total, 'checking');
      await pacer.pause();
      checkCancelled(options.signal, 'import');
    }
    options.onProgress?.(total, total, 'checking');
  }
  rejectRepeatedIds(films);
  findDuplicates(library, films);
  await findUnchanged(library, films, options);
  return { id: randomUUID(), libraryPath: library.path, sources, films, warnings };
}

export type ResolvedDecisions = z.output<typeof importDecisionsSchema>;

/** What the decisions do with one incoming film. */
export function actionFor(
  incoming: Pick<IncomingFilm, 'index' | 'status' | 'repeatOf'>,
  { rule, overrides }: ResolvedDecisions,
): ImportAction {
  const override: DuplicateRule | undefined = overrides[String(incoming.index)];
  // A repeat within the import has nothing stored to replace or merge into: it is added once.
  if (incoming.repeatOf !== null) return (override ?? rule) === 'keep-both' ? 'keep-both' : 'skip';
  const statusActions: Record<IncomingStatus, () => ImportAction> = {
    rejected: () => 'reject',
    new: () => 'add',
    // An identical film is only ever added again when the user asks for that film by name.
    unchanged: () => (override === 'keep-both' ? 'keep-both' : 'skip'),
    duplicate: () => override ?? rule,
  };
  return statusActions[incoming.status]();
}

/** Counts of what an import with these decisions will do. */
export function countActions(rows: readonly Pick<IncomingFilmRow, 'status' | 'action'>[]): ImportCounts {
  const counts: ImportCounts = {
    total: rows.length,
    new: 0,
    updated: 0,
    unchanged: 0,
    skipped: 0,
    keptBoth: 0,
    rejected: 0,
    duplicates: 0,
  };
  for (const { status, action } of rows) {
    if (status === 'duplicate' || status === 'unchanged') counts.duplicates += 1;
    if (status === 'unchanged' && action === 'skip') counts.unchanged += 1;
    else if (action === 'add') counts.new += 1;
    else if (action === 'replace' || action === 'merge') counts.updated += 1;
    else if (action === 'keep-both') counts.keptBoth += 1;
    else if (action === 'skip') counts.skipped += 1;
    else counts.rejected += 1;
  }
  return counts;
}

/** The preview as the window and `--json` show it: no film bodies, every row with its action. */
export function summarizePreview(
  preview: ImportPreview,
  decisions: ImportDecisions = {},
): ImportPreviewSummary {
  const resolved = importDecisionsSchema.parse(decisions);
  const films: IncomingFilmRow[] = preview.films.map(({ film: _film, matchKey: _key, ...row }) => ({
    ...row,
    action: actionFor(row, resolved),
  }));
  return {
    previewId: preview.id,
    libraryPath: preview.libraryPath,
    sources: preview.sources,
    counts: countActions(films),
    films,
    warnings: preview.warnings,
  };
}
