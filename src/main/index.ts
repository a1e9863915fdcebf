import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  Menu,
  nativeTheme,
  protocol,
  screen,
  session,
  shell,
} from 'electron';
import type { Channel } from '../shared/contract';
import { MENU_CHANNEL, type MenuMessage } from '../shared/menu-actions';
import { POSTER_SCHEME } from '../shared/poster-address';
import type { DesktopContext } from './desktop-handlers';
import { dispatch } from './dispatch';
import { createHandlers, type Handlers } from './handlers';
import { createSearchTidier, noticingActivity } from './search-tidier';
import type { TransferDialogs } from './transfer-handlers';
import { desktopBackupContext } from './backup-handlers';
import { createLibraryGuard, type LibraryGuard } from './library-guard';
import { registerIpc } from './ipc';
import { openLibrary, type Library } from './library';
import { resolveLibraryPath } from './library/location';
import {
  libraryNameOf,
  startLibrarySwitcher,
  startupLibraryPath,
  type LibrarySwitcher,
  type OpenLibrary,
} from './library-switcher';
import { applicationMenu, menuTemplate, REPORT_PROBLEM_URL, type MainAction } from './menu';
import { nativeBindingFor } from './native-binding';
import { POSTER_SCHEME_PRIVILEGES, posterResponse, readPoster } from './poster-protocol';
import { guardSession, guardWebContents, openExternalSafely, trustedSender } from './security';
import { openSettingsFile, type SettingsFile } from './settings';
import { mainWindowOptions, placeWindow, viewOf, type WindowState } from './window-state';

/**
 * The app's lifecycle, its window, menu, dialogs and printing. Everything with logic worth testing
 * lives in plain modules (security, menu, settings, library-switcher, window-state, poster-protocol);
 * this file only wires them to Electron.
 */

const rendererUrl =
  process.env.ELECTRON_RENDERER_URL ?? pathToFileURL(join(__dirname, '../renderer/index.html')).href;
const resourcesPath = app.isPackaged ? process.resourcesPath : join(app.getAppPath(), 'resources');
/** Library files opened from the desktop (file association) before the window could take them. */
const openedFiles: string[] = [];

let mainWindow: BrowserWindow | null = null;
/** Opens the window again once the app has started (macOS keeps running with none). */
let openWindow: (() => void) | null = null;

// Privileged schemes must be declared before the app is ready.
protocol.registerSchemesAsPrivileged([POSTER_SCHEME_PRIVILEGES]);
// macOS hands over a double-clicked `.filmfolio.json` this way, possibly before the app is ready.
app.on('open-file', (event, path) => {
  event.preventDefault();
  deliverLibraryFile(path);
});

function libraryArgument(argv: readonly string[]): string | undefined {
  const index = argv.indexOf('--library');
  return index >= 0 ? argv[index + 1] : undefined;
}

/** A JSON library file given on the command line (Windows and Linux file association). */
function libraryFileArgument(argv: readonly string[]): string | undefined {
  return argv.slice(1).find((argument) => /\.filmfolio\.json$/i.test(argument));
}

/** Pushes a menu action to the window; the preload holds it until the window listens. */
function sendToWindow(message: MenuMessage): void {
  if (mainWindow && !mainWindow.isDestroyed()) mainWindow.webContents.send(MENU_CHANNEL, message);
}

/** A library file opened from the desktop goes to the import view, which previews it first. */
function deliverLibraryFile(path: string): void {
  if (mainWindow) {
    sendToWindow({ action: 'import', path });
    return;
  }
  // The window that opens takes it once its page has loaded.
  openedFiles.push(path);
  openWindow?.();
}

function retitle(library: Library): void {
  mainWindow?.setTitle(`${libraryNameOf(library.path)} — Filmfolio`);
}

