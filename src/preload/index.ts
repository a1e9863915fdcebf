import { contextBridge, ipcRenderer } from 'electron';
import { createApi, type Outcome } from '../shared/contract';
import { MENU_CHANNEL, menuMessageSchema, type MenuEvents, type MenuMessage } from '../shared/menu-actions';

type MenuListener = (message: MenuMessage) => void;

const listeners = new Set<MenuListener>();
/** Menu actions that arrived before the page listened (a file opened from the desktop at start). */
const waiting: MenuMessage[] = [];

ipcRenderer.on(MENU_CHANNEL, (_event, message: unknown) => {
  const parsed = menuMessageSchema.safeParse(message);
  if (!parsed.success) return;
  if (listeners.size === 0) waiting.push(parsed.data);
  for (const listener of listeners) listener(parsed.data);
});

/** The page's one way to hear from the main process: validated menu actions, never the raw event. */
const menuEvents: MenuEvents = {
  onMenuAction(listener) {
    listeners.add(listener);
    for (const message of waiting.splice(0)) listener(message);
    return () => void listeners.delete(listener);
  },
};

/**
 * The page gets `window.filmfolio`: the contract's channels (built by createApi) and the menu
 * subscription. Nothing else: no raw ipcRenderer, no Node.
 */
contextBridge.exposeInMainWorld('filmfolio', {
  ...createApi((channel, args) => ipcRenderer.invoke(channel, ...args) as Promise<Outcome<unknown>>),
  ...menuEvents,
});
