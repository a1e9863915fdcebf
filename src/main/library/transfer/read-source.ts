import { open } from 'node:fs/promises';
import type { Problem } from '../../../shared/contract';
import type { SourceKind } from '../../../shared/transfer';
import {
  FactPageError,
  looksLikeFactPage,
  MAX_FACT_PAGE_BYTES,
  parseFactPage,
} from '../../../shared/fact-page';
import { checkCancelled, LibraryFileError } from './errors';
import { checkEnvelope } from './library-envelope';
import { scanLibraryJson, type ByteRange, type ScannedLibrary } from './json-scanner';
import { describePosition } from './text-position';
import { mayHoldUnsafeInput, unsafeInputProblems } from './unsafe-input';
import { decodeUtf8, utf8Problem } from './utf8';

/** What an import reads: a file, or text handed over directly (a paste, a test). */
export type ImportInput = { path: string } | { text: string; name: string };

/** One film as read from a source, before the film schema has looked at it. */
export type RawFilm = { place: string; value: unknown; problems: Problem[]; warnings: Problem[] };

export type ReadSource = {
  path: string;
  kind: SourceKind;
  bytes: number;
  filmCount: number;
  /**
   * The films, each parsed only when it is asked for. The caller checks one and drops its raw
   * value before asking for the next, so parsed JSON dies young instead of every film's raw copy
   * living (and being traced by the garbage collector) until the whole file has been read.
   */
  films(): Generator<RawFilm>;
  warnings: Problem[];
};

/** Reading phases report `(done, total, phase)`: bytes while reading and scanning, films while parsing. */
export type ReadProgress = (done: number, total: number, phase: 'reading' | 'checking') => void;
export type ReadOptions = { signal?: AbortSignal; onProgress?: ReadProgress };

/** Buffers cannot be larger; a file this size is far beyond any real library. */
const MAX_FILE_BYTES = 2 * 1024 * 1024 * 1024 - 1;
const READ_CHUNK = 4 * 1024 * 1024;
const BOM = [0xef, 0xbb, 0xbf];

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

function openFailure(path: string, error: unknown): LibraryFileError {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return new LibraryFileError(path, 'there is no such file');
  if (code === 'EISDIR') return new LibraryFileError(path, 'is a folder, not a file');
  if (code === 'EACCES' || code === 'EPERM')
    return new LibraryFileError(path, 'cannot be read (permission denied)');
  return new LibraryFileError(path, `cannot be read (${String((error as Error).message ?? error)})`);
}

/** Reads a whole file in chunks, so its size is known first and progress and cancel work. */
async function readFileBytes(path: string, options: ReadOptions): Promise<Buffer> {
  let handle;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    throw openFailure(path, error);
  }
  try {
    const stats = await handle.stat();
    if (stats.isDirectory()) throw new LibraryFileError(path, 'is a folder, not a file');
    if (!stats.isFile()) throw new LibraryFileError(path, 'is not a regular file');
    const size = stats.size;
    if (size > MAX_FILE_BYTES) {
      throw new LibraryFileError(path, `is ${megabytes(size)}; Filmfolio reads library files up to 2 GB`);
    }
    const buffer = Buffer.allocUnsafe(size);
    let done = 0;
    while (done < size) {
      checkCancelled(options.signal, 'import');
      const { bytesRead } = await handle.read(buffer, done, Math.min(READ_CHUNK, size - done), done);
      if (bytesRead === 0) break;
      done += bytesRead;
      options.onProgress?.(done, size, 'reading');
    }
    return buffer.subarray(0, done);
  } catch (error) {
    throw error instanceof LibraryFileError || (error as Error).name === 'TransferCancelledError'
      ? error
      : openFailure(path, error);
  } finally {
    await handle.close();
  }
}

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

