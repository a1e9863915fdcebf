/** Where a byte offset falls in a file, the way an editor shows it (line and column from 1). */
export type TextPosition = { line: number; column: number };

const NEWLINE = 0x0a;

/** Line and column of `offset` in `bytes`; the column counts characters, not bytes. */
export function positionOf(bytes: Uint8Array, offset: number): TextPosition {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(offset, bytes.length);
  for (let index = 0; index < end; index += 1) {
    if (bytes[index] === NEWLINE) {
      line += 1;
      lineStart = index + 1;
    }
  }
  let column = 1;
  // UTF-8 continuation bytes (10xxxxxx) do not start a character.
  for (let index = lineStart; index < end; index += 1) if (((bytes[index] ?? 0) & 0xc0) !== 0x80) column += 1;
  return { line, column };
}

/** "line 12, column 5". */
export function describePosition(bytes: Uint8Array, offset: number): string {
  const { line, column } = positionOf(bytes, offset);
  return `line ${line}, column ${column}`;
}

/** Line and column counted forward through a file a piece at a time (positionOf, without the whole file). */
export class PositionCounter {
  /** The byte offset counted up to. */
  offset = 0;
  private line = 1;
  private column = 1;

  /** Counts `bytes[from, to)`, which are the file's bytes from `this.offset` on. */
  advance(bytes: Uint8Array, from: number, to: number): void {
    for (let index = from; index < to; index += 1) {
      const byte = bytes[index] as number;
      if (byte === NEWLINE) {
        this.line += 1;
        this.column = 1;
      } else if ((byte & 0xc0) !== 0x80) this.column += 1;
    }
    this.offset += to - from;
  }

  describe(): string {
    return `line ${this.line}, column ${this.column}`;
  }
}
