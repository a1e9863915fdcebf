import { join } from 'node:path';

/** What main's handlers see of a frame: its address, read live from the real page. */
export type FrameStandIn = { readonly url: string };

/** The parts of Electron's IpcMainInvokeEvent that main's sender check reads. */
export type InvokeEvent = { sender: { mainFrame: FrameStandIn }; senderFrame: FrameStandIn | null };

export type InvokeHandler = (event: InvokeEvent, ...args: unknown[]) => unknown;

type ResponseHeaders = Record<string, string | string[]>;
type HeadersListener = (
  details: { url: string; responseHeaders: ResponseHeaders },
  callback: (response: { responseHeaders?: ResponseHeaders; cancel?: boolean }) => void,
) => void;
type Listener = (...args: unknown[]) => unknown;

/** A stand-in `electron` for the built main, and what main did with it. */
export type ElectronStandIn = {
  /** The object the built main gets from `require('electron')`. */
  electron: object;
  /** Every `ipcMain.handle` main registered, by channel. */
  handlers: ReadonlyMap<string, InvokeHandler>;
  /** Resolves with the address main's window loads, once main is up; rejects when main calls app.exit. */
  started: Promise<string>;
  /** Runs main's `session.webRequest.onHeadersReceived` over a response, as Electron would. */
  responseHeaders(url: string, headers: ResponseHeaders): Promise<ResponseHeaders>;
  /** Closes the windows the way a person would, so main quits (and closes its library) on its own path. */
  closeWindows(): void;
  /** Every `protocol.handle` main registered, by scheme (the poster scheme). */
  protocols: ReadonlyMap<string, (request: Request) => Response | Promise<Response>>;
  /** Paths the next open/save dialogs answer, in order; a dialog with none left is cancelled. */
  dialogPaths: string[];
  /** Messages main pushed to the window with webContents.send, in order. */
  sent: { channel: string; message: unknown }[];
};

class Emitter {
  private readonly listeners = new Map<string, Listener[]>();
  on(event: string, listener: Listener): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }
  once(event: string, listener: Listener): this {
    const wrapped: Listener = (...args) => {
      this.off(event, wrapped);
      return listener(...args);
    };
    return this.on(event, wrapped);
  }
  off(event: string, listener: Listener): this {
    this.listeners.set(
      event,
      (this.listeners.get(event) ?? []).filter((known) => known !== listener),
    );
    return this;
  }
  emit(event: string, ...args: unknown[]): void {
    for (const listener of this.listeners.get(event) ?? []) listener(...args);
  }
}

/**
 * Builds a fresh stand-in for one app: what src/main/index.ts uses of Electron, recorded rather than
 * done. Reading an export it lacks throws a message naming this file, so a new use in main is
 * easy to add here. process.versions.electron stays unset, so better-sqlite3 loads Node's build.
 */