function parseSkeleton(path: string, bytes: Buffer, scanned: ScannedLibrary): unknown {
  try {
    return JSON.parse(scanned.skeleton) as unknown;
  } catch (error) {
    const { message, at } = jsonSyntax(error);
    const offset =
      at === null ? null : scanned.fileOffsetOf(Buffer.byteLength(scanned.skeleton.slice(0, at)));
    const where = offset === null ? '' : ` (${describePosition(bytes, offset)})`;
    throw new LibraryFileError(path, `is not valid JSON: ${message}${where}`);
  }
}

function parseFilm(bytes: Buffer, range: ByteRange, index: number): RawFilm {
  const place = `films[${index}]`;
  const text = decodeUtf8(bytes, range.start, range.end);
  try {
    const value = JSON.parse(text) as unknown;
    const problems = mayHoldUnsafeInput(text) ? unsafeInputProblems(value, ['films', index]) : [];
    return { place, value, problems, warnings: [] };
  } catch (error) {
    const { message, at } = jsonSyntax(error);
    const offset = range.start + (at === null ? 0 : Buffer.byteLength(text.slice(0, at)));
    const problem = {
      path: place,
      message: `is not valid JSON: ${message} (${describePosition(bytes, offset)})`,
    };
    return { place, value: undefined, problems: [problem], warnings: [] };
  }
}

async function readLibraryJson(
  path: string,
  bytes: Buffer,
  start: number,
  options: ReadOptions,
): Promise<ReadSource> {
  const scanned = await scanLibraryJson(bytes, start, {
    file: path,
    signal: options.signal,
    onProgress: (done, total) => options.onProgress?.(done, total, 'reading'),
  });
  const envelope = checkEnvelope(parseSkeleton(path, bytes, scanned));
  if ('refusal' in envelope) {
    throw new LibraryFileError(path, envelope.refusal);
  }
  const ranges = scanned.films;
  function* films(): Generator<RawFilm> {
    for (let index = 0; index < ranges.length; index += 1) {
      yield parseFilm(bytes, ranges[index] as ByteRange, index);
    }
  }
  return {
    path,
    kind: 'library',
    bytes: bytes.length,
    filmCount: ranges.length,
    films,
    warnings: envelope.warnings,
  };
}

function readFactPage(path: string, bytes: Buffer, start: number): ReadSource {
  const text = decodeUtf8(bytes, start, bytes.length);
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
      bytes: bytes.length,
      filmCount: 1,
      *films() {
        yield { place: 'fact page', value: film, problems: [], warnings: pageWarnings };
      },
      warnings: [],
    };
  } catch (error) {
    if (error instanceof FactPageError) throw new LibraryFileError(path, error.message);
    throw error;
  }
}

/** Reads bytes as a library file or a fact page, told apart by content, never by the file's name. */
export async function readSourceBytes(
  path: string,
  bytes: Buffer,
  options: ReadOptions = {},
): Promise<ReadSource> {
  const start = startsWithBom(bytes) ? BOM.length : 0;
  const first = firstNonBlank(bytes, start);
  if (first === -1) throw new LibraryFileError(path, 'is empty: the file holds no text');
  if (bytes.subarray(0, 8192).includes(0)) {
    throw new LibraryFileError(
      path,
      'looks like a binary file (it contains NUL bytes), not a library or a fact page',
    );
  }
  const json = first === 0x7b || first === 0x5b;
  if (!json && bytes.length > MAX_FACT_PAGE_BYTES) {
    throw new LibraryFileError(
      path,
      `is ${megabytes(bytes.length)} of text, not a library (JSON); a fact page is at most ${megabytes(MAX_FACT_PAGE_BYTES)} (real ones are about 15 KB)`,
    );
  }
  const notUtf8 = utf8Problem(bytes, start);
  if (notUtf8) throw new LibraryFileError(path, notUtf8);
  return json ? readLibraryJson(path, bytes, start, options) : readFactPage(path, bytes, start);
}

/** Reads one import source: a file from disk, or text handed over. */
export async function readImportSource(input: ImportInput, options: ReadOptions = {}): Promise<ReadSource> {
  if ('path' in input) return readSourceBytes(input.path, await readFileBytes(input.path, options), options);
  return readSourceBytes(input.name, Buffer.from(input.text, 'utf8'), options);
}
