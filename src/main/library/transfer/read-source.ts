import type { Problem } from '../../../shared/contract';
import type { SourceKind } from '../../../shared/transfer';
import { fileSize } from '../../../shared/file-size';
import {
  FactPageError,
  looksLikeFactPage,
  MAX_FACT_PAGE_BYTES,
  parseFactPage,
} from '../../../shared/fact-page';
import { bufferReader, ByteWindow, describeOffsets, fileReader, type ByteReader } from './byte-window';
import { LibraryFileError } from './errors';
import { checkEnvelope } from './library-envelope';
import { scanLibraryJson, type ByteRange, type ScannedLibrary } from './json-scanner';
import { mayHoldUnsafeInput, unsafeInputProblems } from './unsafe-input';
import { decodeUtf8, utf8Problem } from './utf8';

/** What an import reads: a file, or text handed over directly (a paste, a test). */
export type ImportInput = { path: string } | { text: string; name: string };

/** One film as read from a source, before the film schema has looked at it. */
export type RawFilm = {
  /** Where the film is among its source's films, from 0. */
  position: number;
  place: string;
  value: unknown;
  problems: Problem[];
  warnings: Problem[];
  /** The film's size in its source, in bytes. */
  bytes: number;
};

export type ReadSource = {
  path: string;
  kind: SourceKind;
  bytes: number;
  filmCount: number;
  /**
   * The films, each read from the file and parsed only when it is asked for. The caller checks one
   * and drops its raw value before asking for the next, so parsed JSON dies young instead of every
   * film's raw copy living (and being traced by the garbage collector) until the whole file has
   * been read. A film that is not valid JSON gets its line and column once the last has been read.
   * With `only`, the films it answers false for are passed over unread.
   */
  films(only?: (position: number) => boolean): AsyncGenerator<RawFilm>;
  warnings: Problem[];
};

/** Reading phases report `(done, total, phase)`: bytes while reading and scanning, films while parsing. */
export type ReadProgress = (done: number, total: number, phase: 'reading' | 'checking') => void;
export type ReadOptions = { signal?: AbortSignal; onProgress?: ReadProgress };

const BOM = [0xef, 0xbb, 0xbf];

const startsWithBom = (bytes: Buffer) => BOM.every((byte, index) => bytes[index] === byte);

function firstNonBlank(bytes: Buffer, from: number): number {
  for (let index = from; index < bytes.length; index += 1) {
    const byte = bytes[index];
    if (byte !== 0x20 && byte !== 0x0a && byte !== 0x0d && byte !== 0x09) return byte as number;
  }
  return -1;
}

/** JSON.parse's message without its offset, and the offset in `text` when it gave one. */
function jsonSyntax(error: unknown): { message: string; at: number | null } {
  const raw = error instanceof Error ? error.message : String(error);
  const position = /at position (\d+)/.exec(raw);
  const message = raw
    .replace(/,? ?"[^]*" is not valid JSON$/, '')
    .replace(/ at position \d+.*$/, '')
    .replace(/ in JSON$/, '');
  return { message, at: position ? Number(position[1]) : null };
}

async function parseSkeleton(reader: ByteReader, scanned: ScannedLibrary): Promise<unknown> {
  try {
    return JSON.parse(scanned.skeleton) as unknown;
  } catch (error) {
    const { message, at } = jsonSyntax(error);
    if (at === null) throw new LibraryFileError(reader.name, `is not valid JSON: ${message}`);
    const offset = scanned.fileOffsetOf(Buffer.byteLength(scanned.skeleton.slice(0, at)));
    const [where] = await describeOffsets(reader, [offset]);
    throw new LibraryFileError(reader.name, `is not valid JSON: ${message} (${where})`);
  }
}

/** A problem whose message still lacks its line and column, and the file offset they are of. */
type Unplaced = { problem: Problem; offset: number };

function parseFilm(window: ByteWindow, range: ByteRange, index: number, unplaced: Unplaced[]): RawFilm {
  const place = `films[${index}]`;
  const text = decodeUtf8(window.bytes, range.start - window.base, range.end - window.base);
  try {
    const value = JSON.parse(text) as unknown;
    const problems = mayHoldUnsafeInput(text) ? unsafeInputProblems(value, ['films', index]) : [];
    return { position: index, place, value, problems, warnings: [], bytes: range.end - range.start };
  } catch (error) {
    const { message, at } = jsonSyntax(error);
    const offset = range.start + (at === null ? 0 : Buffer.byteLength(text.slice(0, at)));
    const problem = { path: place, message: `is not valid JSON: ${message}` };
    unplaced.push({ problem, offset });
    return {
      position: index,
      place,
      value: undefined,
      problems: [problem],
      warnings: [],
      bytes: range.end - range.start,
    };
  }
}

/** Opens the source again for its films (a file must be as it was when scanned). */
type Reopen = () => Promise<ByteReader>;

