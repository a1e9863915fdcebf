import { fileSize } from '../file-size';

/** Why a fact page could not be read at all. */
export type FactPageProblem = 'empty' | 'binary' | 'too-large' | 'no-title' | 'invalid';

/** A fact page that cannot be read; `message` says what to do about it. */
export class FactPageError extends Error {
  readonly problem: FactPageProblem;

  constructor(problem: FactPageProblem, message: string) {
    super(message);
    this.name = 'FactPageError';
    this.problem = problem;
  }
}

const MEGABYTE = 1024 * 1024;
/** The largest fact page accepted: real ones are about 15 KB. */
export const MAX_FACT_PAGE_BYTES = 5 * MEGABYTE;
const SAMPLE_CHARS = 64 * 1024;
const MAX_CONTROL_SHARE = 0.1;

/** UTF-8 length without building the bytes (a 50 MB string stays a string). */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code < 0xdc00) {
      bytes += 4;
      index += 1;
    } else bytes += 3;
  }
  return bytes;
}

/** "fact page is 50.0 MB; the largest accepted is 5.0 MB". */
function sizeProblem(text: string): FactPageError | null {
  if (text.length <= MAX_FACT_PAGE_BYTES / 3) return null;
  const bytes = utf8Length(text);
  if (bytes <= MAX_FACT_PAGE_BYTES) return null;
  return new FactPageError(
    'too-large',
    `fact page is ${fileSize(bytes)}; the largest accepted is ${fileSize(MAX_FACT_PAGE_BYTES)}`,
  );
}

/** Control characters other than tab, line feed, form feed and carriage return, and U+FFFD (undecodable bytes). */
const isBinaryChar = (code: number): boolean =>
  (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0c && code !== 0x0d) ||
  code === 0x7f ||
  code === 0xfffd;

function binaryShare(sample: string): number {
  let binary = 0;
  for (let index = 0; index < sample.length; index += 1)
    if (isBinaryChar(sample.charCodeAt(index))) binary += 1;
  return binary / sample.length;
}

function binaryProblem(text: string): FactPageError | null {
  if (text.includes('\u0000')) {
    return new FactPageError(
      'binary',
      'fact page looks like a binary file (it contains NUL bytes), not text; choose the .txt fact page',
    );
  }
  const sample = text.slice(0, SAMPLE_CHARS);
  const share = binaryShare(sample);
  if (share <= MAX_CONTROL_SHARE) return null;
  return new FactPageError(
    'binary',
    `fact page looks like a binary file (${Math.round(share * 100)}% of its characters are control or undecodable characters), not text; choose the .txt fact page`,
  );
}

/** The reason `text` cannot be a fact page before any reading: too large, empty or binary. */
export function findTextProblem(text: string): FactPageError | null {
  const tooLarge = sizeProblem(text);
  if (tooLarge) return tooLarge;
  if (text.replace(/^\uFEFF/, '').trim() === '') {
    return new FactPageError('empty', 'fact page is empty: the file holds no text');
  }
  return binaryProblem(text);
}
