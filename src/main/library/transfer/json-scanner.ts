import { checkCancelled, LibraryFileError } from './errors';
import { yieldToEventLoop, type ProgressCallback } from './pacing';
import { describePosition } from './text-position';

/**
 * A library file is read without ever parsing it whole: one pass over the bytes checks nesting depth
 * and string sizes (so no input can exhaust the stack or memory), and cuts out each film of the
 * top-level `films` list. The rest (the "skeleton", with each film replaced by 0) and each film are
 * then parsed separately, so a file can be larger than one JavaScript string, every film is located
 * exactly, and the window stays responsive between films.
 */

/** Deeper than any library file (a film nests about 5 levels) and far below any stack limit. */
export const MAX_DEPTH = 64;
/** The largest single text value: a poster data: URL (about 15 MB of image). */
export const MAX_STRING_BYTES = 20 * 1024 * 1024;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const YIELD_EVERY_BYTES = 2 * 1024 * 1024;

export type ByteRange = { start: number; end: number };

export type ScannedLibrary = {
  /** The file with every film replaced by `0`: small, parsed as a whole. */
  skeleton: string;
  /** The byte range of each film in the file. */
  films: ByteRange[];
  /** Maps a byte offset of the skeleton back to the file. */
  fileOffsetOf(skeletonOffset: number): number;
};

type ScanOptions = { file: string; signal?: AbortSignal; onProgress?: ProgressCallback };

const isWhitespace = (byte: number) => byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09;

/** The offset of the quote closing the string whose content starts at `from`, or -1. */
function stringEnd(bytes: Buffer, from: number): number {
  let searchFrom = from;
  for (;;) {
    const quote = bytes.indexOf(QUOTE, searchFrom);
    if (quote < 0) return -1;
    let backslashes = 0;
    while (quote - backslashes - 1 >= from && bytes[quote - backslashes - 1] === BACKSLASH) backslashes += 1;
    if (backslashes % 2 === 0) return quote;
    searchFrom = quote + 1;
  }
}

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

class Scanner {
  private depth = 0;
  private key: string | null = null;
  private lastString: ByteRange | null = null;
  private inFilms = false;
  private filmsLists = 0;
  private filmStart = -1;
  private lastValueEnd = 0;
  readonly films: ByteRange[] = [];

  constructor(
    private readonly bytes: Buffer,
    private readonly file: string,
  ) {}

  private fail(offset: number, message: string): never {
    throw new LibraryFileError(this.file, `${message} (${describePosition(this.bytes, offset)})`);
  }

  /** Scans [from, to) and returns where scanning stopped (a string may run past `to`). */
  scan(from: number, to: number): number {
    const bytes = this.bytes;
    let index = from;
    while (index < to) {
      if (this.depth > 2) {
        index = this.insideFilm(index, to);
        continue;
      }
      const byte = bytes[index] as number;
      if (isWhitespace(byte)) {
        index += 1;
        continue;
      }
      if (this.inFilms && this.depth === 2 && this.filmStart < 0 && byte !== 0x2c && byte !== 0x5d) {
        this.filmStart = index;
      }
      if (byte === QUOTE) {
        index = this.string(index);
        continue;
      }
      this.punctuation(byte, index);
      this.lastValueEnd = index + 1;
      index += 1;
    }
    return index;
  }

  /**
   * Scans inside a film (deeper than the films list) until the film's closing bracket brings the
   * depth back to 2, or `to`. Nearly every byte of a file is here, and only brackets and strings
   * matter: the depth must be tracked and capped, strings skipped and their size capped. Where the
   * last value ended matters only once back at the list, so the closing bracket sets it alone.
   */
  private insideFilm(from: number, to: number): number {
    const bytes = this.bytes;
    let depth = this.depth;
    let index = from;
    while (index < to) {
      const byte = bytes[index] as number;
      if (byte === QUOTE) {
        this.depth = depth;
        index = this.string(index);
      } else if (byte === 0x7b || byte === 0x5b) {
        depth += 1;
        if (depth > MAX_DEPTH) {
          this.depth = depth;
          this.open(byte, index);
        }
        index += 1;
      } else if (byte === 0x7d || byte === 0x5d) {
        depth -= 1;
        index += 1;
        if (depth === 2) {
          this.lastValueEnd = index;
          break;
        }
      } else index += 1;
    }
    this.depth = depth;
    return index;
  }

