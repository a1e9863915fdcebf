import type { Section } from '../film-schema';
import { groupUnderHeadings, joinParagraphs, PARAGRAPH_BREAK, textLines, type PageLine } from './lines';
import type { ReadContext } from './read-context';

/** Joins a second run of paragraphs onto text the film already holds. */
export function appendParagraphs(existing: string | null, lines: readonly PageLine[]): string | null {
  const added = joinParagraphs(lines);
  if (existing === null) return added;
  return added === null ? existing : existing + PARAGRAPH_BREAK + added;
}

/** Plot Summary – Badly Explained: the quip, paragraphs kept. */
export function readQuip(lines: readonly PageLine[], ctx: ReadContext): void {
  ctx.film.quip = appendParagraphs(ctx.film.quip, textLines(lines));
}

/** Headed parts ("An Unprecedented Retreat…" + its paragraphs); a paragraph alone has no heading. */
export function readSections(lines: readonly PageLine[]): Section[] {
  return groupUnderHeadings(lines).map(({ heading, body }) => ({
    heading: heading?.text ?? null,
    body: joinParagraphs(body) ?? '',
  }));
}

/** Detailed Plot Synopsis. */
export function readSynopsis(lines: readonly PageLine[], ctx: ReadContext): void {
  ctx.film.synopsis.push(...readSections(lines));
}

/** Spoilers and Ending Explained: empty stays empty. */
export function readSpoilers(lines: readonly PageLine[], ctx: ReadContext): void {
  ctx.film.spoilers.push(...readSections(lines));
}
