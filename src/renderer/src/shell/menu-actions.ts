import { useEffect, useRef } from 'react';
import type { FilmfolioApi } from '../../../shared/contract';
import type { MenuAction, MenuEvents, MenuMessage } from '../../../shared/menu-actions';
import { navigate, type Route } from './route';

/**
 * The window's side of the application menu. Each action is first offered to the view on screen
 * (a view that can act on it listens with useMenuAction); otherwise the window goes to the view
 * that does it, which finds the action waiting when it mounts.
 */

/** Where an action leads when the view on screen does not take it; null: nowhere (see the fallbacks). */
export const MENU_ACTION_ROUTES: Record<MenuAction, Route | null> = {
  'new-film': { view: 'edit', id: null },
  import: { view: 'transfer' },
  export: { view: 'transfer' },
  print: null,
  'save-pdf': null,
  backups: { view: 'backups' },
  settings: { view: 'settings' },
  'view-grid': { view: 'browse' },
  'view-table': { view: 'browse' },
};

const MENU_EVENT = 'filmfolio:menu';
/** The last action of each kind no view took yet: the view it navigated to takes it when it mounts. */
const waiting = new Map<MenuAction, MenuMessage>();

/** Offers the action to the views on screen; true when one took it. */
function offer(message: MenuMessage): boolean {
  const event = new CustomEvent<MenuMessage>(MENU_EVENT, { detail: message, cancelable: true });
  window.dispatchEvent(event);
  return event.defaultPrevented;
}

/** Runs one menu action in the window; printing falls back to printing the window as it is. */
export function runMenuAction(message: MenuMessage, api: FilmfolioApi): void {
  if (offer(message)) return;
  const route = MENU_ACTION_ROUTES[message.action];
  if (route) {
    waiting.set(message.action, message);
    navigate(route);
    return;
  }
  const printing = message.action === 'print' ? api.window.print() : api.window.savePdf();
  printing.catch((error: unknown) => console.error('Printing failed:', error));
}

/**
 * Lets a view act on a menu action (the browse view on View › As Table, the sheet on Print…).
 * The handler gets the message, with its file path when the action concerns a file.
 */
export function useMenuAction(action: MenuAction, handler: (message: MenuMessage) => void): void {
  const latest = useRef(handler);
  useEffect(() => {
    latest.current = handler;
  });
  useEffect(() => {
    const early = waiting.get(action);
    if (early) {
      waiting.delete(action);
      latest.current(early);
    }
    const listen = (event: Event) => {
      const message = (event as CustomEvent<MenuMessage>).detail;
      if (message.action !== action) return;
      event.preventDefault();
      waiting.delete(action);
      latest.current(message);
    };
    window.addEventListener(MENU_EVENT, listen);
    return () => window.removeEventListener(MENU_EVENT, listen);
  }, [action]);
}

/** Subscribes the window to the menu (through the preload's onMenuAction) for as long as it is open. */
export function useMenuActions(api: FilmfolioApi): void {
  useEffect(() => {
    // Absent where there is no preload (UI tests with a fake API).
    const events = (window as { filmfolio?: Partial<MenuEvents> }).filmfolio;
    return events?.onMenuAction?.((message) => runMenuAction(message, api));
  }, [api]);
}
