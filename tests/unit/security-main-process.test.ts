import { mkdtempSync, rmSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { contract } from '../../src/shared/contract';
import { CONTENT_SECURITY_POLICY, secureWebPreferences } from '../../src/main/security';
import { builtMainPath, ensureBuilt } from '../e2e/build';

/**
 * The security checklist over the real main process: the built out/main/index.js, loaded in Node
 * with an `electron` that records what main asks of it.
 */

type Listener = (...args: unknown[]) => unknown;
type Handler = (event: unknown, ...args: unknown[]) => Promise<unknown>;

class Emitter {
  readonly listeners = new Map<string, Listener[]>();
  on(event: string, listener: Listener) {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }
  once(event: string, listener: Listener) {
    return this.on(event, listener);
  }
  emit(event: string, ...args: unknown[]) {
    for (const listener of this.listeners.get(event) ?? []) listener(...args);
  }
}

function recordingElectron(userData: string) {
  const steps: string[] = [];
  const record = {
    steps,
    windows: [] as { options: { webPreferences: unknown }; title: string; url: string }[],
    ipc: new Map<string, Handler>(),
    protocols: new Map<string, (request: Request) => Response>(),
    privileged: [] as unknown[],
    permissionRequest: undefined as Listener | undefined,
    permissionCheck: undefined as Listener | undefined,
    headers: undefined as Listener | undefined,
    menu: undefined as unknown,
    app: new Emitter(),
  };
  const app = Object.assign(record.app, {
    isPackaged: false,
    getAppPath: () => join(builtMainPath, '../../..'),
    getPath: (name: string) => join(userData, name === 'userData' ? '' : name),
    setName: () => undefined,
    requestSingleInstanceLock: () => true,
    whenReady: () => {
      steps.push('whenReady');
      return Promise.resolve();
    },
    quit: () => undefined,
    exit: (code: number) => steps.push(`exit ${code}`),
  });
  class BrowserWindow extends Emitter {
    static getAllWindows = () => record.windows;
    readonly webContents = Object.assign(new Emitter(), {
      send: () => undefined,
      reload: () => undefined,
      getURL: () => '',
    });
    title = '';
    url = '';
    constructor(readonly options: { webPreferences: unknown }) {
      super();
      record.windows.push(this);
    }
    setTitle(title: string) {
      this.title = title;
    }
    loadURL(url: string) {
      this.url = url;
      steps.push('loadURL');
      return Promise.resolve();
    }
    isDestroyed = () => false;
  }
  const electron = {
    app,
    BrowserWindow,
    ipcMain: { handle: (channel: string, handler: Handler) => void record.ipc.set(channel, handler) },
    Menu: {
      buildFromTemplate: (template: unknown) => template,
      setApplicationMenu: (menu: unknown) => void (record.menu = menu),
    },
    nativeTheme: { themeSource: 'system' },
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown[]) => {
        steps.push('registerSchemesAsPrivileged');
        record.privileged.push(...schemes);
      },
      handle: (scheme: string, handler: (request: Request) => Response) =>
        void record.protocols.set(scheme, handler),
    },
    screen: { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }] },
    dialog: { showMessageBox: () => Promise.resolve({ response: 0 }) },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (handler: Listener) => void (record.permissionRequest = handler),
        setPermissionCheckHandler: (handler: Listener) => void (record.permissionCheck = handler),
        webRequest: { onHeadersReceived: (listener: Listener) => void (record.headers = listener) },
      },
    },
    shell: { openExternal: vi.fn(() => Promise.resolve()), openPath: () => Promise.resolve('') },
  };
  return { electron, record };
}

const STAND_IN_ID = 'filmfolio-unit:recording-electron';
type Resolve = (
  request: string,
  parent: { filename?: string | null } | undefined,
  ...rest: unknown[]
) => string;

async function loadBuiltMain(libraryPath: string, userData: string) {
  const { electron, record } = recordingElectron(userData);
  const loader = Module as unknown as { _resolveFilename: Resolve };
  const resolve = loader._resolveFilename;
  loader._resolveFilename = function (request, parent, ...rest) {
    if (request === 'electron' && parent?.filename === builtMainPath) return STAND_IN_ID;
    return resolve.call(this, request, parent, ...rest);
  };
  const nodeRequire = createRequire(import.meta.url);
  const standIn = new Module(STAND_IN_ID);
  standIn.exports = electron;
  standIn.loaded = true;
  nodeRequire.cache[STAND_IN_ID] = standIn;
  const argv = process.argv;
  process.argv = [process.execPath, builtMainPath, '--library', libraryPath];
  delete process.env.ELECTRON_RENDERER_URL;
  try {
    delete nodeRequire.cache[builtMainPath];
    nodeRequire(builtMainPath);
    await vi.waitFor(() => expect(record.steps).toContain('loadURL'), { timeout: 20_000 });
  } finally {
    process.argv = argv;
    loader._resolveFilename = resolve;
  }
  return { record, electron };
}

