import type { MenuItemConstructorOptions } from 'electron';
import type { Channel } from '../shared/contract';
import type { MenuAction } from '../shared/menu-actions';
import type { RecentLibrary } from '../shared/settings';

/**
 * The application menu as data: what each item is, its accelerator and who handles it. A unit test
 * reads it (tests/unit/menu.test.ts); index.ts turns it into Electron's Menu with menuTemplate().
 */

/** Menu items the main process handles itself, with no window involved. */
export const MAIN_ACTIONS = ['show-format', 'report-problem', 'clear-recent'] as const;
export type MainAction = (typeof MAIN_ACTIONS)[number];

/** Where "Report a Problem…" leads: the project's issue tracker. */
export const REPORT_PROBLEM_URL = 'https://github.com/filmfolio/filmfolio/issues/new';

/** Electron's standard roles used here: the platform does the work (and the labels, translated). */
export type MenuRole =
  | 'about'
  | 'services'
  | 'hide'
  | 'hideOthers'
  | 'unhide'
  | 'quit'
  | 'close'
  | 'undo'
  | 'redo'
  | 'cut'
  | 'copy'
  | 'paste'
  | 'pasteAndMatchStyle'
  | 'delete'
  | 'selectAll'
  | 'resetZoom'
  | 'zoomIn'
  | 'zoomOut'
  | 'togglefullscreen'
  | 'minimize'
  | 'zoom'
  | 'front'
  | 'reload'
  | 'toggleDevTools';

export type MenuEntry =
  | { kind: 'separator' }
  /** Sent to the window, which knows the view and selection (src/shared/menu-actions.ts). */
  | { kind: 'window'; label: string; action: MenuAction; accelerator?: string }
  /** Runs the contract channel's own handler in the main process, as if the window had called it. */
  | { kind: 'channel'; label: string; channel: Channel; accelerator?: string }
  | { kind: 'main'; label: string; action: MainAction; accelerator?: string }
  | { kind: 'role'; role: MenuRole; accelerator?: string }
  /** The recent libraries, filled in each time the menu is built. */
  | { kind: 'recent-libraries'; label: string };

/** A top-level menu; `window` and `help` roles let macOS add its window list and help search. */
export type MenuSection = { label: string; role?: 'window' | 'help'; entries: MenuEntry[] };

const separator: MenuEntry = { kind: 'separator' };
const role = (name: MenuRole): MenuEntry => ({ kind: 'role', role: name });

/**
 * The accelerators Electron gives its roles on each platform (lib/browser/api/menu-item-roles.ts),
 * so the duplicate check sees them too.
 */
export function roleAccelerator(name: MenuRole, platform: NodeJS.Platform): string | undefined {
  const mac = platform === 'darwin';
  const accelerators: Partial<Record<MenuRole, string | undefined>> = {
    close: 'CommandOrControl+W',
    copy: 'CommandOrControl+C',
    cut: 'CommandOrControl+X',
    paste: 'CommandOrControl+V',
    pasteAndMatchStyle: mac ? 'Cmd+Option+Shift+V' : 'Shift+CommandOrControl+V',
    selectAll: 'CommandOrControl+A',
    undo: 'CommandOrControl+Z',
    redo: platform === 'win32' ? 'Control+Y' : 'Shift+CommandOrControl+Z',
    hide: 'Command+H',
    hideOthers: 'Command+Alt+H',
    minimize: 'CommandOrControl+M',
    quit: platform === 'win32' ? undefined : 'CommandOrControl+Q',
    reload: 'CmdOrCtrl+R',
    resetZoom: 'CommandOrControl+0',
    zoomIn: 'CommandOrControl+Plus',
    zoomOut: 'CommandOrControl+-',
    toggleDevTools: mac ? 'Alt+Command+I' : 'Ctrl+Shift+I',
    togglefullscreen: mac ? 'Control+Command+F' : 'F11',
  };
  return accelerators[name];
}

function appMenu(): MenuSection {
  return {
    label: 'Filmfolio',
    entries: [
      role('about'),
      separator,
      { kind: 'window', label: 'Settings…', action: 'settings', accelerator: 'CommandOrControl+,' },
      separator,
      role('services'),
      separator,
      role('hide'),
      role('hideOthers'),
      role('unhide'),
      separator,
      role('quit'),
    ],
  };
}

function fileMenu(mac: boolean): MenuSection {
  const closing: MenuEntry[] = mac
    ? [separator, role('close')]
    : [
        separator,
        { kind: 'window', label: 'Settings…', action: 'settings', accelerator: 'CommandOrControl+,' },
        separator,
        role('quit'),
      ];
  return {
    label: mac ? 'File' : '&File',
    entries: [
      { kind: 'window', label: 'New Film', action: 'new-film', accelerator: 'CommandOrControl+N' },
      separator,
      { kind: 'window', label: 'Import…', action: 'import', accelerator: 'CommandOrControl+I' },
      { kind: 'window', label: 'Export…', action: 'export', accelerator: 'CommandOrControl+E' },
      separator,
      { kind: 'window', label: 'Print…', action: 'print', accelerator: 'CommandOrControl+P' },
      { kind: 'window', label: 'Save as PDF…', action: 'save-pdf', accelerator: 'Shift+CommandOrControl+P' },
      separator,
      { kind: 'channel', label: 'Open Library…', channel: 'library:open', accelerator: 'CommandOrControl+O' },
      {
        kind: 'channel',
        label: 'New Library…',
        channel: 'library:create',
        accelerator: 'Shift+CommandOrControl+N',
      },
      { kind: 'recent-libraries', label: 'Recent Libraries' },
      { kind: 'window', label: 'Backups…', action: 'backups' },
      ...closing,
    ],
  };
}

