import { z } from 'zod';

/**
 * What the application menu asks the window to do. The window knows the current view and
 * selection, so these run there (src/renderer/src/shell/menu-actions.ts); the menu's other items
 * run in the main process (src/main/menu.ts).
 */
export const MENU_ACTIONS = [
  'new-film',
  'import',
  'export',
  'print',
  'save-pdf',
  'backups',
  'settings',
  'view-grid',
  'view-table',
] as const;

export type MenuAction = (typeof MENU_ACTIONS)[number];

/** The one IPC channel the main process uses to push to the window (main → window only). */
export const MENU_CHANNEL = 'menu:action';

/** A menu action, with the file it concerns when there is one (a library file opened from the desktop). */
export const menuMessageSchema = z.strictObject({
  action: z.enum(MENU_ACTIONS),
  path: z.string().min(1).max(4096).optional(),
});

export type MenuMessage = z.output<typeof menuMessageSchema>;

/**
 * The subscription the preload adds to `window.filmfolio`, beside the contract's channels:
 * `onMenuAction(listener)` calls `listener` for each menu action and returns the unsubscribe function.
 */
export type MenuEvents = {
  onMenuAction(listener: (message: MenuMessage) => void): () => void;
};