function rememberWindow(window: BrowserWindow, settings: SettingsFile): void {
  const state: WindowState = {
    bounds: window.getNormalBounds(),
    maximized: window.isMaximized(),
    fullScreen: window.isFullScreen(),
    lastView: viewOf(window.webContents.getURL()),
  };
  try {
    settings.saveWindowState(state);
  } catch (error) {
    console.warn('The window’s size and place could not be remembered:', error);
  }
}

function createWindow(settings: SettingsFile, library: Library): BrowserWindow {
  const saved = settings.windowState();
  const placement = placeWindow(
    saved,
    screen.getAllDisplays().map((display) => display.workArea),
  );
  const window = new BrowserWindow(mainWindowOptions(join(__dirname, '../preload/index.js'), placement));
  mainWindow = window;
  if (saved?.maximized) window.maximize();
  if (saved?.fullScreen) window.setFullScreen(true);
  retitle(library);
  // The title says which library is open; the page's own <title> must not replace it.
  window.on('page-title-updated', (event) => event.preventDefault());
  window.once('ready-to-show', () => window.show());
  window.on('close', () => rememberWindow(window, settings));
  window.on('closed', () => {
    if (mainWindow === window) mainWindow = null;
  });
  window.webContents.on('did-finish-load', () => {
    for (const path of openedFiles.splice(0)) sendToWindow({ action: 'import', path });
  });
  // The editor's beforeunload holds the close while a film has unsaved changes; Electron does not ask
  // by itself, so ask here, and only leave when the collector says so.
  window.webContents.on('will-prevent-unload', (event) => {
    const choice = dialog.showMessageBoxSync(window, {
      type: 'question',
      buttons: ['Leave without saving', 'Stay'],
      defaultId: 1,
      cancelId: 1,
      message: 'A film has unsaved changes.',
      detail: 'If you leave now, the changes are lost.',
    });
    if (choice === 0) event.preventDefault();
  });
  void window.loadURL(`${rendererUrl}${saved?.lastView ?? ''}`);
  return window;
}

function showProblem(title: string, message: string): void {
  const options = { type: 'warning' as const, title, message: title, detail: message, buttons: ['OK'] };
  void (mainWindow ? dialog.showMessageBox(mainWindow, options) : dialog.showMessageBox(options));
}

/** Runs a contract channel from the menu through the same dispatch the window uses; problems shown. */
async function runChannel(handlers: Handlers, channel: Channel, args: unknown[] = []): Promise<void> {
  const outcome = await dispatch(handlers, channel, args);
  if (!outcome.ok) showProblem('Filmfolio could not do that', outcome.error.message);
}

function runMainAction(action: MainAction, libraries: LibrarySwitcher, refreshMenu: () => void): void {
  switch (action) {
    case 'show-format': {
      const schema = join(resourcesPath, 'filmfolio-library.schema.json');
      if (existsSync(schema)) void shell.openPath(schema);
      else showProblem('The format description is missing', `It should be at ${schema}.`);
      return;
    }
    case 'report-problem':
      openExternalSafely((url) => shell.openExternal(url), REPORT_PROBLEM_URL);
      return;
    case 'clear-recent':
      libraries.clearRecent();
      refreshMenu();
      return;
  }
}

function buildMenu(handlers: Handlers, libraries: LibrarySwitcher): void {
  const refresh = () => buildMenu(handlers, libraries);
  const sections = applicationMenu(process.platform, { development: !app.isPackaged });
  const template = menuTemplate(sections, libraries.recent(), {
    window: (action) => sendToWindow({ action }),
    channel: (channel) => void runChannel(handlers, channel),
    main: (action) => runMainAction(action, libraries, refresh),
    openRecent: (path) => void runChannel(handlers, 'library:switch', [path]),
  });
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}

function print(settings: SettingsFile): Promise<boolean> {
  const contents = mainWindow?.webContents;
  if (!contents) return Promise.resolve(false);
  return new Promise((resolve) =>
    contents.print({ printBackground: true, pageSize: settings.settings().paperSize }, (printed) =>
      resolve(printed),
    ),
  );
}

