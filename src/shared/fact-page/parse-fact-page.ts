import { filmInputSchema, requiredText, type ParsedFilm } from '../film-schema';
import { findFilmTitle, readSectionHeading, type SectionKind } from './headings';
import { splitPageLines, type PageLine } from './lines';
import { isKnownLabel, readLabelledLine } from './overview-reader';
import { createReadContext, type ReadContext, type UnplacedLine } from './read-context';
import { SECTION_READERS } from './section-readers';
import { FactPageError, findTextProblem } from './text-checks';

/** A film read from a fact page, every line not placed in a field, and what the reader noticed. */
export type FactPageResult = {
  /** Validated by the film schema; id, sort title and timestamps are left for the library. */
  film: ParsedFilm;
  /** Lines that fit no field, with their 1-based line numbers, so nothing is silently lost. */
  unplaced: UnplacedLine[];
  warnings: string[];
};

/** The lines under one heading; the first part (before any heading) reads like the overview. */
type PageSection = { kind: SectionKind; heading: PageLine | null; lines: PageLine[] };

function splitIntoSections(lines: readonly PageLine[]): PageSection[] {
  let current: PageSection = { kind: 'overview', heading: null, lines: [] };
  const sections = [current];
  for (const line of lines) {
    const heading = readSectionHeading(line.text);
    if (heading) {
      current = { kind: heading.kind, heading: line, lines: [] };
      sections.push(current);
    } else {
      current.lines.push(line);
    }
  }
  return sections;
}

function readSection(section: PageSection, ctx: ReadContext): void {
  if (section.kind === 'unknown' && section.heading) {
    ctx.unplace(
      section.heading,
      `“${section.heading.text}” is not a part of a fact page this reader knows; its lines are listed as unplaced`,
    );
  }
  SECTION_READERS[section.kind](section.lines, ctx);
}

function filmTitle(lines: readonly PageLine[], ctx: ReadContext): string {
  const { title, otherTitles } = findFilmTitle(lines);
  if (!title) {
    throw new FactPageError(
      'no-title',
      'no film title found: a fact page names its film in headings like “The Work: Detailed Plot Synopsis” or “How to Watch The Work?”',
    );
  }
  if (otherTitles.length > 0) {
    ctx.warn(
      `the headings also name ${otherTitles.map((other) => `“${other}”`).join(', ')}; the film was taken to be “${title}”`,
    );
  }
  return title;
}

/** The longest text a film field holds; a longer line cannot be placed anywhere. */
const MAX_LINE_CHARS = requiredText.maxLength ?? 100_000;

/** Lines short enough to be a value; longer ones are reported straight away. */
function placeableLines(lines: readonly PageLine[], ctx: ReadContext): PageLine[] {
  return lines.filter((line) => {
    if (line.text.length <= MAX_LINE_CHARS) return true;
    ctx.unplace(
      line,
      `the line is ${line.text.length} characters long; a film's texts hold at most ${MAX_LINE_CHARS}`,
    );
    return false;
  });
}

function validate(film: unknown): ParsedFilm {
  const result = filmInputSchema.safeParse(film);
  if (result.success) return result.data;
  const issues = result.error.issues.map((issue) => `${issue.path.join('.') || 'film'}: ${issue.message}`);
  throw new FactPageError('invalid', `the fact page does not make a valid film: ${issues.join('; ')}`);
}

/**
 * Reads a film fact page (the text of a `.txt` page like the seed) into a film.
 * Throws a FactPageError when the text is empty, binary, over 5 MB or names no film.
 */
export function parseFactPage(text: string): FactPageResult {
  const problem = findTextProblem(text);
  if (problem) throw problem;
  const ctx = createReadContext();
  const lines = placeableLines(splitPageLines(text), ctx);
  const title = filmTitle(lines, ctx);
  for (const section of splitIntoSections(lines)) readSection(section, ctx);
  const unplaced = [...ctx.unplaced].sort((a, b) => a.line - b.line);
  return { film: validate({ title, ...ctx.film }), unplaced, warnings: ctx.warnings };
}

const DETECTION_CHARS = 200_000;

const isRecognisedLine = (text: string): boolean => {
  const heading = readSectionHeading(text);
  if (heading) return heading.kind !== 'unknown';
  const labelled = readLabelledLine(text);
  return labelled !== null && isKnownLabel(labelled.label);
};

/** True when the text has at least two fact-page headings or overview lines (and is not JSON). */
export function looksLikeFactPage(text: string): boolean {
  const start = text.slice(0, DETECTION_CHARS);
  if (/^\uFEFF?\s*[[{]/.test(start)) return false;
  return splitPageLines(start).filter((line) => isRecognisedLine(line.text)).length >= 2;
}