  private string(open: number): number {
    const close = stringEnd(this.bytes, open + 1);
    if (close < 0) this.fail(open, 'a text value is never closed: the file is cut short or damaged');
    if (close - open - 1 > MAX_STRING_BYTES) {
      this.fail(
        open,
        `a text value of ${megabytes(close - open - 1)} is larger than the ${megabytes(MAX_STRING_BYTES)} allowed (the size of the largest poster)`,
      );
    }
    if (this.depth === 1) this.lastString = { start: open, end: close + 1 };
    this.lastValueEnd = close + 1;
    return close + 1;
  }

  private punctuation(byte: number, index: number): void {
    if (byte === 0x7b || byte === 0x5b) this.open(byte, index);
    else if (byte === 0x7d || byte === 0x5d) this.close(byte, index);
    else if (byte === 0x2c && this.inFilms && this.depth === 2) this.endFilm();
    else if (byte === 0x3a && this.depth === 1) this.key = this.keyText();
  }

  private keyText(): string | null {
    if (!this.lastString) return null;
    try {
      return JSON.parse(this.bytes.toString('utf8', this.lastString.start, this.lastString.end)) as string;
    } catch {
      return null;
    }
  }

  private open(byte: number, index: number): void {
    this.depth += 1;
    if (this.depth > MAX_DEPTH) {
      this.fail(
        index,
        `lists and objects nest deeper than ${MAX_DEPTH} levels; a library file nests about 6`,
      );
    }
    if (byte === 0x5b && this.depth === 2 && this.key === 'films') {
      this.inFilms = true;
      this.filmsLists += 1;
      if (this.filmsLists > 1) this.fail(index, 'the file has two "films" lists; a library has one');
    }
  }

  private close(byte: number, index: number): void {
    if (this.depth === 0) this.fail(index, `a closing ${String.fromCharCode(byte)} has no opening bracket`);
    if (this.inFilms && this.depth === 2 && byte === 0x5d) {
      this.endFilm();
      this.inFilms = false;
    }
    this.depth -= 1;
  }

  private endFilm(): void {
    if (this.filmStart >= 0) this.films.push({ start: this.filmStart, end: this.lastValueEnd });
    this.filmStart = -1;
  }

  finish(end: number): void {
    if (this.depth > 0) this.fail(end, 'the file ends inside a list or object: it is cut short or damaged');
  }
}

function skeletonOf(
  bytes: Buffer,
  start: number,
  films: readonly ByteRange[],
): Omit<ScannedLibrary, 'films'> {
  const pieces: Buffer[] = [];
  const segments: { skeleton: number; file: number }[] = [];
  let skeletonLength = 0;
  let from = start;
  const zero = Buffer.from('0');
  for (const film of [...films, { start: bytes.length, end: bytes.length }]) {
    segments.push({ skeleton: skeletonLength, file: from });
    pieces.push(bytes.subarray(from, film.start));
    skeletonLength += film.start - from;
    if (film.start < bytes.length) {
      segments.push({ skeleton: skeletonLength, file: film.start });
      pieces.push(zero);
      skeletonLength += 1;
    }
    from = film.end;
  }
  const fileOffsetOf = (offset: number) => {
    let segment = segments[0] as { skeleton: number; file: number };
    for (const candidate of segments) if (candidate.skeleton <= offset) segment = candidate;
    return segment.file + (offset - segment.skeleton);
  };
  return { skeleton: Buffer.concat(pieces).toString('utf8'), fileOffsetOf };
}

/** Scans a library file's bytes from `start` (after any BOM), yielding to the event loop as it goes. */
export async function scanLibraryJson(
  bytes: Buffer,
  start: number,
  options: ScanOptions,
): Promise<ScannedLibrary> {
  const scanner = new Scanner(bytes, options.file);
  let index = start;
  while (index < bytes.length) {
    checkCancelled(options.signal, 'import');
    index = scanner.scan(index, Math.min(bytes.length, index + YIELD_EVERY_BYTES));
    options.onProgress?.(Math.min(index, bytes.length), bytes.length);
    await yieldToEventLoop();
  }
  scanner.finish(bytes.length);
  return { ...skeletonOf(bytes, start, scanner.films), films: scanner.films };
}