async function savePdf(settings: SettingsFile, library: Library): Promise<string | null> {
  const window = mainWindow;
  if (!window) return null;
  const choice = await dialog.showSaveDialog(window, {
    title: 'Save as PDF',
    defaultPath: join(app.getPath('documents'), `${libraryNameOf(library.path)}.pdf`),
    filters: [{ name: 'PDF', extensions: ['pdf'] }],
  });
  if (choice.canceled || !choice.filePath) return null;
  const pdf = await window.webContents.printToPDF({
    printBackground: true,
    pageSize: settings.settings().paperSize,
  });
  await writeFile(choice.filePath, pdf);
  return choice.filePath;
}

const libraryFilters = [
  { name: 'Filmfolio libraries', extensions: ['sqlite'] },
  { name: 'All files', extensions: ['*'] },
];

async function chooseLibraryFile(): Promise<string | null> {
  const options = { title: 'Open Library', properties: ['openFile' as const], filters: libraryFilters };
  const choice = await (mainWindow
    ? dialog.showOpenDialog(mainWindow, options)
    : dialog.showOpenDialog(options));
  return choice.canceled ? null : (choice.filePaths[0] ?? null);
}

async function chooseNewLibraryFile(): Promise<string | null> {
  const options = {
    title: 'New Library',
    buttonLabel: 'Create',
    defaultPath: join(app.getPath('documents'), 'Films.filmfolio.sqlite'),
    filters: libraryFilters,
    properties: ['createDirectory' as const, 'showOverwriteConfirmation' as const],
  };
  const choice = await (mainWindow
    ? dialog.showSaveDialog(mainWindow, options)
    : dialog.showSaveDialog(options));
  return choice.canceled || !choice.filePath ? null : choice.filePath;
}

/** The system dialogs of import and export, and "show in folder". */
const transferDialogs: TransferDialogs = {
  chooseImportFile: async () => {
    const options = {
      title: 'Import',
      properties: ['openFile' as const],
      filters: [
        { name: 'Library files and fact pages', extensions: ['json', 'txt', 'md'] },
        { name: 'All files', extensions: ['*'] },
      ],
    };
    const choice = await (mainWindow
      ? dialog.showOpenDialog(mainWindow, options)
      : dialog.showOpenDialog(options));
    return choice.canceled ? null : (choice.filePaths[0] ?? null);
  },
  chooseExportFile: async (suggestedName) => {
    const options = {
      title: 'Export',
      defaultPath: join(app.getPath('documents'), basename(suggestedName)),
      filters: [{ name: 'Filmfolio library', extensions: ['json'] }],
      properties: ['createDirectory' as const, 'showOverwriteConfirmation' as const],
    };
    const choice = await (mainWindow
      ? dialog.showSaveDialog(mainWindow, options)
      : dialog.showSaveDialog(options));
    return choice.canceled || !choice.filePath ? null : choice.filePath;
  },
  showInFolder: (path) => shell.showItemInFolder(path),
};

function desktopContext(settings: SettingsFile, libraries: LibrarySwitcher): DesktopContext {
  return {
    settings,
    libraries,
    chooseLibraryFile,
    chooseNewLibraryFile,
    print: () => print(settings),
    savePdf: () => savePdf(settings, libraries.current()),
    settingsChanged: (changed) => {
      nativeTheme.themeSource = changed.theme;
    },
  };
}

