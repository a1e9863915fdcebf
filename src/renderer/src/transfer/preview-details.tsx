import { useMemo, useState } from 'react';
import type { Problem } from '../../../shared/contract';
import type { IncomingFilmRow } from '../../../shared/transfer';
import { STATUS_LABELS } from './labels';
import { libraryRecordExcerpt, pageLineExcerpt, type RecordExcerpt } from './record-excerpt';
import { isUnplacedLine, type UnplacedLine } from './unplaced-lines';

/** A film of the preview and the place in it a person clicked (a problem's or warning's path). */
export type Selection = { index: number; path: string | null };

/** Where a problem points inside its film: `films[2].boxOffice.worldwide.amount` → boxOffice › worldwide › amount. */
function fieldSteps(place: string, path: string): string[] {
  const inside = path.startsWith(place) ? path.slice(place.length) : path;
  return inside.split(/\.|(?=\[)/).filter((step) => step !== '');
}

function FieldPath({ place, path }: { place: string; path: string }) {
  const steps = fieldSteps(place, path);
  if (steps.length === 0) return <span className="field-path">the whole film</span>;
  return (
    <span className="field-path">
      {steps.map((step, position) => (
        <span key={position} className={position === steps.length - 1 ? 'field-step last' : 'field-step'}>
          {step}
        </span>
      ))}
    </span>
  );
}

const PROBLEMS_SHOWN = 100;

/** Every problem (or warning) of the preview, each a button that shows its film and field. */
export function FindingList({
  title,
  rows,
  pick,
  fileWide = [],
  onSelect,
  tone,
}: {
  title: string;
  rows: readonly IncomingFilmRow[];
  pick: (row: IncomingFilmRow) => Problem[];
  fileWide?: readonly Problem[];
  onSelect: (selection: Selection) => void;
  tone: 'problem' | 'warning';
}) {
  const [all, setAll] = useState(false);
  const findings = useMemo(
    () => rows.flatMap((row) => pick(row).map((finding) => ({ row, finding }))),
    [rows, pick],
  );
  const total = findings.length + fileWide.length;
  if (total === 0) return null;
  const shown = all ? findings : findings.slice(0, PROBLEMS_SHOWN);
  return (
    <section className={`findings findings-${tone}`} aria-label={title}>
      <h3>
        {title} <span className="muted">({total.toLocaleString('en')})</span>
      </h3>
      <ul>
        {fileWide.map((finding, position) => (
          <li key={`file-${position}`}>
            <span className="finding-path">{finding.path}</span>: {finding.message}
          </li>
        ))}
        {shown.map(({ row, finding }, position) => (
          <li key={position}>
            <button
              type="button"
              className="finding"
              onClick={() => onSelect({ index: row.index, path: finding.path })}
            >
              <span className="finding-path">{finding.path}</span>: {finding.message}
            </button>
          </li>
        ))}
      </ul>
      {shown.length < findings.length ? (
        <button type="button" className="link" onClick={() => setAll(true)}>
          Show all {findings.length.toLocaleString('en')}
        </button>
      ) : null}
    </section>
  );
}

/** The problems that reject films. */
export const problemsOf = (row: IncomingFilmRow): Problem[] => row.problems;
/** Warnings that do not stop a film (unknown fields), without a fact page's unplaced lines (listed apart). */
export const warningsOf = (row: IncomingFilmRow): Problem[] =>
  row.warnings.filter((warning) => !isUnplacedLine(warning));

function Excerpt({ excerpt, label }: { excerpt: RecordExcerpt; label: string }) {
  return (
    <pre className="record-excerpt" aria-label={label} tabIndex={0}>
      {excerpt.lines.map((line) => (
        <div
          key={line.number}
          className={line.number === excerpt.marked ? 'excerpt-line marked' : 'excerpt-line'}
        >
          <span className="excerpt-number">{line.number}</span>
          {line.text}
        </div>
      ))}
    </pre>
  );
}

/** One film of the preview in detail: where it is, what is wrong with it, and the record itself when the window has it. */
export function SelectedFilm({
  row,
  path,
  text,
  onSelectPath,
  onClose,
}: {
  row: IncomingFilmRow;
  path: string | null;
  /** The source file's text, when the window read it. */
  text: string | null;
  onSelectPath: (path: string) => void;
  onClose: () => void;
}) {
  const findings = [
    ...row.problems.map((finding) => ({ finding, tone: 'problem' })),
    ...row.warnings.map((finding) => ({ finding, tone: 'warning' })),
  ];
  const excerpt = useMemo(() => {
    if (text === null) return null;
    if (path && /^line \d+$/.test(path)) return pageLineExcerpt(text, path);
    return libraryRecordExcerpt(text, row.place, path);
  }, [text, path, row.place]);
  return (
    <section className="selected-film" aria-label={`Film ${row.index + 1} of the file`}>
      <header>
        <h3>
          {row.title ?? '(no title)'}
          {row.year !== null ? ` (${row.year})` : ''}
        </h3>
        <button type="button" className="link" onClick={onClose} aria-label="Close the film’s details">
          Close
        </button>
      </header>
      <p className="muted">
        {row.place} of {row.source} ·{' '}
        <span className={`status status-${row.status}`}>{STATUS_LABELS[row.status]}</span>
      </p>
      {findings.length > 0 ? (
        <ul className="selected-findings">
          {findings.map(({ finding, tone }, position) => (
            <li key={position} className={`${tone}${finding.path === path ? ' current' : ''}`}>
              <button type="button" className="finding" onClick={() => onSelectPath(finding.path)}>
                <FieldPath place={row.place} path={finding.path} />
                <span className="finding-message">{finding.message}</span>
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p>Nothing wrong with this film.</p>
      )}
      {excerpt ? (
        <Excerpt excerpt={excerpt} label={`The record of ${row.place} as the file holds it`} />
      ) : text === null && findings.length > 0 ? (
        <p className="muted">
          Open the file in a text editor at {row.place} to see the record; the window did not read the file
          itself.
        </p>
      ) : null}
    </section>
  );
}

/** A fact page's lines no field took, and whether to keep them in the film's notes. */
export function UnplacedLines({
  lines,
  keep,
  disabled,
  onKeep,
  onSelect,
}: {
  lines: readonly UnplacedLine[];
  keep: boolean;
  disabled: boolean;
  onKeep: (keep: boolean) => void;
  onSelect: (line: number) => void;
}) {
  if (lines.length === 0) return null;
  return (
    <section className="findings unplaced" aria-label="Lines not placed in any field">
      <h3>
        Lines not placed in any field <span className="muted">({lines.length})</span>
      </h3>
      <ul>
        {lines.map((line) => (
          <li key={line.line}>
            <button type="button" className="finding" onClick={() => onSelect(line.line)}>
              <span className="finding-path">line {line.line}</span> {line.text}
            </button>
          </li>
        ))}
      </ul>
      <label className="check">
        <input
          type="checkbox"
          checked={keep}
          disabled={disabled}
          onChange={(event) => onKeep(event.target.checked)}
        />
        Keep these lines in the film’s notes
      </label>
    </section>
  );
}
