import { isUtf8 } from 'node:buffer';
import { describePosition } from './text-position';

/** Length of the sequence a lead byte starts, or 0 when the byte cannot start one. */
function sequenceLength(lead: number): number {
  if (lead < 0x80) return 1;
  if (lead >= 0xc2 && lead <= 0xdf) return 2;
  if (lead >= 0xe0 && lead <= 0xef) return 3;
  if (lead >= 0xf0 && lead <= 0xf4) return 4;
  return 0;
}

/** The allowed range of the byte after a lead byte (excludes overlong forms, surrogates, > U+10FFFF). */
function secondByteRange(lead: number): [number, number] {
  if (lead === 0xe0) return [0xa0, 0xbf];
  if (lead === 0xed) return [0x80, 0x9f];
  if (lead === 0xf0) return [0x90, 0xbf];
  if (lead === 0xf4) return [0x80, 0x8f];
  return [0x80, 0xbf];
}

/** The offset of the first byte that is not well-formed UTF-8, or -1 when all are. */
export function firstInvalidUtf8(bytes: Uint8Array, start = 0, end = bytes.length): number {
  let index = start;
  while (index < end) {
    const lead = bytes[index] ?? 0;
    const length = sequenceLength(lead);
    if (length === 0 || index + length > end) return index;
    for (let next = 1; next < length; next += 1) {
      const [low, high] = next === 1 ? secondByteRange(lead) : [0x80, 0xbf];
      const byte = bytes[index + next] ?? 0;
      if (byte < low || byte > high) return index;
    }
    index += length;
  }
  return -1;
}

/**
 * The reason `bytes` is not UTF-8, with the byte offset and line, or null when it is. Strict like
 * `new TextDecoder('utf-8', { fatal: true })`: bytes are never silently replaced.
 */
export function utf8Problem(bytes: Uint8Array, start = 0): string | null {
  const view = start === 0 ? bytes : bytes.subarray(start);
  if (isUtf8(view)) return null;
  const offset = firstInvalidUtf8(bytes, start);
  if (offset < 0) return 'is not valid UTF-8. Save the file as UTF-8 in its editor and import it again.';
  return notUtf8Message(offset, bytes[offset] ?? 0, describePosition(bytes, offset));
}

/** Why a file is not UTF-8: the byte at `offset` (`where`: its line and column) starts no character. */
export function notUtf8Message(offset: number, byte: number, where: string): string {
  const hex = byte.toString(16).toUpperCase().padStart(2, '0');
  return (
    `is not valid UTF-8: byte ${offset} (0x${hex}, ${where}) does not belong to a character. ` +
    'Save the file as UTF-8 in its editor and import it again.'
  );
}

const fatalDecoder = new TextDecoder('utf-8', { fatal: true });

/** Decodes bytes already checked by utf8Problem. */
export function decodeUtf8(bytes: Uint8Array, start: number, end: number): string {
  return fatalDecoder.decode(bytes.subarray(start, end));
}
