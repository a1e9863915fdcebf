import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { app, BrowserWindow, ipcMain, session, shell } from 'electron';
import { createHandlers } from './handlers';
import { registerIpc } from './ipc';
import { openLibrary, type Library } from './library';
import { resolveLibraryPath } from './library/location';
import { nativeBindingFor } from './native-binding';
import { CONTENT_SECURITY_POLICY, isExternalWebUrl, isOwnPage } from './security';

const rendererUrl =
  process.env.ELECTRON_RENDERER_URL ?? pathToFileURL(join(__dirname, '../renderer/index.html')).href;
const resourcesPath = app.isPackaged ? process.resourcesPath : join(app.getAppPath(), 'resources');

function libraryArgument(argv: readonly string[]): string | undefined {
  const index = argv.indexOf('--library');
  return index >= 0 ? argv[index + 1] : undefined;
}

function createWindow(): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 760,
    minHeight: 480,
    title: 'Filmfolio',
    show: false,
    webPreferences: {
      preload: join(__dirname, '../preload/index.js'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
    },
  });
  window.once('ready-to-show', () => window.show());
  window.webContents.on('will-navigate', (event) => event.preventDefault());
  window.webContents.setWindowOpenHandler(({ url }) => {
    if (isExternalWebUrl(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
  void window.loadURL(rendererUrl);
  return window;
}

function guardSession(): void {
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] },
    });
  });
}

async function start(): Promise<void> {
  await app.whenReady();
  guardSession();
  const nativeBinding = nativeBindingFor(
    { electronVersion: process.versions.electron, packaged: app.isPackaged, appRoot: app.getAppPath() },
    existsSync,
  );
  const path = resolveLibraryPath(libraryArgument(process.argv), process.env, app.getPath('userData'));
  const library: Library = await openLibrary(path, nativeBinding ? { nativeBinding } : {});
  const handlers = createHandlers({
    library: () => library,
    samplePath: join(resourcesPath, 'sample-library.json'),
  });
  registerIpc(ipcMain, handlers, (event) => {
    const frame = event.senderFrame;
    return frame !== null && frame === event.sender.mainFrame && isOwnPage(frame.url, rendererUrl);
  });
  createWindow();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createWindow();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('will-quit', () => void library.close());
}

app.setName('Filmfolio');
void start().catch((error: unknown) => {
  console.error(error);
  app.exit(1);
});
