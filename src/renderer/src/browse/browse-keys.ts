/** What a key pressed on the result means, whatever the layout. */
export type KeyIntent =
  | { kind: 'move'; to: number; extend: boolean; keepChoice: boolean }
  /** To the last film, while the result's exact length is still being counted: it waits for the count. */
  | { kind: 'move-to-end'; extend: boolean; keepChoice: boolean }
  | { kind: 'open' }
  | { kind: 'toggle' }
  | { kind: 'select-all' }
  | { kind: 'clear' }
  | { kind: 'trash' };

export type KeyPress = {
  key: string;
  shiftKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
};

export type Grid = {
  /** The row (or card) the keyboard is on, null before the first move. */
  cursor: number | null;
  /** Films in the result; only a lower bound while `totalExact` is false (the count is on its way). */
  total: number;
  totalExact: boolean;
  /** Cards per row (1 in the table). */
  columns: number;
  /** Rows a Page Up/Down moves by. */
  pageRows: number;
};

function moveBy(key: string, grid: Grid): number | null {
  const { columns } = grid;
  switch (key) {
    case 'ArrowDown':
      return columns;
    case 'ArrowUp':
      return -columns;
    case 'ArrowRight':
      return columns > 1 ? 1 : null;
    case 'ArrowLeft':
      return columns > 1 ? -1 : null;
    case 'PageDown':
      return grid.pageRows * columns;
    case 'PageUp':
      return -grid.pageRows * columns;
    default:
      return null;
  }
}

/**
 * Reads a key press on the result: arrows and Page keys move (Shift extends the choice, Ctrl/Cmd
 * moves without choosing), Home/End jump, Enter opens, Space adds or removes the film, Ctrl/Cmd+A
 * chooses the whole result, Esc clears, Delete sends the choice to the trash. Null: not ours.
 */
export function keyIntent(press: KeyPress, grid: Grid): KeyIntent | null {
  const command = press.ctrlKey || press.metaKey;
  if (press.altKey || grid.total === 0) return press.key === 'Escape' ? { kind: 'clear' } : null;
  const last = grid.total - 1;
  const how = { extend: press.shiftKey, keepChoice: command && !press.shiftKey };
  const move = (to: number): KeyIntent => ({ kind: 'move', to: Math.max(0, Math.min(last, to)), ...how });
  // While the result is still being counted its last film is not known yet: the lower bound is not
  // the end. Steps past the bound stop at it (those films exist); the count lands in milliseconds.
  const toEnd = (): KeyIntent => (grid.totalExact ? move(last) : { kind: 'move-to-end', ...how });
  if (press.key === 'Home') return move(0);
  if (press.key === 'End') return toEnd();
  const step = moveBy(press.key, grid);
  if (step !== null) {
    if (grid.cursor === null) return step > 0 ? move(0) : toEnd();
    return move(grid.cursor + step);
  }
  if (press.key === 'Enter') return grid.cursor === null ? null : { kind: 'open' };
  if (press.key === ' ') return grid.cursor === null ? null : { kind: 'toggle' };
  if (command && press.key.toLowerCase() === 'a') return { kind: 'select-all' };
  if (press.key === 'Escape') return { kind: 'clear' };
  if (press.key === 'Delete' || (press.key === 'Backspace' && press.metaKey)) return { kind: 'trash' };
  return null;
}

/** True when the key should put the keyboard in the search box: "/" outside a text field, or Ctrl/Cmd+F. */
export function isSearchShortcut(press: KeyPress, target: EventTarget | null): boolean {
  if ((press.ctrlKey || press.metaKey) && !press.altKey && press.key.toLowerCase() === 'f') return true;
  if (press.key !== '/' || press.ctrlKey || press.metaKey || press.altKey) return false;
  const element = target as HTMLElement | null;
  const typing = element?.closest?.('input, textarea, select, [contenteditable="true"]');
  return !typing;
}
