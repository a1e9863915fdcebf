import { isUtf8 } from 'node:buffer';
import { fileSize } from '../../../shared/file-size';
import { describeOffsets, type ByteWindow } from './byte-window';
import { checkCancelled, LibraryFileError } from './errors';
import { yieldToEventLoop, type ProgressCallback } from './pacing';
import { firstInvalidUtf8, notUtf8Message } from './utf8';

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

/** A depth-1 string longer than this is no key the reader looks for ("films"): its text is not kept. */
const MAX_KEY_BYTES = 1024;

/**
 * Where the scan found the file broken: a byte offset, and the message once that offset's line and
 * column are known (described after the scan has stopped, reading the file from its start).
 */
class ScanFailure extends Error {
  constructor(
    readonly offset: number,
    readonly messageAt: (where: string) => string,
  ) {
    super('the scan stopped');
  }
}

/**
 * The scan, fed the file one window at a time (`scanWindow`): every position it keeps is a byte
 * offset in the file, and all its state carries from one window to the next, so a string, a film
 * or a character may be cut anywhere by a window's end.
 */
class Scanner {
  private depth = 0;
  private key: string | null = null;
  /** The text of the last depth-1 string (a key, or a value of the outer object), when short. */
  private lastString: string | null = null;
  private inFilms = false;
  private filmsLists = 0;
  private filmStart = -1;
  private lastValueEnd = 0;
  /** The opening quote of a string still open at the end of the last window, or -1. */
  private stringOpen = -1;
  /** Backslashes ending the part of that string scanned so far (an odd count escapes a quote). */
  private stringBackslashes = 0;
  /** The bytes of a depth-1 string so far, while it is short enough to be a key. */
  private stringPieces: Buffer[] | null = null;
  private stringPieceBytes = 0;
  /** Where the next window's scan starts. */
  private next: number;
  /** The skeleton: the file around the films, each film replaced by 0, gathered as the window moves. */
  private readonly pieces: Buffer[] = [];
  private readonly segments: { skeleton: number; file: number }[] = [];
  private skeletonLength = 0;
  /** The first byte of the skeleton not yet gathered, or -1 inside a film. */
  private skeletonFrom: number;
  readonly films: ByteRange[] = [];
  /** Whether anything but whitespace was met. */
  sawValue = false;

  constructor(start: number) {
    this.next = start;
    this.skeletonFrom = start;
  }

  private fail(offset: number, message: string): never {
    throw new ScanFailure(offset, (where) => `${message} (${where})`);
  }

  /** Scans the window's bytes from where the last window stopped to its end. */
  scanWindow(bytes: Buffer, base: number): void {
    const to = bytes.length;
    let index = this.next - base;
    if (this.stringOpen >= 0) index = this.continueString(bytes, base, index);
    while (index < to) {
      if (this.depth > 2) {
        index = this.insideFilm(bytes, base, index);
        continue;
      }
      const byte = bytes[index] as number;
      if (isWhitespace(byte)) {
        index += 1;
        continue;
      }
      this.sawValue = true;
      if (this.inFilms && this.depth === 2 && this.filmStart < 0 && byte !== 0x2c && byte !== 0x5d) {
        this.startFilm(bytes, base, base + index);
      }
      if (byte === QUOTE) {
        this.openString(base + index);
        index = this.continueString(bytes, base, index + 1);
        continue;
      }
      this.punctuation(byte, base, base + index);
      this.lastValueEnd = base + index + 1;
      index += 1;
    }
    this.next = base + to;
    if (this.skeletonFrom >= 0) this.gather(bytes, base, base + to);
  }

  /**
   * Scans inside a film (deeper than the films list) until the film's closing bracket brings the
   * depth back to 2, or the window's end. Nearly every byte of a file is here, and only brackets and
   * strings matter: the depth must be tracked and capped, strings skipped and their size capped.
   * Where the last value ended matters only once back at the list, so the closing bracket sets it alone.
   */
  private insideFilm(bytes: Buffer, base: number, from: number): number {
    const to = bytes.length;
    let depth = this.depth;
    let index = from;
    while (index < to) {
      const byte = bytes[index] as number;
      if (byte === QUOTE) {
        this.depth = depth;
        this.openString(base + index);
        index = this.continueString(bytes, base, index + 1);
      } else if (byte === 0x7b || byte === 0x5b) {
        depth += 1;
        if (depth > MAX_DEPTH) {
          this.depth = depth;
          this.open(byte, base + index);
        }
        index += 1;
      } else if (byte === 0x7d || byte === 0x5d) {
        depth -= 1;
        index += 1;
        if (depth === 2) {
          this.lastValueEnd = base + index;
          break;
        }
      } else index += 1;
    }
    this.depth = depth;
    return index;
  }

