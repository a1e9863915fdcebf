import { memo, useEffect, useRef, useState } from 'react';
import { COLUMN_KEYS, COLUMNS, type ColumnKey } from './columns';

/** Menu names for the columns whose headers are abbreviated. */
const MENU_LABELS: Partial<Record<ColumnKey, string>> = {
  rating: 'My rating',
  rottenTomatoes: 'Rotten Tomatoes',
};

/** Which table columns show: a small menu of check boxes (the title always shows). Memoised, as the search box is. */
export const ColumnsMenu = memo(function ColumnsMenu({
  columns,
  onChange,
}: {
  columns: ColumnKey[];
  onChange: (columns: ColumnKey[]) => void;
}) {
  const [open, setOpen] = useState(false);
  const menu = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!open) return undefined;
    const close = (event: MouseEvent) => {
      if (!menu.current?.contains(event.target as Node)) setOpen(false);
    };
    window.addEventListener('mousedown', close);
    return () => window.removeEventListener('mousedown', close);
  }, [open]);
  const toggle = (column: ColumnKey) =>
    onChange(
      columns.includes(column)
        ? columns.filter((c) => c !== column)
        : COLUMN_KEYS.filter((c) => c === column || columns.includes(c)),
    );
  return (
    <div className="columns-menu" ref={menu}>
      <button type="button" aria-haspopup="true" aria-expanded={open} onClick={() => setOpen(!open)}>
        Columns
      </button>
      {open ? (
        <div className="menu-popover" role="group" aria-label="Columns shown">
          {COLUMN_KEYS.map((column) => (
            <label key={column} className="menu-check">
              <input
                type="checkbox"
                checked={columns.includes(column)}
                disabled={column === 'title'}
                onChange={() => toggle(column)}
                onKeyDown={(event) => {
                  if (event.key === 'Escape') setOpen(false);
                }}
              />
              {MENU_LABELS[column] ?? COLUMNS[column].label}
            </label>
          ))}
        </div>
      ) : null}
    </div>
  );
});