async function readLibraryJson(
  window: ByteWindow,
  start: number,
  reopen: Reopen,
  options: ReadOptions,
): Promise<ReadSource> {
  const { reader } = window;
  const scanned = await scanLibraryJson(window, start, {
    file: reader.name,
    signal: options.signal,
    onProgress: (done, total) => options.onProgress?.(done, total, 'reading'),
  });
  const envelope = checkEnvelope(await parseSkeleton(reader, scanned));
  if ('refusal' in envelope) {
    throw new LibraryFileError(reader.name, envelope.refusal);
  }
  const ranges = scanned.films;
  async function* films(only?: (position: number) => boolean): AsyncGenerator<RawFilm> {
    const source = await reopen();
    const filmWindow = new ByteWindow(source);
    try {
      const unplaced: Unplaced[] = [];
      for (let index = 0; index < ranges.length; index += 1) {
        if (only && !only(index)) continue;
        const range = ranges[index] as ByteRange;
        if (range.end > filmWindow.end) await filmWindow.advance(range.start, range.end);
        yield parseFilm(filmWindow, range, index, unplaced);
      }
      if (unplaced.length === 0) return;
      const where = await describeOffsets(
        source,
        unplaced.map((film) => film.offset),
      );
      unplaced.forEach(({ problem }, index) => (problem.message += ` (${where[index]})`));
    } finally {
      filmWindow.release();
      await source.close();
    }
  }
  return {
    path: reader.name,
    kind: 'library',
    bytes: reader.size,
    filmCount: ranges.length,
    films,
    warnings: envelope.warnings,
  };
}

function readFactPage(path: string, bytes: Buffer, start: number): ReadSource {
  const text = decodeUtf8(bytes, start, bytes.length);
  // The bytes are a window's, handed on once read: only their count is kept.
  const size = bytes.length;
  if (!looksLikeFactPage(text)) {
    throw new LibraryFileError(
      path,
      'is neither a Filmfolio library (JSON starting with {"format": "filmfolio-library", …}) nor a film fact page (no fact-page headings or labelled lines like “Director:” were found)',
    );
  }
  try {
    const { film, unplaced, warnings } = parseFactPage(text);
    const pageWarnings = [
      ...warnings.map((message) => ({ path: 'fact page', message })),
      ...unplaced.map((line) => ({
        path: `line ${line.line}`,
        message: `not placed in any field: ${line.text}`,
      })),
    ];
    return {
      path,
      kind: 'fact-page',
      bytes: size,
      filmCount: 1,
      async *films() {
        yield {
          position: 0,
          place: 'fact page',
          value: film,
          problems: [],
          warnings: pageWarnings,
          bytes: size,
        };
      },
      warnings: [],
    };
  } catch (error) {
    if (error instanceof FactPageError) throw new LibraryFileError(path, error.message);
    throw error;
  }
}

/**
 * Reads a source as a library file or a fact page, told apart by content (its first bytes), never by
 * the file's name. A library file is read through a window (byte-window.ts), a fact page whole.
 */
async function readSource(reader: ByteReader, reopen: Reopen, options: ReadOptions): Promise<ReadSource> {
  const window = new ByteWindow(reader);
  try {
    return await readSourceThrough(window, reopen, options);
  } finally {
    window.release();
  }
}

async function readSourceThrough(
  window: ByteWindow,
  reopen: Reopen,
  options: ReadOptions,
): Promise<ReadSource> {
  const { reader } = window;
  const path = reader.name;
  await window.advance(0);
  const firstBytes = window.bytes;
  const start = startsWithBom(firstBytes) ? BOM.length : 0;
  const first = firstNonBlank(firstBytes, start);
  if (first === -1 && window.atEnd) throw new LibraryFileError(path, 'is empty: the file holds no text');
  if (firstBytes.subarray(0, 8192).includes(0)) {
    throw new LibraryFileError(
      path,
      'looks like a binary file (it contains NUL bytes), not a library or a fact page',
    );
  }
  // A first window of nothing but blanks: only a library file can be that large.
  if (first === 0x7b || first === 0x5b || first === -1)
    return readLibraryJson(window, start, reopen, options);
  if (reader.size > MAX_FACT_PAGE_BYTES) {
    throw new LibraryFileError(
      path,
      `is ${fileSize(reader.size)} of text, not a library (JSON); a fact page is at most ${fileSize(MAX_FACT_PAGE_BYTES)} (real ones are about 15 KB)`,
    );
  }
  await window.advance(0, reader.size);
  const notUtf8 = utf8Problem(window.bytes, start);
  if (notUtf8) throw new LibraryFileError(path, notUtf8);
  return readFactPage(path, window.bytes, start);
}

/** Reads one import source: a file from disk, or text handed over. */
export async function readImportSource(input: ImportInput, options: ReadOptions = {}): Promise<ReadSource> {
  let reader: ByteReader;
  let reopen: Reopen;
  if ('path' in input) {
    const opened = await fileReader(input.path);
    reader = opened.reader;
    reopen = async () => (await fileReader(input.path, opened.stamp)).reader;
  } else {
    const bytes = Buffer.from(input.text, 'utf8');
    reader = bufferReader(input.name, bytes);
    reopen = async () => bufferReader(input.name, bytes);
  }
  try {
    return await readSource(reader, reopen, options);
  } finally {
    await reader.close();
  }
}
