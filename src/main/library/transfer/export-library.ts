import { randomUUID } from 'node:crypto';
import { open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type Database from 'better-sqlite3';
import { FILM_KEYS } from '../../../shared/film';
import type { Film } from '../../../shared/film-schema';
import type { ExportResult, ExportScope } from '../../../shared/transfer';
import { pageCacheBytes } from '../database';
import { prepared } from '../film-rows';
import type { Library } from '../index';
import { posterBytes, posterBytesInKeyRange, readFilms, readFilmsInKeyRange } from '../read-films';
import { syncFolderOf } from '../sqlite-files';
import { checkCancelled } from './errors';
import { yieldToEventLoop, type ProgressCallback } from './pacing';
import { filmsInScope, latestUpdate } from './export-scope';
import { FileWriter } from './file-writer';
import { libraryFooter, libraryHeader } from './library-json';

type Sqlite = Database.Database;

export type ExportOptions = {
  scope?: ExportScope;
  /** Include posters (default). Without them every film says `"poster": null`. */
  images?: boolean;
  signal?: AbortSignal;
  /**
   * `(done, total)` in films written. Read in key order, reading the films and assembling the file
   * each count for half of them.
   */
  onProgress?: ProgressCallback;
  /**
   * Defaults to the newest `updatedAt` among the exported films: the moment the file's contents
   * were last true. Two exports of unchanged films are then byte-identical.
   */
  exportedAt?: string | null;
  /**
   * Read films in key order through a temp file (see writeFilmsByKey) rather than in file order.
   * Left out, the export decides by the scope's size; tests set it to compare both paths.
   */
  keyOrder?: boolean;
};

/**
 * Text a batch of films may come to (in UTF-16 code units, about bytes): ~24 light films, ~4 full
 * ones, one with a large poster. A batch is read in 20 queries whatever its size, and costs no more
 * per film at 20 films than at 1,000; kept this small, everything it allocates dies young, so the
 * garbage collector stays cheap and memory stays flat however large the library.
 */
const BATCH_TEXT = 256 * 1024;
/** Films a batch holds at most, however small their text. */
const MAX_BATCH = 1000;
/** Text per film assumed until the first batch is measured (a light film is ~2.7 KB). */
const FIRST_ESTIMATE = 4 * 1024;
/**
 * The page cache (KiB) the export reads through. One pass over the library gains little from a
 * larger one, and the connection's own (64 MiB) would fill as the export reads and stay full:
 * memory that grows with the library. Lowered for the export, put back after.
 */
const EXPORT_CACHE_KIB = 8 * 1024;

/** The text a poster of `bytes` adds to a film: its base64 (the `data:` prefix is negligible). */
const posterChars = (bytes: number) => Math.ceil(bytes / 3) * 4;

/**
 * The next batch from `candidates`: films while their estimated text (a film's text without its
 * poster, plus the posters actually there) fits the budget; always at least one.
 */
function takeBatch(
  candidates: readonly number[],
  posters: ReadonlyMap<number, number>,
  perFilm: number,
): number[] {
  let chars = 0;
  for (let index = 0; index < candidates.length; index += 1) {
    chars += perFilm + posterChars(posters.get(candidates[index] as number) ?? 0);
    if (chars > BATCH_TEXT && index > 0) return candidates.slice(0, index);
  }
  return candidates.slice();
}

const FILMS_OPEN = '{\n  "films": [\n';
const FILMS_CLOSE = '\n  ]\n}';

/** The film itself when its keys are in the record's order (as readFilms builds them), else a reordered copy. */
function inRecordOrder(film: Film): Film {
  const keys = Object.keys(film);
  if (keys.length === FILM_KEYS.length && keys.every((key, index) => key === FILM_KEYS[index])) return film;
  return Object.fromEntries(FILM_KEYS.map((key) => [key, film[key]])) as Film;
}

/**
 * Films at their place in the list, joined by `,\n`: exactly `films.map(filmText).join(',\n')`,
 * in one native call (a third of the time). Inside `{"films": [...]}`, JSON.stringify indents each
 * film as deep as a library file does, so the list's text is the films' text.
 */
export function filmsText(films: readonly Film[]): string {
  if (films.length === 0) return '';
  const text = JSON.stringify({ films: films.map(inRecordOrder) }, null, 2);
  return text.slice(FILMS_OPEN.length, -FILMS_CLOSE.length);
}

/** Runs `work` with the connection's page cache lowered to `kib` (when larger), then puts it back. */
async function withPageCacheAtMost<T>(sqlite: Sqlite, kib: number, work: () => Promise<T>): Promise<T> {
  if (pageCacheBytes(sqlite) <= kib * 1024) return work();
  const before = sqlite.pragma('cache_size', { simple: true }) as number;
  sqlite.pragma(`cache_size = ${-kib}`);
  try {
    return await work();
  } finally {
    sqlite.pragma(`cache_size = ${before}`);
  }
}

/**
 * Text turned out in one call at most (in UTF-16 code units, about bytes), well below V8's
 * largest young object (128 KB; a string with one character beyond Latin-1 takes two bytes a
 * unit). A batch's text made in one call (256 KB or more) was born in V8's large-object space,
 * which only a full garbage collection empties.
 */
const TEXT_PIECE = 32 * 1024;

/**
 * Between two films in a batch's text. JSON.stringify escapes every newline inside a string, so a
 * raw newline is always indentation, and a line of four spaces then `}` only ever closes a film.
 */
const BETWEEN_FILMS = Buffer.from('\n    },\n    {');

/** A batch's films as bytes, ready for the file; nothing of the films themselves. */
type BatchBytes = {
  /** The films' text a piece at a time; joined by `,\n`, the pieces are the batch's filmsText. */
  pieces: Buffer[];
  /** Each film's text: where it starts, in bytes from the first piece's start (pieces laid end to end). */
  starts: number[];
  /** … and how many bytes it takes. */
  lengths: number[];
  /** How many films. */
  count: number;
  /** The films' keys, in order, when the read gave them (readFilmsInKeyRange). */
  keys: readonly number[];
  /** The text's length in UTF-16 code units (what a batch's size is estimated in). */
  chars: number;
  /** The newest updatedAt among the films. */
  latest: string | null;
};

/**
 * Turns a batch's films into bytes: consecutive films (by the estimate of a film's text) within
 * TEXT_PIECE are made text in one call, or one film larger than it. Synchronous, so the films, the
 * rows they were read from and their text are garbage before the caller next waits (for the
 * file): a scavenge that runs during that wait then finds only the bytes' small handles alive
 * (their bytes are outside V8's heap). Exporting 100,000 light films, batches made text in one
 * call and written while their films were still alive made the heap grow by 11–16 MB every
 * quarter second in some runs (the scavenges moving a megabyte of a batch's objects into the old
 * generation each time, until a full collection), the process's peak memory 120 MB in one run and
 * 170 MB in the next.
 */
function batchBytes(
  read: () => { films: readonly Film[]; keys?: readonly number[] },
  perFilm: number,
): BatchBytes {
  const { films, keys = [] } = read();
  const batch: BatchBytes = {
    pieces: [],
    starts: [],
    lengths: [],
    count: films.length,
    keys,
    chars: 0,
    latest: null,
  };
  for (const film of films)
    if (batch.latest === null || film.updatedAt > batch.latest) batch.latest = film.updatedAt;
  const size = Math.max(1, Math.floor(TEXT_PIECE / perFilm));
  let offset = 0;
  for (let first = 0; first < films.length; first += size) {
    const piece = films.slice(first, first + size);
    const text = filmsText(piece);
    const bytes = Buffer.from(text);
    let from = 0;
    for (let i = 0; i < piece.length; i += 1) {
      const at = bytes.indexOf(BETWEEN_FILMS, from);
      const end = at === -1 ? bytes.length : at + 6;
      batch.starts.push(offset + from);
      batch.lengths.push(end - from);
      from = end + 2;
    }
    batch.pieces.push(bytes);
    batch.chars += text.length;
    offset += bytes.length;
  }
  return batch;
}

/** The next batch's estimate of a film's text, from this batch's: its text less its posters', per film. */
function nextEstimate(batch: BatchBytes, keys: readonly number[], posters: ReadonlyMap<number, number>) {
  let postersText = 0;
  for (const key of keys) postersText += posterChars(posters.get(key) ?? 0);
  return Math.max(1, (batch.chars - postersText) / batch.count);
}

/**
 * Writes the films a batch at a time: read in 20 queries, turned into bytes (batchBytes), gathered
 * into megabyte writes. A batch is sized by what its films hold (their text so far, the posters
 * actually there), so a library without posters never pays for posters it might have had.
 */
async function writeFilms(
  out: FileWriter,
  library: Library,
  keys: readonly number[],
  options: ExportOptions,
): Promise<number> {
  const images = options.images !== false;
  let written = 0;
  let perFilm = FIRST_ESTIMATE;
  for (let start = 0; start < keys.length;) {
    checkCancelled(options.signal, 'export');
    const size = Math.min(MAX_BATCH, Math.max(1, Math.floor(BATCH_TEXT / perFilm)));
    const candidates = keys.slice(start, start + size);
    const posters = images ? posterBytes(library.sqlite, candidates) : new Map<number, number>();
    const batch = takeBatch(candidates, posters, perFilm);
    const read = batchBytes(
      () => ({ films: readFilms(library.sqlite, batch, { posters: images }) }),
      perFilm,
    );
    for (const [i, piece] of read.pieces.entries()) {
      if (written > 0 || i > 0) await out.add(',\n');
      await out.addBytes(piece);
    }
    written += read.count;
    if (read.count > 0) perFilm = nextEstimate(read, batch, posters);
    start += batch.length;
    options.onProgress?.(start, keys.length);
    await yieldToEventLoop();
  }
  return written;
}

/**
 * Exports at least this many films read in key order (below it the seeks cost little), provided
 * they are at least KEY_ORDER_SHARE of the library's films: the range scans also read the films
 * between them that the export leaves out.
 */
const KEY_ORDER_MIN = 5000;
const KEY_ORDER_SHARE = 0.5;

function readsInKeyOrder(library: Library, keys: readonly number[], options: ExportOptions): boolean {
  if (options.keyOrder !== undefined) return options.keyOrder;
  if (keys.length < KEY_ORDER_MIN) return false;
  // Trashed films count too: the range scans read them.
  const films = prepared(library.sqlite, 'SELECT count(*) FROM films').pluck().get() as number;
  return keys.length >= films * KEY_ORDER_SHARE;
}

/** Films assembled from the pieces file between progress reports (and cancel checks). */
const PIECES_BATCH = 100;

/** The index of `key` in ascending `sorted`, or -1. */
function indexOf(sorted: Float64Array, key: number): number {
  let low = 0;
  let high = sorted.length - 1;
  while (low <= high) {
    const middle = (low + high) >>> 1;
    const found = sorted[middle] as number;
    if (found === key) return middle;
    if (found < key) low = middle + 1;
    else high = middle - 1;
  }
  return -1;
}

/**
 * Reading in file (title) order seeks each child table's index film by film; in key order the
 * same rows are one sequential walk per table, several times cheaper. So the films are read in
 * key order a batch at a time (range scans), turned into text exactly as writeFilms does, and
 * appended to a pieces file, noting where each film's text lies; then the output is assembled in
 * file order from the pieces (page-cached reads). The bytes are the same, and memory stays flat:
 * only the offsets stay in memory.
 */
async function writeFilmsByKey(
  out: FileWriter,
  library: Library,
  keys: readonly number[],
  piecesPath: string,
  options: ExportOptions,
  writeHeader: (latestUpdate: string | null) => Promise<void>,
): Promise<number> {
  const images = options.images !== false;
  const sorted = Float64Array.from(keys).sort();
  const total = keys.length;
  const progress = (done: number) => options.onProgress?.(Math.floor(done / 2), total);
  // Where each film's text lies in the pieces file, by its index in `sorted`: two numbers a film,
  // no object per film (a length of -1: not read, gone since the export started).
  const offsets = new Float64Array(sorted.length);
  const lengths = new Int32Array(sorted.length).fill(-1);
  const handle = await open(piecesPath, 'w+');
  try {
    const piecesOut = new FileWriter(handle);
    let size = 0;
    let perFilm = FIRST_ESTIMATE;
    // The newest updatedAt among the films read: the file's header says it, and every film is read
    // here anyway (cheaper than asking for it beforehand: a walk of every film row).
    let latest: string | null = null;
    for (let start = 0; start < sorted.length;) {
      checkCancelled(options.signal, 'export');
      const count = Math.min(MAX_BATCH, Math.max(1, Math.floor(BATCH_TEXT / perFilm)));
      const candidates = Array.from(sorted.subarray(start, start + count));
      const first = candidates[0] as number;
      const last = candidates[candidates.length - 1] as number;
      const posters = images ? posterBytesInKeyRange(library.sqlite, first, last) : new Map<number, number>();
      const batch = takeBatch(candidates, posters, perFilm);
      const read = batchBytes(() => readFilmsInKeyRange(library.sqlite, batch, { posters: images }), perFilm);
      let index = start;
      read.keys.forEach((key, i) => {
        while (sorted[index] !== key) index += 1;
        offsets[index] = size + (read.starts[i] as number);
        lengths[index] = read.lengths[i] as number;
      });
      for (const piece of read.pieces) {
        await piecesOut.addBytes(piece);
        size += piece.length;
      }
      if (read.latest !== null && (latest === null || read.latest > latest)) latest = read.latest;
      if (read.count > 0) perFilm = nextEstimate(read, batch, posters);
      start += batch.length;
      progress(start);
      await yieldToEventLoop();
    }
    await piecesOut.flush();
    await writeHeader(latest);
    let written = 0;
    for (let index = 0; index < keys.length; index += 1) {
      const at = indexOf(sorted, keys[index] as number);
      if (at !== -1 && (lengths[at] as number) >= 0) {
        if (written > 0) await out.add(',\n');
        await out.addFrom(handle.fd, offsets[at] as number, lengths[at] as number);
        written += 1;
      }
      if ((index + 1) % PIECES_BATCH === 0 || index + 1 === keys.length) {
        checkCancelled(options.signal, 'export');
        progress(total + index + 1);
        await yieldToEventLoop();
      }
    }
    return written;
  } finally {
    await handle.close().catch(() => undefined);
    await rm(piecesPath, { force: true });
  }
}

/**
 * Writes a library file: the whole library, a search/filter result or chosen films, in canonical
 * form (stable order, 2-space indentation, keys in record order), so export → import into an
 * empty library → export gives the same bytes. Streams a batch of films at a time into a temp file
 * beside the target, syncs it, then renames it over the target: a crash or cancel never leaves
 * half a file where the user's file was.
 */
export async function exportLibrary(
  library: Library,
  path: string,
  options: ExportOptions = {},
): Promise<ExportResult> {
  return withPageCacheAtMost(library.sqlite, EXPORT_CACHE_KIB, () =>
    writeLibraryFile(library, path, options),
  );
}

async function writeLibraryFile(
  library: Library,
  path: string,
  options: ExportOptions,
): Promise<ExportResult> {
  const scope = options.scope ?? { kind: 'all' };
  const { keys } = filmsInScope(library, scope);
  const temp = join(dirname(path), `.${basename(path)}.${randomUUID().slice(0, 8)}.tmp`);
  const handle = await open(temp, 'wx');
  try {
    const out = new FileWriter(handle);
    // The header says when the contents were last true: the newest updatedAt among the films.
    const writeHeader = (latest: string | null) =>
      out.add(libraryHeader(options.exportedAt === undefined ? latest : options.exportedAt, keys.length));
    let written: number;
    // A film deleted while exporting is simply left out; readFilms skips keys that are gone.
    if (readsInKeyOrder(library, keys, options)) {
      written = await writeFilmsByKey(out, library, keys, `${temp}.pieces`, options, writeHeader);
    } else {
      const known = options.exportedAt !== undefined;
      await writeHeader(known ? null : latestUpdate(library, keys, scope.kind === 'all'));
      written = await writeFilms(out, library, keys, options);
    }
    await out.add(libraryFooter(keys.length));
    await out.flush();
    await handle.sync();
    const { size } = await handle.stat();
    await handle.close();
    checkCancelled(options.signal, 'export');
    await rename(temp, path);
    // Makes the rename itself durable (where a platform can sync a folder).
    syncFolderOf(path);
    return { path, films: written, bytes: size };
  } catch (error) {
    await handle.close().catch(() => undefined);
    await rm(temp, { force: true });
    throw error;
  }
}
