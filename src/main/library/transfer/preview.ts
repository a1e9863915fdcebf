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

/** One incoming film in a preview: what the window shows, plus its id and its match. */
export type IncomingFilm = Omit<IncomingFilmRow, 'action'> & {
  /** The film's id: its own, or the one the preview gave a new film (null when rejected, or a duplicate without one). */
  filmId: string | null;
  /**
   * The checked film, kept while the films kept stay within the preview's budget (keepFilmBytes),
   * and always when it matches a film in the library (to compare and merge with it). The others
   * are read again from their source when written (readCheckedFilms).
   */
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
  /** The sources as read, to read the films again from when they are written. */
  read: readonly ReadSource[];
};

export type PreviewOptions = {
  signal?: AbortSignal;
  onProgress?: ReadProgress;
  /** At most this many bytes of films (as their source holds them) kept checked; default KEEP_FILM_BYTES. */
  keepFilmBytes?: number;
};

/**
 * How much of an import a preview keeps in memory, checked and ready to write: 256 MB of library
 * file, about 16,000 films as rich as the seed page, 95,000 of 100,000 light ones. Films past
 * it are read and checked again from their file as they are written, so memory stops growing with
 * the file: that costs time (the 10,000 full films of the bench, all read again: a write 2.1–2.3 s
 * longer, for a preview 0.6 s shorter and 130 MB less memory), so it is kept for files too large
 * to hold (100,000 full films are 1.6 GB of JSON).
 */
export const KEEP_FILM_BYTES = 256 * 1024 * 1024;

const COMPARE_BATCH = 20;

/** A film read from its source checked: by the film schema, and its poster as the app checks one saved. */
function checkedFilm(raw: RawFilm, prefix: PropertyKey[]) {
  const checked = raw.problems.length > 0 ? null : checkFilm(raw.value, prefix);
  const film = checked?.film ?? null;
  // The same checks a poster saved in the app gets: a real image of the type it claims, not huge.
  const poster = film?.poster ? posterProblem(film.poster) : null;
  if (poster) checked?.problems.push({ path: `${raw.place}.poster`, message: poster });
  return { checked, film: poster ? null : film };
}

/** Where a source's film is in the file, for the film schema's problems. */
const prefixOf = (source: ReadSource, position: number) =>
  source.kind === 'library' ? ['films', position] : [];

function incomingFrom(raw: RawFilm, source: string, index: number, prefix: PropertyKey[]) {
  const { checked, film } = checkedFilm(raw, prefix);
  const rawRecord =
    typeof raw.value === 'object' && raw.value !== null ? (raw.value as Record<string, unknown>) : {};
  const incoming: IncomingFilm = {
    index,
    source,
    place: raw.place,
    title: film?.title ?? (typeof rawRecord.title === 'string' ? rawRecord.title : null),
    year: film?.year ?? (typeof rawRecord.year === 'number' ? rawRecord.year : null),
    status: film ? 'new' : 'rejected',
    match: null,
    matchKey: null,
    repeatOf: null,
    problems: [...raw.problems, ...(checked?.problems ?? [])],
    warnings: [...raw.warnings, ...(checked?.warnings ?? [])],
    filmId: null,
    film: null,
  };
  return { incoming, film };
}

/**
 * Two films of one import with the same id cannot both be written: the later one is rejected.
 * Answers whether `incoming` was.
 */
function rejectRepeatedId(firstWithId: Map<string, IncomingFilm>, incoming: IncomingFilm, film: ParsedFilm) {
  const id = film.id;
  if (!id) return false;
  const first = firstWithId.get(id);
  if (!first) {
    firstWithId.set(id, incoming);
    return false;
  }
  incoming.status = 'rejected';
  incoming.problems.push({
    path: `${incoming.place}.id`,
    message: `is the same id as ${first.place}${first.source === incoming.source ? '' : ` of ${first.source}`}; each film needs its own id (remove one of them, or remove this id to import it as another film)`,
  });
  return true;
}

/**
 * Matches a film against the library, and a film without an id of its own also against the films
 * before it in this import (two films with different ids are two records, even with one title). A
 * film without an id gets one here, so the preview can name it and a repeat can point to it. Each
 * film is matched as it is read: the finder only ever looks back.
 */
