import { useEffect, useRef, useState } from 'react';
import type { DuplicateRule, ImportCounts, IncomingFilmRow } from '../../../shared/transfer';
import { ACTION_LABELS, MATCH_LABELS, RULE_LABELS, STATUS_LABELS } from './labels';

/** Which rows the table shows: all, or those of one count. */
export type RowFilter =
  'all' | 'new' | 'updated' | 'unchanged' | 'skipped' | 'kept-both' | 'rejected' | 'duplicates' | 'warnings';

const FILTERS: Record<RowFilter, { label: string; keeps: (row: IncomingFilmRow) => boolean }> = {
  all: { label: 'All', keeps: () => true },
  new: { label: 'New', keeps: (row) => row.action === 'add' },
  updated: { label: 'Updated', keeps: (row) => row.action === 'replace' || row.action === 'merge' },
  unchanged: { label: 'Unchanged', keeps: (row) => row.status === 'unchanged' && row.action === 'skip' },
  skipped: { label: 'Skipped', keeps: (row) => row.action === 'skip' && row.status !== 'unchanged' },
  'kept-both': { label: 'Added as other films', keeps: (row) => row.action === 'keep-both' },
  rejected: { label: 'Rejected', keeps: (row) => row.action === 'reject' },
  duplicates: {
    label: 'Duplicates',
    keeps: (row) => row.status === 'duplicate' || row.status === 'unchanged',
  },
  warnings: { label: 'With warnings', keeps: (row) => row.warnings.length > 0 },
};

/** Shown even at zero: the counts a person looks for first. */
const ALWAYS_SHOWN: RowFilter[] = ['all', 'new', 'updated', 'unchanged', 'rejected', 'duplicates'];

function countOf(filter: RowFilter, counts: ImportCounts, rows: readonly IncomingFilmRow[]): number {
  switch (filter) {
    case 'all':
      return counts.total;
    case 'kept-both':
      return counts.keptBoth;
    case 'warnings':
      return rows.filter(FILTERS.warnings.keeps).length;
    default:
      return counts[filter];
  }
}

/** The counts as buttons: each shows its films in the table. */
export function CountFilters({
  counts,
  rows,
  filter,
  onFilter,
}: {
  counts: ImportCounts;
  rows: readonly IncomingFilmRow[];
  filter: RowFilter;
  onFilter: (filter: RowFilter) => void;
}) {
  const shown = (Object.keys(FILTERS) as RowFilter[]).filter(
    (key) => ALWAYS_SHOWN.includes(key) || countOf(key, counts, rows) > 0,
  );
  return (
    <div className="count-filters" role="group" aria-label="Show films">
      {shown.map((key) => (
        <button
          key={key}
          type="button"
          className={`count-filter count-${key}`}
          aria-pressed={filter === key}
          onClick={() => onFilter(key)}
        >
          <span className="count-number">{countOf(key, counts, rows).toLocaleString('en')}</span>{' '}
          <span className="count-label">{FILTERS[key].label}</span>
        </button>
      ))}
    </div>
  );
}

export function rowsFor(filter: RowFilter, rows: readonly IncomingFilmRow[]): IncomingFilmRow[] {
  return rows.filter(FILTERS[filter].keeps);
}

const PAGE_ROWS = 200;

type PreviewTableProps = {
  rows: readonly IncomingFilmRow[];
  rule: DuplicateRule;
  overrides: Record<string, DuplicateRule>;
  selected: number | null;
  disabled: boolean;
  onSelect: (index: number) => void;
  onOverride: (index: number, rule: DuplicateRule | null) => void;
};

