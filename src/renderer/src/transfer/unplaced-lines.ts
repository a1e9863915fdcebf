import type { IncomingFilmRow } from '../../../shared/transfer';

/** A line of a fact page that fits no field, as the import preview reports it. */
export type UnplacedLine = { line: number; text: string };

// The transfer layer reports each unplaced line as a warning `{path: 'line 12', message: 'not placed in any field: …'}`.
const LINE_PATH = /^line (\d+)$/;
const UNPLACED_PREFIX = 'not placed in any field: ';

/** The fact-page lines of an incoming film that no field took, in page order. */
export function unplacedLinesOf(row: Pick<IncomingFilmRow, 'warnings'>): UnplacedLine[] {
  return row.warnings.flatMap((warning) => {
    const line = LINE_PATH.exec(warning.path);
    if (!line || !warning.message.startsWith(UNPLACED_PREFIX)) return [];
    return [{ line: Number(line[1]), text: warning.message.slice(UNPLACED_PREFIX.length) }];
  });
}

/** True for a warning that is an unplaced line (shown in its own list, not among the warnings). */
export function isUnplacedLine(warning: { path: string; message: string }): boolean {
  return LINE_PATH.test(warning.path) && warning.message.startsWith(UNPLACED_PREFIX);
}

const NOTES_HEADING = 'From the fact page, not placed in any field:';

/** The film's notes with the unplaced lines kept at the end, under a heading that says where they came from. */
export function notesWithLines(notes: string | null, lines: readonly UnplacedLine[]): string | null {
  if (lines.length === 0) return notes;
  const kept = [NOTES_HEADING, ...lines.map((line) => line.text)].join('\n');
  return notes && notes.trim() !== '' ? `${notes.trimEnd()}\n\n${kept}` : kept;
}
