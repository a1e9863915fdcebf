import { basename } from 'node:path';
import type { Problem } from '../shared/contract';
import type { ImportCounts, ImportPreviewSummary, IncomingFilmRow } from '../shared/transfer';
import { fileSize } from '../shared/file-size';

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

function filmName(row: Pick<IncomingFilmRow, 'title' | 'year'>): string {
  if (row.title === null) return '(no title)';
  return `${row.title}${row.year === null ? '' : ` (${row.year})`}`;
}

const ACTION_WORDS = {
  add: 'add',
  replace: 'replace it',
  merge: 'merge into it',
  'keep-both': 'keep both',
  skip: 'skip',
  reject: 'reject',
} as const;

function rowLine(row: IncomingFilmRow, manySources: boolean): string {
  const place = manySources ? `${basename(row.source)}: ${row.place}` : row.place;
  const stored = row.match && row.repeatOf === null ? ` as “${filmName(row.match)}”` : '';
  const match = row.match ? `  ${row.match.detail}${stored} → ${ACTION_WORDS[row.action]}` : '';
  return `  ${row.status.padEnd(10)} ${place}  ${filmName(row)}${match}`;
}

/** `films[3].year: expected a whole year, got 1.5`. */
export function problemLine(problem: Problem): string {
  return problem.path ? `${problem.path}: ${problem.message}` : problem.message;
}

/** "4 films: 1 new, 1 updated, …" */
export function countsLine(counts: ImportCounts): string {
  return (
    `${plural(counts.total, 'film')}: ${counts.new} new, ${counts.updated} updated, ${counts.unchanged} unchanged, ` +
    `${counts.skipped} skipped, ${counts.keptBoth} kept both, ${counts.rejected} rejected`
  );
}

/** Every problem and warning of a preview, one a line. */
export function previewMessages(preview: ImportPreviewSummary): { problems: string[]; warnings: string[] } {
  const manySources = preview.sources.length > 1;
  const prefix = (row: IncomingFilmRow) => (manySources ? `${basename(row.source)}: ` : '');
  return {
    problems: preview.films.flatMap((row) => row.problems.map((p) => prefix(row) + problemLine(p))),
    warnings: [
      ...preview.warnings.map(problemLine),
      ...preview.films.flatMap((row) => row.warnings.map((p) => prefix(row) + problemLine(p))),
    ],
  };
}

/** The preview as a person reads it: sources, one line per film, problems and warnings, counts. */
export function previewText(preview: ImportPreviewSummary): string {
  const manySources = preview.sources.length > 1;
  const sources = preview.sources.map(
    (source) =>
      `Reading ${source.path} (${source.kind === 'library' ? 'library file' : 'fact page'}, ${plural(source.films, 'film')}, ${fileSize(source.bytes)})`,
  );
  const { problems, warnings } = previewMessages(preview);
  return [
    `Library: ${preview.libraryPath === ':memory:' ? '(none yet: a new, empty one)' : preview.libraryPath}`,
    ...sources,
    '',
    ...preview.films.map((row) => rowLine(row, manySources)),
    ...(problems.length > 0
      ? ['', 'Problems (these films are rejected):', ...problems.map((p) => `  ${p}`)]
      : []),
    ...(warnings.length > 0 ? ['', 'Warnings:', ...warnings.map((w) => `  ${w}`)] : []),
    '',
    countsLine(preview.counts),
    '',
  ].join('\n');
}
