import { describe, expect, it } from 'vitest';
import { fileSize } from '../../src/shared/file-size';

const KB = 1024;
const MB = 1024 * KB;
const GB = 1024 * MB;

describe('fileSize: one way of naming a size, in the window, the CLI and every problem', () => {
  it('counts bytes below a kilobyte, one byte in the singular', () => {
    expect(fileSize(0)).toBe('0 bytes');
    expect(fileSize(1)).toBe('1 byte');
    expect(fileSize(812)).toBe('812 bytes');
    expect(fileSize(1023)).toBe('1023 bytes');
  });

  it('gives kilobytes a tenth below ten, whole from ten', () => {
    expect(fileSize(KB)).toBe('1.0 KB');
    expect(fileSize(2115)).toBe('2.1 KB');
    expect(fileSize(9.94 * KB)).toBe('9.9 KB');
    expect(fileSize(10 * KB)).toBe('10 KB');
    expect(fileSize(840 * KB + 300)).toBe('840 KB');
  });

  it('keeps the tenth of megabytes and gigabytes, so a size just over a limit never reads as the limit', () => {
    expect(fileSize(1.3 * MB)).toBe('1.3 MB');
    expect(fileSize(20 * MB)).toBe('20.0 MB');
    expect(fileSize(20.4 * MB)).toBe('20.4 MB');
    expect(fileSize(100 * MB)).toBe('100.0 MB');
    expect(fileSize(2.1 * GB)).toBe('2.1 GB');
    expect(fileSize(3000 * GB)).toBe('3000.0 GB');
  });

  it('names a figure that would read 1024 of a unit in the next one', () => {
    expect(fileSize(MB - 1)).toBe('1.0 MB');
    expect(fileSize(1023.4 * KB)).toBe('1023 KB');
    expect(fileSize(GB - 1)).toBe('1.0 GB');
    expect(fileSize(1023.9 * MB)).toBe('1023.9 MB');
  });
});