  private openString(open: number): void {
    this.stringOpen = open;
    this.stringBackslashes = 0;
    this.stringPieces = this.depth === 1 ? [] : null;
    this.stringPieceBytes = 0;
  }

  /** Keeps a piece of a depth-1 string, while the string is short enough to be a key. */
  private keepPiece(bytes: Buffer, from: number, to: number): void {
    if (!this.stringPieces) return;
    this.stringPieceBytes += to - from;
    if (this.stringPieceBytes > MAX_KEY_BYTES) this.stringPieces = null;
    else this.stringPieces.push(Buffer.from(bytes.subarray(from, to)));
  }

  /**
   * Scans the open string's bytes from `from` (its content's start, or the window's start): answers
   * the index after its closing quote, or the window's end when it runs on into the next window.
   */
  private continueString(bytes: Buffer, base: number, from: number): number {
    let searchFrom = from;
    let close = -1;
    for (;;) {
      const quote = bytes.indexOf(QUOTE, searchFrom);
      const end = quote < 0 ? bytes.length : quote;
      let backslashes = 0;
      while (end - backslashes - 1 >= from && bytes[end - backslashes - 1] === BACKSLASH) backslashes += 1;
      // A run of backslashes reaching back to the window's start continues the last window's.
      if (end - backslashes === from) backslashes += this.stringBackslashes;
      if (quote < 0) {
        this.stringBackslashes = backslashes;
        this.keepPiece(bytes, from, bytes.length);
        return bytes.length;
      }
      if (backslashes % 2 === 0) {
        close = quote;
        break;
      }
      searchFrom = quote + 1;
    }
    const open = this.stringOpen;
    if (base + close - open - 1 > MAX_STRING_BYTES) {
      this.fail(
        open,
        `a text value of ${fileSize(base + close - open - 1)} is larger than the ${fileSize(MAX_STRING_BYTES)} allowed (the size of the largest poster)`,
      );
    }
    if (this.stringPieces) {
      this.keepPiece(bytes, from, close);
      this.lastString = this.stringPieces ? Buffer.concat(this.stringPieces).toString('utf8') : null;
    } else if (this.depth === 1) this.lastString = null;
    this.stringOpen = -1;
    this.stringPieces = null;
    this.lastValueEnd = base + close + 1;
    return close + 1;
  }

  private punctuation(byte: number, base: number, offset: number): void {
    if (byte === 0x7b || byte === 0x5b) this.open(byte, offset);
    else if (byte === 0x7d || byte === 0x5d) this.close(byte, base, offset);
    else if (byte === 0x2c && this.inFilms && this.depth === 2) this.endFilm(base);
    else if (byte === 0x3a && this.depth === 1) this.key = this.keyText();
  }

  private keyText(): string | null {
    if (this.lastString === null) return null;
    try {
      return JSON.parse(`"${this.lastString}"`) as string;
    } catch {
      return null;
    }
  }

  private open(byte: number, offset: number): void {
    this.depth += 1;
    if (this.depth > MAX_DEPTH) {
      this.fail(
        offset,
        `lists and objects nest deeper than ${MAX_DEPTH} levels; a library file nests about 6`,
      );
    }
    if (byte === 0x5b && this.depth === 2 && this.key === 'films') {
      this.inFilms = true;
      this.filmsLists += 1;
      if (this.filmsLists > 1) this.fail(offset, 'the file has two "films" lists; a library has one');
    }
  }

  private close(byte: number, base: number, offset: number): void {
    if (this.depth === 0) this.fail(offset, `a closing ${String.fromCharCode(byte)} has no opening bracket`);
    if (this.inFilms && this.depth === 2 && byte === 0x5d) {
      this.endFilm(base);
      this.inFilms = false;
    }
    this.depth -= 1;
  }

