import { openSync, closeSync, readFileSync, writeFileSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FileWriter, WRITE_BUFFER } from '../../src/main/library/transfer/file-writer';
import { tempFolder } from '../support/temp-library';

/** Text of `length` characters, different at every length, some beyond ASCII (two or three bytes each). */
const textOf = (length: number, seed: number) =>
  Array.from({ length }, (_, i) => 'abcdé—xyz'[(i * 7 + seed) % 9]).join('');

describe('FileWriter (two buffers taking turns)', () => {
  it('writes text, bytes and ranges of another file in order, across many hand-offs and pieces larger than a buffer', async () => {
    const folder = tempFolder();
    const source = join(folder, 'source.bin');
    const sourceBytes = Buffer.from(textOf(3 * WRITE_BUFFER, 3));
    writeFileSync(source, sourceBytes);
    const sourceFd = openSync(source, 'r');
    const handle = await open(join(folder, 'out.bin'), 'w');
    const expected: Buffer[] = [];
    try {
      const writer = new FileWriter(handle);
      // Sizes around the buffer's: small ones that fill it unevenly, one just under, two over.
      const sizes = [1, 700_000, 400_000, WRITE_BUFFER - 1, 5, WRITE_BUFFER + 3, 90_000, 2 * WRITE_BUFFER];
      for (let round = 0; round < 3; round += 1) {
        for (const [i, size] of sizes.entries()) {
          const kind = (i + round) % 3;
          if (kind === 0) {
            const text = textOf(size, i + round);
            expected.push(Buffer.from(text));
            await writer.add(text);
          } else if (kind === 1) {
            const bytes = Buffer.from(textOf(size, i * round + 1));
            expected.push(Buffer.from(bytes));
            await writer.addBytes(bytes);
          } else {
            const length = Math.min(size, sourceBytes.length - 17);
            expected.push(sourceBytes.subarray(17, 17 + length));
            await writer.addFrom(sourceFd, 17, length);
          }
        }
      }
      await writer.flush();
    } finally {
      closeSync(sourceFd);
      await handle.close();
    }
    const written = readFileSync(join(folder, 'out.bin'));
    const whole = Buffer.concat(expected);
    expect(written.length).toBe(whole.length);
    expect(written.equals(whole)).toBe(true);
  });

  it('a write the file refuses fails flush (or the hand-off after it), never silently', async () => {
    const path = join(tempFolder(), 'read-only.bin');
    writeFileSync(path, '');
    // Opened for reading only: every write is refused by the operating system (EBADF).
    const handle = await open(path, 'r');
    try {
      const writer = new FileWriter(handle);
      const attempt = async () => {
        for (let i = 0; i < 4; i += 1) {
          await writer.add(textOf(WRITE_BUFFER / 2 + 1, i));
          // Time for a handed-off write to fail while nothing waits for it yet (as an export's
          // yields to the event loop give): its failure must wait for the next hand-off.
          await new Promise((resolve) => setTimeout(resolve, 30));
        }
        await writer.flush();
      };
      await expect(attempt()).rejects.toMatchObject({ code: 'EBADF' });
    } finally {
      await handle.close();
    }
    expect(readFileSync(path).length).toBe(0);
  });
});