/** The incoming films, a page at a time (an import may hold 100,000), each with what will happen to it. */
export function PreviewTable({
  rows,
  rule,
  overrides,
  selected,
  disabled,
  onSelect,
  onOverride,
}: PreviewTableProps) {
  const [shown, setShown] = useState(PAGE_ROWS);
  const selectedRow = useRef<HTMLTableRowElement>(null);
  const position = selected === null ? -1 : rows.findIndex((row) => row.index === selected);
  const visible = Math.max(shown, position + 1);
  useEffect(() => {
    selectedRow.current?.scrollIntoView?.({ block: 'nearest' });
  }, [selected]);
  if (rows.length === 0) return <p className="muted preview-empty">No films here.</p>;
  return (
    <div className="preview-table-wrap">
      <table className="preview-table">
        <thead>
          <tr>
            <th scope="col">#</th>
            <th scope="col">Film</th>
            <th scope="col">Status</th>
            <th scope="col">In your library</th>
            <th scope="col">What happens</th>
          </tr>
        </thead>
        <tbody>
          {rows.slice(0, visible).map((row) => (
            <tr
              key={row.index}
              ref={row.index === selected ? selectedRow : undefined}
              className={row.index === selected ? 'selected' : undefined}
              aria-selected={row.index === selected}
              onClick={() => onSelect(row.index)}
            >
              <td className="row-number">{row.index + 1}</td>
              <td>
                <button type="button" className="link film-title" onClick={() => onSelect(row.index)}>
                  {row.title ?? '(no title)'}
                </button>
                {row.year !== null ? <span className="muted"> ({row.year})</span> : null}
                <div className="muted row-place">{row.place}</div>
              </td>
              <td>
                <span className={`status status-${row.status}`}>{STATUS_LABELS[row.status]}</span>
                {row.problems.length > 0 ? (
                  <span className="badge warn">
                    {row.problems.length} problem{row.problems.length === 1 ? '' : 's'}
                  </span>
                ) : null}
                {row.warnings.length > 0 ? (
                  <span className="badge">
                    {row.warnings.length} warning{row.warnings.length === 1 ? '' : 's'}
                  </span>
                ) : null}
              </td>
              <td>{row.match ? <MatchText row={row} /> : <span className="muted">—</span>}</td>
              <td onClick={(event) => event.stopPropagation()}>
                <ActionCell
                  row={row}
                  rule={rule}
                  override={overrides[String(row.index)] ?? null}
                  disabled={disabled}
                  onOverride={onOverride}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {rows.length > visible ? (
        <button type="button" className="show-more" onClick={() => setShown(visible + PAGE_ROWS)}>
          Show {Math.min(PAGE_ROWS, rows.length - visible)} more (
          {(rows.length - visible).toLocaleString('en')} not shown)
        </button>
      ) : null}
    </div>
  );
}

function MatchText({ row }: { row: IncomingFilmRow }) {
  const match = row.match!;
  return (
    <>
      {row.repeatOf !== null ? 'Earlier in this file: ' : null}
      {match.title}
      {match.year !== null ? ` (${match.year})` : ''}
      <div className="muted" title={`Found by ${MATCH_LABELS[match.by]}`}>
        {match.detail}
      </div>
    </>
  );
}

/** The rules one film may be given: a film equal to the stored one (or repeated) is skipped or added again. */
function rulesFor(row: IncomingFilmRow): DuplicateRule[] {
  return row.status === 'unchanged' || row.repeatOf !== null
    ? ['skip', 'keep-both']
    : ['skip', 'replace', 'merge', 'keep-both'];
}

/** What the import's rule alone does with a film (as the transfer layer's actionFor decides). */
function ruleAction(row: IncomingFilmRow, rule: DuplicateRule): DuplicateRule {
  if (row.repeatOf !== null) return rule === 'keep-both' ? 'keep-both' : 'skip';
  return row.status === 'unchanged' ? 'skip' : rule;
}

function ActionCell({
  row,
  rule,
  override,
  disabled,
  onOverride,
}: {
  row: IncomingFilmRow;
  rule: DuplicateRule;
  override: DuplicateRule | null;
  disabled: boolean;
  onOverride: (index: number, rule: DuplicateRule | null) => void;
}) {
  const canOverride = row.status === 'duplicate' || row.status === 'unchanged' || row.repeatOf !== null;
  if (!canOverride) return <span className={`action action-${row.action}`}>{ACTION_LABELS[row.action]}</span>;
  return (
    <select
      aria-label={`What to do with “${row.title ?? row.place}”`}
      value={override ?? ''}
      disabled={disabled}
      onChange={(event) =>
        onOverride(row.index, event.target.value === '' ? null : (event.target.value as DuplicateRule))
      }
    >
      <option value="">
        {ACTION_LABELS[override === null ? row.action : ruleAction(row, rule)]} (the import’s rule)
      </option>
      {rulesFor(row).map((choice) => (
        <option key={choice} value={choice}>
          {RULE_LABELS[choice].label}
        </option>
      ))}
    </select>
  );
}