function findDuplicate(
  finder: DuplicateFinder,
  films: readonly IncomingFilm[],
  incoming: IncomingFilm,
  film: ParsedFilm,
): void {
  const titleKey = titleYearKey(film.title, film.year);
  let found = finder.find(film, titleKey);
  if (found && found.stored.key < 0 && film.id) found = null;
  if (!found) {
    film.id ??= randomUUID();
    const { id, title, year } = film;
    incoming.filmId = id;
    finder.remember(film, { key: -1 - incoming.index, id, title, year }, titleKey);
    return;
  }
  const { stored, by, detail } = found;
  incoming.status = 'duplicate';
  incoming.filmId = film.id ?? null;
  // A repeat of a film before it in this import: that film is its match, and there is nothing stored.
  const first = stored.key < 0 ? (films[-1 - stored.key] as IncomingFilm) : null;
  incoming.match = {
    filmId: stored.id,
    title: stored.title,
    year: stored.year,
    by,
    detail: first ? `${detail} as ${first.place} of this import` : detail,
  } satisfies FilmMatch;
  if (first) {
    incoming.repeatOf = first.index;
    return;
  }
  incoming.film = film;
  incoming.matchKey = stored.key;
}

/**
 * The films of `preview` that `wanted` picks, in order, read again from their sources and checked
 * as the preview checked them, each with the id the preview gave it. A film that no longer passes
 * (its source changed, which a file's size and time would show first) refuses the import.
 */
export async function* readCheckedFilms(
  preview: ImportPreview,
  wanted: (incoming: IncomingFilm) => boolean,
): AsyncGenerator<{ incoming: IncomingFilm; film: ParsedFilm }> {
  let first = 0;
  for (const source of preview.read) {
    const incomingAt = (position: number) => preview.films[first + position] as IncomingFilm;
    for await (const raw of source.films((position) => wanted(incomingAt(position)))) {
      const incoming = incomingAt(raw.position);
      const { film } = checkedFilm(raw, prefixOf(source, raw.position));
      if (!film || incoming.place !== raw.place) {
        throw new LibraryFileError(source.path, 'changed since the preview; preview the import again');
      }
      if (incoming.filmId !== null) film.id = incoming.filmId;
      yield { incoming, film };
    }
    first += source.filmCount;
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
  const finder = new DuplicateFinder(library.sqlite);
  const firstWithId = new Map<string, IncomingFilm>();
  let keepBytes = options.keepFilmBytes ?? KEEP_FILM_BYTES;
  for (const source of read) {
    const total = source.filmCount;
    sources.push({ path: source.path, kind: source.kind, bytes: source.bytes, films: total });
    warnings.push(...source.warnings.map((w) => ({ path: `${source.path}: ${w.path}`, message: w.message })));
    // Each film is parsed and checked in one step, so its raw JSON is garbage before the next.
    for await (const raw of source.films()) {
      const { incoming, film } = incomingFrom(raw, source.path, films.length, prefixOf(source, raw.position));
      if (film && !rejectRepeatedId(firstWithId, incoming, film)) {
        findDuplicate(finder, films, incoming, film);
        if (raw.bytes <= keepBytes && incoming.film === null) incoming.film = film;
        if (incoming.film) keepBytes -= raw.bytes;
      }
      films.push(incoming);
      if (!pacer.due()) continue;
      options.onProgress?.(raw.position + 1, total, 'checking');
      await pacer.pause();
      checkCancelled(options.signal, 'import');
    }
    options.onProgress?.(total, total, 'checking');
  }
  await findUnchanged(library, films, options);
  return { id: randomUUID(), libraryPath: library.path, sources, films, warnings, read };
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
  const films: IncomingFilmRow[] = preview.films.map(
    ({ film: _film, matchKey: _key, filmId: _id, ...row }) => ({
      ...row,
      action: actionFor(row, resolved),
    }),
  );
  return {
    previewId: preview.id,
    libraryPath: preview.libraryPath,
    sources: preview.sources,
    counts: countActions(films),
    films,
    warnings: preview.warnings,
  };
}