export function createElectronStandIn(paths: { appPath: string; userData: string }): ElectronStandIn {
  const handlers = new Map<string, InvokeHandler>();
  const protocols = new Map<string, (request: Request) => Response | Promise<Response>>();
  const dialogPaths: string[] = [];
  const sent: { channel: string; message: unknown }[] = [];
  const app = new Emitter();
  const windows: Emitter[] = [];
  let headersListener: HeadersListener | undefined;
  let quitting = false;
  let markStarted: (url: string) => void = () => undefined;
  let markExited: (error: Error) => void = () => undefined;
  const started = new Promise<string>((resolve, reject) => {
    markStarted = resolve;
    markExited = reject;
  });

  const quit = () => {
    if (quitting) return;
    quitting = true;
    for (const event of ['before-quit', 'will-quit', 'quit'])
      app.emit(event, { preventDefault: () => undefined });
  };

  const appModule = Object.assign(app, {
    isPackaged: false,
    whenReady: () => Promise.resolve(),
    isReady: () => true,
    getAppPath: () => paths.appPath,
    getPath: (name: string) => (name === 'userData' ? paths.userData : join(paths.userData, name)),
    getName: () => 'Filmfolio',
    setName: () => undefined,
    getVersion: () => '0.0.0-e2e',
    requestSingleInstanceLock: () => true,
    quit,
    exit: (code = 0) => {
      markExited(new Error(`Filmfolio's main process called app.exit(${code}); its error is printed above.`));
      quit();
    },
  });

  class BrowserWindow extends Emitter {
    static getAllWindows = () => [...windows];
    readonly webContents = Object.assign(new Emitter(), {
      setWindowOpenHandler: () => undefined,
      send: (channel: string, message: unknown) => void sent.push({ channel, message }),
      reload: () => undefined,
      getURL: () => '',
      print: (_options: unknown, done: (printed: boolean, reason: string) => void) =>
        done(false, 'cancelled'),
    });
    constructor(readonly options: unknown) {
      super();
      windows.push(this);
    }
    loadURL(url: string): Promise<void> {
      markStarted(url);
      return Promise.resolve();
    }
    show = () => undefined;
    focus = () => undefined;
    isDestroyed = () => false;
    setTitle = () => undefined;
    maximize = () => undefined;
    setFullScreen = () => undefined;
    isMinimized = () => false;
    restore = () => undefined;
  }

  const nextPath = () => dialogPaths.shift();

  const electron = {
    app: appModule,
    BrowserWindow,
    ipcMain: {
      handle: (channel: string, handler: InvokeHandler) => void handlers.set(channel, handler),
      removeHandler: (channel: string) => void handlers.delete(channel),
      on: () => undefined,
    },
    Menu: { buildFromTemplate: (template: unknown) => ({ template }), setApplicationMenu: () => undefined },
    nativeTheme: { themeSource: 'system' },
    protocol: {
      registerSchemesAsPrivileged: () => undefined,
      handle: (scheme: string, handler: (request: Request) => Response) =>
        void protocols.set(scheme, handler),
    },
    screen: { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }] },
    dialog: {
      showMessageBox: () => Promise.resolve({ response: 0, checkboxChecked: false }),
      showOpenDialog: () => {
        const path = nextPath();
        return Promise.resolve({ canceled: !path, filePaths: path ? [path] : [] });
      },
      showSaveDialog: () => {
        const path = nextPath();
        return Promise.resolve({ canceled: !path, filePath: path ?? '' });
      },
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler: () => undefined,
        setPermissionCheckHandler: () => undefined,
        webRequest: {
          onHeadersReceived: (listener: HeadersListener) => void (headersListener = listener),
        },
      },
    },
    shell: {
      openExternal: () => Promise.resolve(),
      openPath: () => Promise.resolve(''),
      showItemInFolder: () => undefined,
    },
  };

  return {
    electron: refuseUnknownExports(electron),
    handlers,
    started,
    protocols,
    dialogPaths,
    sent,
    responseHeaders: (url, headers) =>
      new Promise((resolve) => {
        if (!headersListener) return resolve(headers);
        headersListener({ url, responseHeaders: headers }, (response) =>
          resolve(response.responseHeaders ?? headers),
        );
      }),
    closeWindows: () => {
      for (const window of windows.splice(0)) window.emit('closed');
      app.emit('window-all-closed');
      // On macOS main keeps running without windows; the harness still has to let it go.
      quit();
    },
  };
}

/** Module interop probes these; they are not Electron exports main asked for. */
const INTEROP_KEYS = new Set(['__esModule', 'default', 'then', 'toJSON']);

function refuseUnknownExports<T extends object>(electron: T): T {
  return new Proxy(electron, {
    get(target, key, receiver) {
      if (typeof key === 'symbol' || INTEROP_KEYS.has(key) || key in target) {
        return Reflect.get(target, key, receiver) as unknown;
      }
      throw new Error(
        `The built main uses electron.${key}, which the e2e stand-in lacks: add it to tests/e2e/electron-stand-in.ts.`,
      );
    },
  });
}
