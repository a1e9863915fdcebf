/** Where a byte offset falls in a file, the way an editor shows it (line and column from 1). */
export type TextPosition = { line: number; column: number };

const NEWLINE = 0x0a;

const describe = ({ line, column }: TextPosition) => `line ${line}, column ${column}`;

/** Line and column of `offset` in `bytes`; the column counts characters, not bytes. */
export function positionOf(bytes: Uint8Array, offset: number): TextPosition {
  const counter = new PositionCounter();
  counter.advance(bytes, 0, Math.min(offset, bytes.length));
  return counter.position();
}

/** "line 12, column 5". */
export function describePosition(bytes: Uint8Array, offset: number): string {
  return describe(positionOf(bytes, offset));
}

/**
 * Line and column counted forward through a file a piece at a time, so a file need not be in memory
 * whole (describeOffsets); positionOf counts a buffer with it.
 */
export class PositionCounter {
  /** The byte offset counted up to. */
  offset = 0;
  private line = 1;
  private column = 1;

  /**
   * Counts `bytes[from, to)`, which are the file's bytes from `this.offset` on. UTF-8 continuation
   * bytes (10xxxxxx) do not start a character.
   */
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

  position(): TextPosition {
    return { line: this.line, column: this.column };
  }

  describe(): string {
    return describe(this.position());
  }
}
