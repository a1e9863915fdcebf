import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import type { IpcMainInvokeEvent } from 'electron';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { contract, type Channel, type Outcome } from '../../src/shared/contract';
import { dispatch } from '../../src/main/dispatch';
import { createHandlers, type Handlers } from '../../src/main/handlers';
import { registerIpc } from '../../src/main/ipc';
import { openLibrary } from '../../src/main/library';
import { startLibrarySwitcher, type LibrarySwitcher } from '../../src/main/library-switcher';
import { trustedSender } from '../../src/main/security';
import { openSettingsFile } from '../../src/main/settings';
import { samplePath } from '../support/temp-library';

/**
 * Every channel in the contract, called with arguments of the wrong shape and from frames that are
 * not the app's own page: each answers a validation or permission error, never an exception, and
 * a refused call never reaches its handler.
 */

const CHANNELS = Object.keys(contract) as Channel[];
const RENDERER = 'file:///opt/Filmfolio/resources/app.asar/out/renderer/index.html';

/** The real handlers over a real library and settings file; dialogs and printing stand in. */
async function realHandlers(
  userData: string,
): Promise<{ handlers: Handlers; calls: Channel[]; libraries: LibrarySwitcher }> {
  const settings = openSettingsFile(userData);
  const libraries = await startLibrarySwitcher({
    settings,
    openLibrary: (path, options) => openLibrary(path, options),
    startup: { path: join(userData, 'library.filmfolio.sqlite'), chosenInApp: true, missing: null },
  });
  const handlers = createHandlers({
    library: () => libraries.current(),
    samplePath,
    desktop: {
      settings,
      libraries,
      chooseLibraryFile: () => Promise.resolve(null),
      chooseNewLibraryFile: () => Promise.resolve(null),
      print: () => Promise.resolve(false),
      savePdf: () => Promise.resolve(null),
    },
  });
  const calls: Channel[] = [];
  const counted = Object.fromEntries(
    CHANNELS.map((channel) => [
      channel,
      (...args: unknown[]) => {
        calls.push(channel);
        return (handlers[channel] as (...values: unknown[]) => unknown)(...args);
      },
    ]),
  ) as unknown as Handlers;
  return { handlers: counted, calls, libraries };
}

// One app for the whole file (opening a library per channel would dominate the run time).
const scratch = mkdtempSync(join(tmpdir(), 'filmfolio-ipc-'));
let app: Awaited<ReturnType<typeof realHandlers>>;
beforeAll(async () => {
  app = await realHandlers(scratch);
});
beforeEach(() => {
  app.calls.length = 0;
});
afterAll(async () => {
  await app.libraries.close();
  rmSync(scratch, { recursive: true, force: true });
});

const arity = (channel: Channel) => contract[channel].args.def.items.length;

/** Values of every JSON-ish kind, and some that try to be clever. */
const ODD_VALUES: unknown[] = [
  42,
  -0,
  Number.NaN,
  'not what was asked',
  '',
  null,
  true,
  [],
  [[[]]],
  {},
  JSON.parse('{"__proto__": {"admin": true}}'),
  { constructor: { prototype: { polluted: true } } },
  'x'.repeat(100_000),
  { toString: 'hello' },
];

/** Argument lists of the wrong shape for a channel: too many, and each position given an odd value. */
function wrongShapes(channel: Channel): unknown[][] {
  const schema = contract[channel].args;
  const count = arity(channel);
  const candidates: unknown[][] = [
    new Array(count + 1).fill('extra'),
    [...new Array(count).fill(null), { more: 1 }],
  ];
  for (let position = 0; position < count; position += 1) {
    for (const value of ODD_VALUES) {
      const args = new Array(count).fill(null);
      args[position] = value;
      candidates.push(args);
    }
  }
  return candidates.filter((args) => !schema.safeParse(args).success);
}

function isAnOutcome(value: unknown): value is Outcome<unknown> {
  if (typeof value !== 'object' || value === null || !('ok' in value)) return false;
  return value.ok === true ? 'value' in value : 'error' in value;
}

describe('every IPC channel', () => {
  it.each(CHANNELS)(
    '%s refuses arguments of the wrong shape with a located validation error',
    async (channel) => {
      const { handlers, calls } = app;
      const shapes = wrongShapes(channel);
      expect(shapes.length).toBeGreaterThan(0);
      for (const args of [...shapes, 'not a list' as unknown as unknown[]]) {
        const outcome = await dispatch(handlers, channel, args);
        expect(outcome, JSON.stringify(args).slice(0, 80)).toMatchObject({
          ok: false,
          error: { code: 'VALIDATION', message: expect.stringContaining(channel) },
        });
      }
      expect(calls).toEqual([]);
    },
  );

  it.each(CHANNELS)(
    '%s refuses a call from a frame that is not the app’s own page, before its handler',
    async (channel) => {
      const { handlers, calls } = app;
      const registered = new Map<
        string,
        (event: IpcMainInvokeEvent, ...args: unknown[]) => Promise<Outcome<unknown>>
      >();
      registerIpc(
        { handle: (name, listener) => void registered.set(name, listener as never) },
        handlers,
        trustedSender(RENDERER),
      );
      const top = { url: RENDERER };
      const foreign = (senderFrame: unknown, mainFrame: unknown = top) =>
        ({ senderFrame, sender: { mainFrame } }) as unknown as IpcMainInvokeEvent;
      const attacker = { url: 'https://attacker.example/' };
      const senders = [
        foreign({ url: RENDERER }), // an iframe that loaded our own page
        foreign(attacker), // an iframe from elsewhere
        foreign(attacker, attacker), // a top-level page from elsewhere
        foreign({ url: 'file:///tmp/downloaded.html' }, { url: 'file:///tmp/downloaded.html' }),
        foreign(null), // a frame already gone
      ];
      const valid = new Array(arity(channel)).fill(null);
      for (const event of senders) {
        for (const args of [valid, ...wrongShapes(channel).slice(0, 3)]) {
          const outcome = await registered.get(channel)!(event, ...args);
          expect(outcome).toMatchObject({
            ok: false,
            error: { code: 'FORBIDDEN', message: expect.stringContaining(channel) },
          });
        }
      }
      expect(calls).toEqual([]);
    },
  );

  it('answers any arguments at all with an Outcome, never a thrown error', async () => {
    const { handlers } = app;
    const safe = CHANNELS.filter((channel) => channel !== 'library:open-sample');
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...safe),
        fc.array(fc.anything({ maxDepth: 3 }), { maxLength: 4 }),
        async (channel, args) => {
          const outcome = await dispatch(handlers, channel, args);
          expect(isAnOutcome(outcome)).toBe(true);
          if (!outcome.ok)
            expect(['VALIDATION', 'NOT_FOUND', 'STALE', 'FAILED']).toContain(outcome.error.code);
        },
      ),
      { numRuns: 300, seed: 20_261_126 },
    );
  });
});
