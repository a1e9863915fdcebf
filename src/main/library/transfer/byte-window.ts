import { open, type FileHandle } from 'node:fs/promises';
import { LibraryFileError } from './errors';
import { PositionCounter } from './text-position';

/**
 * A library file is read through a small window that moves along it, never whole. Memory is the
 * cost here: a file read whole is a buffer of its own size (1.6 GB for 100,000 full films), and on
 * the 2-core test machine the first touch of fresh memory costs 3–5 ms per MB, so reading 10,000
 * full films (158 MB) into one buffer took 0.65 s more of the preview than reading it into memory
 * already touched (three alternating runs each: 2.64–2.80 s against 2.00–2.11 s).
 */

/** Bytes read at a time, and the window's size until one film or text value needs more. */
export const WINDOW_BYTES = 4 * 1024 * 1024;

/** Where the window reads from: a file, or bytes already in memory (text handed over). */
export type ByteReader = {
  readonly name: string;
  readonly size: number;
  /** Reads into `target` at `offset` up to `length` bytes from `position`; answers how many. */
  read(target: Buffer, offset: number, length: number, position: number): Promise<number>;
  close(): Promise<void>;
};

export type FileStamp = { size: number; modifiedMs: number };

/** A reader of bytes held in memory. */
export function bufferReader(name: string, bytes: Buffer): ByteReader {
  return {
    name,
    size: bytes.length,
    async read(target, offset, length, position) {
      return bytes.copy(target, offset, position, Math.min(bytes.length, position + length));
    },
    async close() {},
  };
}

function openFailure(path: string, error: unknown): LibraryFileError {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return new LibraryFileError(path, 'there is no such file');
  if (code === 'EISDIR') return new LibraryFileError(path, 'is a folder, not a file');
  if (code === 'EACCES' || code === 'EPERM')
    return new LibraryFileError(path, 'cannot be read (permission denied)');
  return new LibraryFileError(path, `cannot be read (${String((error as Error).message ?? error)})`);
}

const changed = (path: string) =>
  new LibraryFileError(path, 'changed while it was being read; import it again once it is saved');

/**
 * Opens a file for reading through a window. With `expected` (the stamp of an earlier read), a
 * file whose size or modification time differs is refused: its films' places would be wrong.
 */
export async function fileReader(
  path: string,
  expected?: FileStamp,
): Promise<{ reader: ByteReader; stamp: FileStamp }> {
  let handle: FileHandle;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    throw openFailure(path, error);
  }
  try {
    const stats = await handle.stat();
    if (stats.isDirectory()) throw new LibraryFileError(path, 'is a folder, not a file');
    if (!stats.isFile()) throw new LibraryFileError(path, 'is not a regular file');
    const stamp = { size: stats.size, modifiedMs: stats.mtimeMs };
    if (expected && (expected.size !== stamp.size || expected.modifiedMs !== stamp.modifiedMs)) {
      throw changed(path);
    }
    const reader: ByteReader = {
      name: path,
      size: stats.size,
      async read(target, offset, length, position) {
        let bytesRead: number;
        try {
          ({ bytesRead } = await handle.read(target, offset, length, position));
        } catch (error) {
          throw openFailure(path, error);
        }
        // Shorter than it was when opened: someone is writing it.
        if (bytesRead === 0 && length > 0 && position < stats.size) throw changed(path);
        return bytesRead;
      },
      close: () => handle.close(),
    };
    return { reader, stamp };
  } catch (error) {
    await handle.close();
    throw error instanceof LibraryFileError ? error : openFailure(path, error);
  }
}

/**
 * A window's buffer, kept for the next window once one is done with it: memory already touched
 * costs nothing to fill again, where a new 4 MB buffer costs 15–20 ms of fresh memory here, which
 * an import's two reads of a small file would each pay.
 */
let spare: Buffer | null = null;

function windowBuffer(size: number): Buffer {
  if (size !== WINDOW_BYTES) return Buffer.allocUnsafe(Math.max(1, size));
  const buffer = spare ?? Buffer.allocUnsafe(WINDOW_BYTES);
  spare = null;
  return buffer;
}

/**
 * The bytes [base, end) of a reader, in one reused buffer. `bytes` is exactly those bytes (a view:
 * valid until the next `advance`). `release` when done hands the buffer on to the next window.
 */
export class ByteWindow {
  private buffer: Buffer;
  base = 0;
  bytes: Buffer;

  constructor(
    readonly reader: ByteReader,
    size = WINDOW_BYTES,
  ) {
    this.buffer = windowBuffer(size);
    this.bytes = this.buffer.subarray(0, 0);
  }

  /** Gives the buffer to the next window; this one reads nothing more. */
  release(): void {
    if (this.buffer.length === WINDOW_BYTES) spare = this.buffer;
    this.buffer = Buffer.alloc(0);
    this.bytes = this.buffer;
  }

  get end(): number {
    return this.base + this.bytes.length;
  }

  get atEnd(): boolean {
    return this.end >= this.reader.size;
  }

  /**
   * Drops the bytes before `keepFrom` and reads on, until the buffer is full or the reader ends; the
   * buffer grows when [keepFrom, need) does not fit. Answers false when nothing more could be read.
   */
  async advance(keepFrom: number, need = 0): Promise<boolean> {
    const kept = Math.max(0, this.end - keepFrom);
    const wanted = Math.min(Math.max(need - keepFrom, kept + 1), this.reader.size - keepFrom);
    const from = keepFrom - this.base;
    if (wanted > this.buffer.length) {
      const larger = Buffer.allocUnsafe(Math.max(wanted, this.buffer.length * 2));
      if (kept > 0) this.buffer.copy(larger, 0, from, from + kept);
      this.buffer = larger;
    } else if (kept > 0 && from > 0) {
      this.buffer.copyWithin(0, from, from + kept);
    }
    this.base = keepFrom;
    let length = kept;
    while (length < this.buffer.length && this.base + length < this.reader.size) {
      const read = await this.reader.read(
        this.buffer,
        length,
        this.buffer.length - length,
        this.base + length,
      );
      if (read === 0) break;
      length += read;
    }
    this.bytes = this.buffer.subarray(0, length);
    return length > kept;
  }
}

/**
 * "line 12, column 5" for each byte offset (any order), read from the start of the reader once.
 * Only for errors: a file with none never pays for counting its lines.
 */
export async function describeOffsets(reader: ByteReader, offsets: readonly number[]): Promise<string[]> {
  const order = offsets.map((offset, index) => ({ offset, index })).sort((a, b) => a.offset - b.offset);
  const answers: string[] = new Array<string>(offsets.length);
  const counter = new PositionCounter();
  const window = new ByteWindow(reader);
  try {
    for (const { offset, index } of order) {
      while (counter.offset < offset) {
        if (counter.offset >= window.end && !(await window.advance(window.end))) break;
        const upTo = Math.min(offset, window.end);
        counter.advance(window.bytes, counter.offset - window.base, upTo - window.base);
      }
      answers[index] = counter.describe();
    }
    return answers;
  } finally {
    window.release();
  }
}
