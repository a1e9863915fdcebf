import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Frame, Page } from 'playwright-core';
import { builtPreloadPath, builtRendererFolder, ensureBuilt } from './build';
import { findChromium, launchChromium } from './chromium';
import type { ElectronStandIn, FrameStandIn, InvokeEvent } from './electron-stand-in';
import { ipcCodec } from './ipc-codec';
import { startMain } from './load-main';
import { INVOKE_BINDING, preloadInitScript } from './preload-script';
import { serveRenderer, type RendererServer } from './renderer-server';

export { ensureBuilt } from './build';
export { findChromium } from './chromium';

/** Who a direct call to main claims to come from: the page's main frame, or another frame. */
export type Sender = { mainFrame: boolean; url?: string };

/** One running Filmfolio: the real built renderer, preload and main over a real library file. */
export type AppHarness = {
  page: Page;
  libraryPath: string;
  /** The renderer's address, without a trailing slash: `${baseUrl}/#/` is browse. */
  baseUrl: string;
  /** Uncaught errors and console errors the page reported, in order. */
  pageErrors: string[];
  /** Calls main's recorded handler for `channel` as Electron would, from the given sender. */
  callMain(channel: string, args: unknown[], sender: Sender): Promise<unknown>;
  /** The stand-in electron main runs on: its dialogs' answers, what it sent to the window. */
  electron: Pick<ElectronStandIn, 'dialogPaths' | 'sent'>;
  close(): Promise<void>;
};

export type StartOptions = {
  /** The library file to open; a new one in a temp folder (removed on close) when absent. */
  libraryPath?: string;
  /** Where to land, e.g. `#/transfer`; browse (`#/`) when absent. */
  hash?: string;
  viewport?: { width: number; height: number };
  colorScheme?: 'light' | 'dark';
};

/** True when a Chromium is there to drive; see describeE2e for what happens when it is not. */
export const e2eEnabled: boolean = findChromium() !== null;

/** How long close() waits for main to close its library (its WAL file goes away when it has). */
const LIBRARY_CLOSE_WAIT_MS = 2_000;

/**
 * Starts Filmfolio for a test: builds if needed, loads the built main with a stand-in electron,
 * serves the built renderer, and opens it in headless Chromium with the built preload.
 */
export async function startApp(options: StartOptions = {}): Promise<AppHarness> {
  await ensureBuilt();
  const scratch = mkdtempSync(join(tmpdir(), 'filmfolio-e2e-'));
  const libraryPath = options.libraryPath ?? join(scratch, 'library.filmfolio.sqlite');
  const cleanups: (() => Promise<void> | void)[] = [() => rmSync(scratch, { recursive: true, force: true })];
  const close = async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  };
  try {
    // main sets the Content-Security-Policy once it is up; the server exists first, to give main its URL.
    const running: { main?: ElectronStandIn } = {};
    const server = await serveRenderer(
      builtRendererFolder,
      (url, headers) => running.main?.responseHeaders(url, headers) ?? Promise.resolve(headers),
    );
    cleanups.push(() => server.close());
    const main = await startMain({
      libraryPath,
      rendererUrl: `${server.url}/`,
      userData: join(scratch, 'user-data'),
    });
    running.main = main;
    cleanups.push(() => closeMain(main, libraryPath));
    const browser = await launchChromium();
    cleanups.push(() => browser.close());
    const harness = await openWindow(browser, main, server, options);
    await harness.page.goto(`${server.url}/${options.hash ?? '#/'}`);
    return { ...harness, libraryPath, baseUrl: server.url, close, electron: main };
  } catch (error) {
    await close();
    throw error;
  }
}

async function openWindow(
  browser: Browser,
  main: ElectronStandIn,
  server: RendererServer,
  options: StartOptions,
): Promise<Pick<AppHarness, 'page' | 'pageErrors' | 'callMain'>> {
  const context = await browser.newContext({
    viewport: options.viewport ?? { width: 1280, height: 800 },
    colorScheme: options.colorScheme ?? 'light',
  });
  const page = await context.newPage();
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') pageErrors.push(`${message.text()} (${message.location().url})`);
  });
  const frames = frameStandIns();
  const codec = ipcCodec();
  // One string each way (see ipc-codec.ts); the frame that called is Playwright's, so main's
  // sender check compares real frames.
  await page.exposeBinding(INVOKE_BINDING, async ({ frame }, message: unknown) => {
    const [channel, args] = codec.decode(String(message)) as [string, unknown[]];
    const event = { sender: { mainFrame: frames(page.mainFrame()) }, senderFrame: frames(frame) };
    return codec.encode(await invoke(main, channel, args, event));
  });
  await page.addInitScript({ content: preloadInitScript(readFileSync(builtPreloadPath, 'utf8')) });
  // A test's call is cloned both ways too: it cannot lean on sharing objects with main.
  const clone = (value: unknown) => codec.decode(codec.encode(value));
  const callMain = async (channel: string, args: unknown[], sender: Sender) => {
    const senderFrame = { url: sender.url ?? `${server.url}/` };
    const mainFrame = sender.mainFrame ? senderFrame : frames(page.mainFrame());
    return clone(
      await invoke(main, channel, clone(args) as unknown[], { sender: { mainFrame }, senderFrame }),
    );
  };
  return { page, pageErrors, callMain };
}

/** One stand-in per real frame, so main's `frame === event.sender.mainFrame` compares real identity. */
function frameStandIns(): (frame: Frame) => FrameStandIn {
  const known = new WeakMap<Frame, FrameStandIn>();
  return (frame) => {
    let standIn = known.get(frame);
    if (!standIn) {
      standIn = {
        get url() {
          return frame.url();
        },
      };
      known.set(frame, standIn);
    }
    return standIn;
  };
}

/** As ipcRenderer.invoke does: no handler for a channel is an error, not a silent undefined. */
async function invoke(main: ElectronStandIn, channel: string, args: unknown[], event: InvokeEvent) {
  const handler = main.handlers.get(channel);
  if (!handler) throw new Error(`No handler registered for '${channel}' in the built main.`);
  return handler(event, ...args);
}

/** Lets main quit on its own path (which closes the library), then waits for the file to be let go. */
async function closeMain(main: ElectronStandIn, libraryPath: string): Promise<void> {
  main.closeWindows();
  const deadline = Date.now() + LIBRARY_CLOSE_WAIT_MS;
  while (existsSync(`${libraryPath}-wal`) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
