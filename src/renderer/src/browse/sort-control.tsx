import { sortKeys, sortLabels, type SortKey } from '../../../shared/browse';
import { effectiveSort, sortText, type BrowseQuery } from './browse-query';

/** The order, for the grid (the table also sorts from its headers): a list of keys and a way round. */
export function SortControl({
  query,
  onChange,
}: {
  query: BrowseQuery;
  onChange: (sort: SortKey, descending: boolean) => void;
}) {
  const sort = effectiveSort(query);
  const searching = query.search.trim() !== '';
  return (
    <div className="sort-control" role="group" aria-label="Order">
      <select
        aria-label="Sort by"
        value={sort}
        onChange={(event) => onChange(event.currentTarget.value as SortKey, false)}
      >
        {sortKeys
          .filter((key) => key !== 'relevance' || searching)
          .map((key) => (
            <option key={key} value={key}>
              {sortLabels[key].charAt(0).toUpperCase() + sortLabels[key].slice(1)}
            </option>
          ))}
      </select>
      <button
        type="button"
        className="icon-button"
        aria-label={sortText(sort, !query.descending).replace('sorted by', 'Sort by')}
        title={sortText(sort, !query.descending).replace('sorted by', 'Sort by')}
        onClick={() => onChange(sort, !query.descending)}
      >
        {query.descending ? '↓' : '↑'}
      </button>
    </div>
  );
}
