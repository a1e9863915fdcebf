import { useCallback, useState } from 'react';
import { COLUMN_KEYS, DEFAULT_COLUMNS, type ColumnKey } from './columns';

/** How browse looks, remembered in this window's storage: layout, table columns, panes. */
export type BrowseLayout = {
  layout: 'grid' | 'table';
  columns: ColumnKey[];
  widths: Partial<Record<ColumnKey, number>>;
  filtersOpen: boolean;
  detailOpen: boolean;
};

const STORAGE_KEY = 'filmfolio.browse.layout';

export const defaultLayout: BrowseLayout = {
  layout: 'table',
  columns: DEFAULT_COLUMNS,
  widths: {},
  filtersOpen: true,
  detailOpen: true,
};

/** The saved layout, with anything unknown or missing (an older version's save) back to defaults. */
export function loadLayout(storage: Pick<Storage, 'getItem'> = localStorage): BrowseLayout {
  try {
    const saved = JSON.parse(storage.getItem(STORAGE_KEY) ?? '{}') as Partial<BrowseLayout>;
    const columns = (saved.columns ?? []).filter((key): key is ColumnKey => COLUMN_KEYS.includes(key));
    return {
      layout: saved.layout === 'grid' ? 'grid' : 'table',
      columns: columns.includes('title') ? columns : DEFAULT_COLUMNS,
      widths: typeof saved.widths === 'object' && saved.widths !== null ? saved.widths : {},
      filtersOpen: saved.filtersOpen ?? defaultLayout.filtersOpen,
      detailOpen: saved.detailOpen ?? defaultLayout.detailOpen,
    };
  } catch {
    return defaultLayout;
  }
}

/** The layout and a setter that saves every change. */
export function useBrowseLayout(): [BrowseLayout, (change: Partial<BrowseLayout>) => void] {
  const [layout, setLayout] = useState(loadLayout);
  const change = useCallback((update: Partial<BrowseLayout>) => {
    setLayout((previous) => {
      const next = { ...previous, ...update };
      try {
        localStorage.setItem(STORAGE_KEY, JSON.stringify(next));
      } catch {
        // Storage full or unavailable: the layout still changes for this session.
      }
      return next;
    });
  }, []);
  return [layout, change];
}