async function openLibraries(
  settings: SettingsFile,
  onSwitched: (library: Library) => void,
): Promise<{ libraries: LibrarySwitcher; guard: LibraryGuard }> {
  const nativeBinding = nativeBindingFor(
    { electronVersion: process.versions.electron, packaged: app.isPackaged, appRoot: app.getAppPath() },
    existsSync,
  );
  const backupsKept = () => settings.settings().backupsKept;
  const open: OpenLibrary = (path, options = {}) =>
    openLibrary(path, {
      ...options,
      backupsKept: backupsKept(),
      ...(nativeBinding ? { nativeBinding } : {}),
    });
  // A damaged file is kept aside and the damage shown in the window; the whole-file check and the
  // daily backup run in the background once the first page is shown.
  const guard = createLibraryGuard({ open, backupsKept });
  const startup = startupLibraryPath({
    explicit: libraryArgument(process.argv),
    env: process.env,
    remembered: settings.libraries().current,
    defaultPath: resolveLibraryPath(null, {}, app.getPath('userData')),
    exists: existsSync,
  });
  const libraries = await startLibrarySwitcher({ settings, openLibrary: guard.open, startup, onSwitched });
  // A library the background check finds damaged is replaced through the switcher (the window reloads).
  guard.useSwitcher(libraries);
  if (startup.missing) {
    showProblem(
      'The last library was not found',
      `${startup.missing} is not there any more (moved, deleted, or on a drive not plugged in), so the default library was opened. Use File › Open Library… to find it.`,
    );
  }
  return { libraries, guard };
}

/**
 * The first page browse asks for starts the guard's background work (the whole-file check, then the
 * daily backup), once that page is on its way: nothing may delay it.
 */
function settlingOnFirstPage(handlers: Handlers, guard: LibraryGuard): Handlers {
  const list = handlers['films:list'];
  return {
    ...handlers,
    'films:list': (query) => {
      setImmediate(() => guard.settled());
      return list(query);
    },
  };
}

async function start(): Promise<void> {
  // A second start hands its file to the first window instead of opening the library twice.
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  await app.whenReady();
  guardSession(session.defaultSession);
  app.on('web-contents-created', (_event, contents) =>
    guardWebContents(contents, (url) => shell.openExternal(url)),
  );
  const settings = openSettingsFile(app.getPath('userData'));
  if (settings.problem) console.warn(settings.problem);
  nativeTheme.themeSource = settings.settings().theme;

  const { libraries, guard } = await openLibraries(settings, (library) => {
    retitle(library);
    buildMenu(handlers, libraries);
    // Every view reads the new library from scratch.
    mainWindow?.webContents.reload();
  });
  const handlers = createHandlers({
    library: () => libraries.current(),
    samplePath: join(resourcesPath, 'sample-library.json'),
    desktop: desktopContext(settings, libraries),
    backups: desktopBackupContext(settings, libraries, guard),
    transferDialogs,
  });
  // The daily check and backup also for a window left open for days.
  setInterval(() => void guard.hourly(libraries.current()), 60 * 60 * 1000).unref();
  // The search indexes are tidied while the window is quiet (search-tidier.ts).
  const tidier = createSearchTidier({ library: () => libraries.current() });
  tidier.activity();
  app.on('will-quit', () => tidier.stop());
  registerIpc(
    ipcMain,
    noticingActivity(settlingOnFirstPage(handlers, guard), tidier),
    trustedSender(rendererUrl),
  );
  protocol.handle(POSTER_SCHEME, (request) =>
    posterResponse(request, (filmId) => readPoster(libraries.current().sqlite, filmId)),
  );
  buildMenu(handlers, libraries);
  const fileArgument = libraryFileArgument(process.argv);
  if (fileArgument) openedFiles.push(fileArgument);
  openWindow = () => void createWindow(settings, libraries.current());
  openWindow();

  app.on('second-instance', (_event, argv) => {
    if (mainWindow?.isMinimized()) mainWindow.restore();
    mainWindow?.focus();
    const file = libraryFileArgument(argv);
    if (file) deliverLibraryFile(file);
    else if (!mainWindow) openWindow?.();
  });
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) openWindow?.();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('will-quit', () => void libraries.close());
}

app.setName('Filmfolio');
void start().catch((error: unknown) => {
  console.error(error);
  app.exit(1);
});
