import { describeQuery, queryParts, type BrowseQuery } from './browse-query';
import { formatCount } from './numbers';

type QueryLineProps = {
  query: BrowseQuery;
  total: number | null;
  /** False while `total` is only a lower bound (a big search's first page came before its count). */
  totalExact: boolean;
  /** The exact count is on its way (else, when not exact, it failed). */
  counting: boolean;
  libraryTotal: number | null;
  onChange: (query: BrowseQuery) => void;
  onClear: () => void;
};

const films = (n: number) => (n === 1 ? '1 film' : `${formatCount(n)} films`);

/**
 * "1,234 films", or while a big search is still being counted "More than 500 films · counting…":
 * the bound is true as it stands, and the same status element then reads out the exact number.
 */
function foundText(total: number, exact: boolean, counting: boolean, of: string): string {
  if (exact) return `${films(total)}${of}`;
  return `More than ${films(total - 1)}${of} · ${counting ? 'counting…' : 'not counted'}`;
}

/**
 * The search, filters and order in force, read back as one line: each piece can be taken away on
 * its own, and one click clears them all.
 */
export function QueryLine(props: QueryLineProps) {
  const { query, total, totalExact, counting, libraryTotal, onChange, onClear } = props;
  const parts = queryParts(query);
  const of =
    parts.some((part) => part.key !== 'sort') && libraryTotal !== null
      ? ` of ${formatCount(libraryTotal)}`
      : '';
  const found = total === null ? '' : foundText(total, totalExact, counting, of);
  return (
    <div
      className="query-line"
      role="status"
      aria-label={`${found}${parts.length > 0 ? `: ${describeQuery(query)}` : ''}`}
    >
      <span className={`query-count${totalExact ? '' : ' is-counting'}`}>{found}</span>
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