  /** Adds the skeleton's bytes from where it was gathered to `to` (a file offset in the window). */
  private gather(bytes: Buffer, base: number, to: number): void {
    const from = this.skeletonFrom;
    if (to > from) {
      this.segments.push({ skeleton: this.skeletonLength, file: from });
      this.pieces.push(Buffer.from(bytes.subarray(from - base, to - base)));
      this.skeletonLength += to - from;
    }
    this.skeletonFrom = to;
  }

  private startFilm(bytes: Buffer, base: number, offset: number): void {
    this.gather(bytes, base, offset);
    this.segments.push({ skeleton: this.skeletonLength, file: offset });
    this.pieces.push(ZERO);
    this.skeletonLength += 1;
    this.skeletonFrom = -1;
    this.filmStart = offset;
  }

  private endFilm(base: number): void {
    if (this.filmStart < 0) return;
    this.films.push({ start: this.filmStart, end: this.lastValueEnd });
    this.filmStart = -1;
    // What lies between a film and its comma is whitespace: where the window has dropped it, the
    // skeleton goes on without it (its segments keep the offsets exact).
    this.skeletonFrom = Math.max(this.lastValueEnd, base);
  }

  /** At the end of the file: answers the skeleton, or fails where the file is cut short. */
  finish(end: number): Omit<ScannedLibrary, 'films'> {
    if (this.stringOpen >= 0)
      this.fail(this.stringOpen, 'a text value is never closed: the file is cut short or damaged');
    if (this.depth > 0) this.fail(end, 'the file ends inside a list or object: it is cut short or damaged');
    const segments = this.segments;
    const fileOffsetOf = (offset: number) => {
      let segment = segments[0] ?? { skeleton: 0, file: end };
      for (const candidate of segments) if (candidate.skeleton <= offset) segment = candidate;
      return segment.file + (offset - segment.skeleton);
    };
    return { skeleton: Buffer.concat(this.pieces).toString('utf8'), fileOffsetOf };
  }
}

const ZERO = Buffer.from('0');

/** Length of an incomplete UTF-8 sequence at the end of `bytes` (0 when it ends on a whole character). */
function cutSequenceLength(bytes: Buffer): number {
  for (let back = 1; back <= Math.min(3, bytes.length); back += 1) {
    const byte = bytes[bytes.length - back] as number;
    if ((byte & 0xc0) === 0x80) continue;
    const length = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
    return length > back ? back : 0;
  }
  return 0;
}

/** Checks that the window's bytes from file offset `from` are UTF-8; answers where the check stopped. */
function checkUtf8(window: ByteWindow, from: number): number {
  const bytes = window.bytes;
  const to = bytes.length - (window.atEnd ? 0 : cutSequenceLength(bytes));
  const start = from - window.base;
  if (to > start && !isUtf8(bytes.subarray(start, to))) {
    const bad = firstInvalidUtf8(bytes, start, to);
    const at = bad < 0 ? start : bad;
    const offset = window.base + at;
    const byte = bytes[at] ?? 0;
    throw new ScanFailure(offset, (where) => notUtf8Message(offset, byte, where));
  }
  return window.base + Math.max(to, start);
}

/**
 * Scans a library file from `start` (after any BOM) through `window` (holding its first bytes),
 * checking as it goes that it is UTF-8 and yielding to the event loop between windows. Reads the
 * file once, keeping only the skeleton and each film's place.
 */
export async function scanLibraryJson(
  window: ByteWindow,
  start: number,
  options: ScanOptions,
): Promise<ScannedLibrary> {
  const scanner = new Scanner(start);
  const size = window.reader.size;
  let checked = start;
  try {
    for (;;) {
      checkCancelled(options.signal, 'import');
      checked = checkUtf8(window, checked);
      scanner.scanWindow(window.bytes, window.base);
      options.onProgress?.(window.end, size);
      if (window.atEnd) break;
      await window.advance(Math.min(checked, window.end));
      await yieldToEventLoop();
    }
    if (!scanner.sawValue) throw new LibraryFileError(options.file, 'is empty: the file holds no text');
    return { ...scanner.finish(size), films: scanner.films };
  } catch (error) {
    if (!(error instanceof ScanFailure)) throw error;
    const [where] = await describeOffsets(window.reader, [error.offset]);
    throw new LibraryFileError(options.file, error.messageAt(where as string));
  }
}
