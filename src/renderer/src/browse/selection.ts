/**
 * Which films of the result are chosen, as desktop lists do it: a click chooses one, Ctrl/Cmd-click
 * adds or removes one, Shift-click chooses the run from the anchor (the last plain or Ctrl click),
 * and "select all" chooses the whole result, however long, without fetching it: it is kept as
 * "everything except these".
 */
export type Selection =
  | { mode: 'some'; ids: ReadonlySet<string>; anchor: number | null }
  | { mode: 'all'; except: ReadonlySet<string>; anchor: number | null };

export const noSelection: Selection = { mode: 'some', ids: new Set(), anchor: null };

export type ClickKind = 'plain' | 'toggle' | 'range';

/** How a click reads its modifier keys: Shift for a run, Ctrl or Cmd to add or remove one. */
export function clickKind(event: { shiftKey: boolean; ctrlKey: boolean; metaKey: boolean }): ClickKind {
  if (event.shiftKey) return 'range';
  return event.ctrlKey || event.metaKey ? 'toggle' : 'plain';
}

export function isSelected(selection: Selection, id: string): boolean {
  return selection.mode === 'all' ? !selection.except.has(id) : selection.ids.has(id);
}

/** How many films are chosen, out of `total` in the result. */
export function selectedCount(selection: Selection, total: number): number {
  return selection.mode === 'all' ? total - selection.except.size : selection.ids.size;
}

export function selectOne(id: string, index: number): Selection {
  return { mode: 'some', ids: new Set([id]), anchor: index };
}

export function toggleOne(selection: Selection, id: string, index: number): Selection {
  if (selection.mode === 'all') {
    const except = new Set(selection.except);
    if (except.has(id)) except.delete(id);
    else except.add(id);
    return { mode: 'all', except, anchor: index };
  }
  const ids = new Set(selection.ids);
  if (ids.has(id)) ids.delete(id);
  else ids.add(id);
  return { mode: 'some', ids, anchor: index };
}

/**
 * Chooses the run of rows from the anchor to `index` (given as their ids, in order) instead of what
 * was chosen. The anchor stays, so a second Shift-click redraws the run from the same place.
 */
export function selectRun(selection: Selection, runIds: readonly string[], index: number): Selection {
  if (selection.anchor === null) return runIds.length > 0 ? selectOne(runIds.at(-1)!, index) : selection;
  return { mode: 'some', ids: new Set(runIds), anchor: selection.anchor };
}

export function selectAll(): Selection {
  return { mode: 'all', except: new Set(), anchor: null };
}

/** The chosen ids when they are all known (not in "select all" mode), else null. */
export function chosenIds(selection: Selection): string[] | null {
  return selection.mode === 'some' ? [...selection.ids] : null;
}