function editMenu(mac: boolean): MenuSection {
  const tail: MenuEntry[] = mac
    ? [role('pasteAndMatchStyle'), role('delete'), role('selectAll')]
    : [role('delete'), separator, role('selectAll')];
  return {
    label: mac ? 'Edit' : '&Edit',
    entries: [role('undo'), role('redo'), separator, role('cut'), role('copy'), role('paste'), ...tail],
  };
}

function viewMenu(mac: boolean, development: boolean): MenuSection {
  return {
    label: mac ? 'View' : '&View',
    entries: [
      { kind: 'window', label: 'As Grid', action: 'view-grid', accelerator: 'CommandOrControl+1' },
      { kind: 'window', label: 'As Table', action: 'view-table', accelerator: 'CommandOrControl+2' },
      separator,
      role('resetZoom'),
      role('zoomIn'),
      role('zoomOut'),
      separator,
      role('togglefullscreen'),
      // Developer tools only while developing: a packaged app offers no console to paste code into.
      ...(development ? [separator, role('reload'), role('toggleDevTools')] : []),
    ],
  };
}

function windowMenu(mac: boolean): MenuSection {
  return {
    label: 'Window',
    role: 'window',
    entries: mac
      ? [role('minimize'), role('zoom'), separator, role('front')]
      : [role('minimize'), role('close')],
  };
}

function helpMenu(mac: boolean): MenuSection {
  return {
    label: mac ? 'Help' : '&Help',
    role: 'help',
    entries: [
      { kind: 'main', label: 'The Library File Format', action: 'show-format' },
      { kind: 'main', label: 'Report a Problem…', action: 'report-problem' },
      ...(mac ? [] : [separator, role('about')]),
    ],
  };
}

/**
 * The whole menu for a platform: on macOS the app menu comes first (About, Settings, Services,
 * Hide, Quit) and File ends with Close; elsewhere File ends with Settings and Quit (Exit on
 * Windows) and About sits in Help.
 */
export function applicationMenu(platform: NodeJS.Platform, options: { development: boolean }): MenuSection[] {
  const mac = platform === 'darwin';
  return [
    ...(mac ? [appMenu()] : []),
    fileMenu(mac),
    editMenu(mac),
    viewMenu(mac, options.development),
    windowMenu(mac),
    helpMenu(mac),
  ];
}

/** What the menu's clicks do: index.ts gives the real ones, tests give recorders. */
export type MenuRunner = {
  window(action: MenuAction): void;
  channel(channel: Channel): void;
  main(action: MainAction): void;
  openRecent(path: string): void;
};

function recentItems(recent: readonly RecentLibrary[], run: MenuRunner): MenuItemConstructorOptions[] {
  const items: MenuItemConstructorOptions[] = recent.map((library) => ({
    label: library.found ? library.name : `${library.name} (not found)`,
    toolTip: library.path,
    type: 'checkbox',
    checked: library.current,
    enabled: library.found && !library.current,
    click: () => run.openRecent(library.path),
  }));
  if (items.length === 0) return [{ label: 'No Recent Libraries', enabled: false }];
  return [...items, { type: 'separator' }, { label: 'Clear Recent', click: () => run.main('clear-recent') }];
}

function itemOf(
  entry: MenuEntry,
  recent: readonly RecentLibrary[],
  run: MenuRunner,
): MenuItemConstructorOptions {
  switch (entry.kind) {
    case 'separator':
      return { type: 'separator' };
    case 'role':
      return { role: entry.role, ...(entry.accelerator ? { accelerator: entry.accelerator } : {}) };
    case 'window':
      return { label: entry.label, accelerator: entry.accelerator, click: () => run.window(entry.action) };
    case 'channel':
      return { label: entry.label, accelerator: entry.accelerator, click: () => run.channel(entry.channel) };
    case 'main':
      return { label: entry.label, accelerator: entry.accelerator, click: () => run.main(entry.action) };
    case 'recent-libraries':
      return { label: entry.label, submenu: recentItems(recent, run) };
  }
}

/** Electron's menu template for `sections`, with the recent libraries filled in. */
export function menuTemplate(
  sections: readonly MenuSection[],
  recent: readonly RecentLibrary[],
  run: MenuRunner,
): MenuItemConstructorOptions[] {
  return sections.map((section) => ({
    label: section.label,
    ...(section.role ? { role: section.role } : {}),
    submenu: section.entries.map((entry) => itemOf(entry, recent, run)),
  }));
}
