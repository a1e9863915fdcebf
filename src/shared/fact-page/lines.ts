/** One line of a fact page: its 1-based number in the file and its trimmed text ("" when blank). */
export type PageLine = { number: number; text: string };

/** Paragraphs inside one text value are separated by a blank line. */
export const PARAGRAPH_BREAK = '\n\n';

/** Splits on \n, \r\n or \r, dropping a leading byte-order mark. */
export function splitPageLines(text: string): PageLine[] {
  return text
    .replace(/^\uFEFF/, '')
    .split(/\r\n|\r|\n/)
    .map((line, index) => ({ number: index + 1, text: line.trim() }));
}

const LIST_MARKER = /^[-–—•*]\s+/;

/** True for "- item" (also •, *, en and em dash). */
export function hasListMarker(text: string): boolean {
  return LIST_MARKER.test(text);
}

/** "- item" → "item". */
export function stripListMarker(text: string): string {
  return text.replace(LIST_MARKER, '').trim();
}

const OPENING_QUOTE = /^[“"„«]/;
const CLOSING_QUOTE = /[”"“»]$/;

/**
 * “text” → text. A lone opening mark is dropped when the text never closes it (the page's
 * critic reviews), a lone closing mark likewise; quotes inside the text are kept.
 */
export function stripQuoteMarks(text: string): string {
  const opens = OPENING_QUOTE.test(text);
  const closes = text.length > 1 && CLOSING_QUOTE.test(text);
  const inner = text.slice(opens ? 1 : 0, closes ? -1 : undefined);
  if (opens && closes) return inner.trim();
  if (opens && !/[”"»]/.test(inner)) return inner.trim();
  if (closes && !/[“"«]/.test(inner)) return inner.trim();
  return text;
}

const SENTENCE_END = /[.!:;,…"”’)]$/;
const MAX_HEADING_CHARS = 100;
const MAX_HEADING_WORDS = 14;

/** A short line without sentence punctuation at its end: reads as a heading or a title. */
export function isHeadingLike(text: string): boolean {
  return (
    text.length > 0 &&
    text.length <= MAX_HEADING_CHARS &&
    text.split(/\s+/).length <= MAX_HEADING_WORDS &&
    !SENTENCE_END.test(text) &&
    !hasListMarker(text)
  );
}

/** A headed group of paragraphs: a synopsis part, a bonus video. */
export type LineGroup = { heading: PageLine | null; body: PageLine[] };

/**
 * Groups paragraphs under headings: a heading-like line followed by text starts a group, a blank
 * line ends one, and text after a blank line without a heading starts a group of its own.
 */
export function groupUnderHeadings(lines: readonly PageLine[]): LineGroup[] {
  const groups: LineGroup[] = [];
  let open: LineGroup | null = null;
  lines.forEach((line, index) => {
    if (line.text === '') {
      open = null;
    } else if (isHeadingLike(line.text) && startsBody(lines, index + 1)) {
      open = { heading: line, body: [] };
      groups.push(open);
    } else if (open) {
      open.body.push(line);
    } else {
      open = { heading: null, body: [line] };
      groups.push(open);
    }
  });
  return groups;
}

/** True when the line at `index` is text that can sit under a heading. */
function startsBody(lines: readonly PageLine[], index: number): boolean {
  const next = lines[index];
  return next !== undefined && next.text !== '' && !isHeadingLike(next.text);
}

/** The paragraphs' texts, joined with a blank line between them; null when there are none. */
export function joinParagraphs(lines: readonly PageLine[]): string | null {
  return lines.length === 0 ? null : lines.map((line) => line.text).join(PARAGRAPH_BREAK);
}

/** Non-blank lines only. */
export function textLines(lines: readonly PageLine[]): PageLine[] {
  return lines.filter((line) => line.text !== '');
}
