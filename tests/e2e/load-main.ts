import Module, { createRequire } from 'node:module';
import { builtMainPath, repoRoot } from './build';
import { createElectronStandIn, type ElectronStandIn } from './electron-stand-in';

/** A key no real module file can have: where the current stand-in waits in require's cache. */
const STAND_IN_ID = 'filmfolio-e2e:electron';
/** Main has finished starting within a second; this much means it is stuck. */
const START_TIMEOUT_MS = 30_000;

type Resolve = (
  request: string,
  parent: { filename?: string | null } | undefined,
  ...rest: unknown[]
) => string;
const loader = Module as unknown as { _resolveFilename: Resolve };
const nodeRequire = createRequire(import.meta.url);

let hooked = false;
let queue: Promise<unknown> = Promise.resolve();

export type MainOptions = { libraryPath: string; rendererUrl: string; userData: string };

/**
 * Loads the built out/main/index.js afresh in this Node process with a stand-in `electron`, and
 * waits until it has registered its handlers and opened its window. Starts run one at a time:
 * main reads process.argv and ELECTRON_RENDERER_URL while it starts, and those are process-wide.
 */
export function startMain(options: MainOptions): Promise<ElectronStandIn> {
  const start = queue.then(() => startNow(options));
  queue = start.catch(() => undefined);
  return start;
}

async function startNow({ libraryPath, rendererUrl, userData }: MainOptions): Promise<ElectronStandIn> {
  const standIn = createElectronStandIn({ appPath: repoRoot, userData });
  const saved = { argv: process.argv, rendererUrl: process.env.ELECTRON_RENDERER_URL };
  process.argv = [process.execPath, builtMainPath, '--library', libraryPath];
  process.env.ELECTRON_RENDERER_URL = rendererUrl;
  let timer: NodeJS.Timeout | undefined;
  try {
    requireMainWith(standIn.electron);
    const stuck = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`The built main did not open its window within ${START_TIMEOUT_MS} ms.`)),
        START_TIMEOUT_MS,
      );
    });
    await Promise.race([standIn.started, stuck]);
    return standIn;
  } finally {
    clearTimeout(timer);
    process.argv = saved.argv;
    if (saved.rendererUrl === undefined) delete process.env.ELECTRON_RENDERER_URL;
    else process.env.ELECTRON_RENDERER_URL = saved.rendererUrl;
  }
}

function requireMainWith(electron: object): void {
  hookElectron();
  const standInModule = new Module(STAND_IN_ID);
  standInModule.exports = electron;
  standInModule.loaded = true;
  nodeRequire.cache[STAND_IN_ID] = standInModule;
  // Main keeps its library and handlers in module state: each app gets its own copy of the module.
  delete nodeRequire.cache[builtMainPath];
  nodeRequire(builtMainPath);
}

/** Points the built main's `require('electron')` at the stand-in; every other require is untouched. */
function hookElectron(): void {
  if (hooked) return;
  hooked = true;
  const resolve = loader._resolveFilename;
  loader._resolveFilename = function (request, parent, ...rest) {
    if (request === 'electron' && parent?.filename === builtMainPath) return STAND_IN_ID;
    return resolve.call(this, request, parent, ...rest);
  };
}
