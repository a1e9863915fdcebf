import { describeQuery, queryParts, type BrowseQuery } from './browse-query';

type QueryLineProps = {
  query: BrowseQuery;
  total: number | null;
  libraryTotal: number | null;
  onChange: (query: BrowseQuery) => void;
  onClear: () => void;
};

const films = (n: number) => (n === 1 ? '1 film' : `${n.toLocaleString()} films`);

/**
 * The search, filters and order in force, read back as one line: each piece can be taken away on
 * its own, and one click clears them all.
 */
export function QueryLine({ query, total, libraryTotal, onChange, onClear }: QueryLineProps) {
  const parts = queryParts(query);
  const found =
    total === null
      ? ''
      : parts.some((part) => part.key !== 'sort') && libraryTotal !== null
        ? `${films(total)} of ${libraryTotal.toLocaleString()}`
        : films(total);
  return (
    <div
      className="query-line"
      role="status"
      aria-label={`${found}${parts.length > 0 ? `: ${describeQuery(query)}` : ''}`}
    >
      <span className="query-count">{found}</span>
      {parts.map((part) => (
        <span key={part.key} className="query-part">
          {part.label}
          <button
            type="button"
            className="query-part-remove"
            aria-label={`Remove ${part.label}`}
            onClick={() => onChange(part.without(query))}
          >
            ×
          </button>
        </span>
      ))}
      {parts.length > 0 ? (
        <button type="button" className="link-button clear-all" onClick={onClear}>
          Clear all
        </button>
      ) : null}
    </div>
  );
}