let main: Awaited<ReturnType<typeof loadBuiltMain>>;
// Its own folder, not tempFolder(): main keeps the library open across all the tests here.
const scratch = mkdtempSync(join(tmpdir(), 'filmfolio-main-'));
const rendererUrl = pathToFileURL(join(builtMainPath, '../../renderer/index.html')).href;

beforeAll(async () => {
  await ensureBuilt();
  main = await loadBuiltMain(join(scratch, 'Cinema Paradiso.filmfolio.sqlite'), join(scratch, 'user-data'));
}, 180_000);

afterAll(async () => {
  main?.record.app.emit('will-quit');
  await new Promise((resolve) => setTimeout(resolve, 50));
  rmSync(scratch, { recursive: true, force: true });
});

describe('the built main process', () => {
  it('starts without error and titles the window with the library’s name', () => {
    expect(main.record.steps).not.toContain('exit 1');
    expect(main.record.windows).toHaveLength(1);
    expect(main.record.windows[0]!.title).toBe('Cinema Paradiso — Filmfolio');
    expect(main.record.windows[0]!.url).toBe(rendererUrl);
    expect(main.record.menu).toBeInstanceOf(Array);
  });

  it('opens its window with the locked-down web preferences', () => {
    const preload = join(builtMainPath, '../../preload/index.js');
    expect(main.record.windows[0]!.options.webPreferences).toEqual(secureWebPreferences(preload));
  });

  it('declares the poster scheme privileged before the app is ready, with no extra privileges', () => {
    const steps = main.record.steps;
    expect(steps.indexOf('registerSchemesAsPrivileged')).toBeLessThan(steps.indexOf('whenReady'));
    expect(main.record.privileged).toEqual([
      { scheme: 'filmfolio-poster', privileges: { standard: true, secure: true } },
    ]);
  });

  it('denies permissions and sends its CSP', () => {
    const callback = vi.fn();
    main.record.permissionRequest!({}, 'media', callback);
    expect(callback).toHaveBeenCalledWith(false);
    expect(main.record.permissionCheck!({}, 'notifications')).toBe(false);
    const answered = vi.fn();
    main.record.headers!({ responseHeaders: {} }, answered);
    expect(answered).toHaveBeenCalledWith({
      responseHeaders: { 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] },
    });
  });

  it('guards every web contents it is told about: no navigation, no windows, only web links out', () => {
    const contents = Object.assign(new Emitter(), { openHandler: undefined as Listener | undefined });
    const guarded = Object.assign(contents, {
      setWindowOpenHandler: (handler: Listener) => (contents.openHandler = handler),
    });
    main.record.app.emit('web-contents-created', {}, guarded);
    const preventDefault = vi.fn();
    for (const event of ['will-navigate', 'will-redirect', 'will-attach-webview'])
      guarded.emit(event, { preventDefault });
    expect(preventDefault).toHaveBeenCalledTimes(3);
    expect(guarded.openHandler!({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
    expect(guarded.openHandler!({ url: 'https://example.org/' })).toEqual({ action: 'deny' });
    expect(main.electron.shell.openExternal).toHaveBeenCalledTimes(1);
    expect(main.electron.shell.openExternal).toHaveBeenCalledWith('https://example.org/');
  });

  it('registers every contract channel, each refusing a frame that is not its own page', async () => {
    expect([...main.record.ipc.keys()].sort()).toEqual(Object.keys(contract).sort());
    const top = { url: rendererUrl };
    const own = { sender: { mainFrame: top }, senderFrame: top };
    const iframe = { sender: { mainFrame: top }, senderFrame: { url: rendererUrl } };
    expect(await main.record.ipc.get('library:info')!(own)).toMatchObject({
      ok: true,
      value: { name: 'Cinema Paradiso' },
    });
    expect(await main.record.ipc.get('library:info')!(iframe)).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
  });

  it('serves posters by film id through its scheme, and nothing else', async () => {
    const serve = main.record.protocols.get('filmfolio-poster')!;
    expect(
      (await serve(new Request('filmfolio-poster://film/0e5c3a52-1f7e-4a4f-9b7c-3c8d2e1f0a11'))).status,
    ).toBe(404);
    expect((await serve(new Request('filmfolio-poster://film/..%2F..%2Fetc%2Fpasswd'))).status).toBe(400);
  });
});
