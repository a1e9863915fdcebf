import type { Locator, Page } from 'playwright-core';
import { openLibrary } from '../../src/main/library';
import { ensureBuilt, startApp } from '../e2e/harness';
import { BROWSE_PAGE_SIZE } from '../../src/shared/browse';
import { spread, type Spread } from './stats';

/**
 * The window, measured in headless Chromium over the built renderer, preload and main (the e2e
 * harness): how long until the first page of films is painted, and how long from a keypress in
 * the search box until its results are painted. Times are taken inside the page: "painted" is when
 * the first frame after the results last changed has been drawn (a message posted from its frame
 * callback arrives once the frame's style, layout and paint are done; the callback itself runs
 * before them). Browse's own wait after a key, if any, is part of the time, as a person feels it.
 * A search that finds many films paints its first page with a lower bound ("More than 500 films ·
 * counting…") and its exact count a moment later: the results are painted with the page; the
 * count landing is not waited for.
 */

/** The results count as settled once they have not changed for this long. */
const QUIET_MS = 250;
const SETTLE_TIMEOUT_MS = 5_000;
const RELOADS = 3;
/** Opening checks the whole file first: minutes for a 3 GB library are a finding, not a hang. */
const COLD_START_TIMEOUT_MS = 180_000;

export type RendererFigures = {
  /** Start of the app (main loads and opens the library, Chromium starts) to the first page painted. */
  coldFirstPageMs: number;
  /** A reload of the window to the first page painted (median): the renderer's own share. */
  firstPageMs: number;
  firstPageNodes: number;
  /** Keypress in the search box to its results painted; null when browse shows no search box. */
  keypress: (Spread & { maxNodes: number; unchanged: number }) | null;
  /**
   * A page of films asked through the harness's bridge and back (the last query typed, its first
   * page, median of 10), the main process's answer included. The harness carries IPC as one string
   * each way over Playwright's binding (tests/e2e/ipc-codec.ts): its CDP round trip is a few
   * milliseconds Electron's IPC does not cost, and every keypress pays it.
   */
  bridgeRoundTripMs: number;
  /** Why keypress was not measured. */
  skipped: string | null;
  pageErrors: number;
};

type BenchWindow = { __benchFirstPage?: number; __benchNodes?: number; __bench?: Recorder };
type Recorder = {
  last: number;
  painted: number;
  key: number;
  mutations: number;
  /** The result count showed a lower bound after the last change (its exact number still to land). */
  counting: boolean;
};

/** Titles that may appear first, whichever order browse opens in. */
async function firstTitles(path: string): Promise<string[]> {
  const library = await openLibrary(path);
  try {
    const orders = [
      { sort: 'title', descending: false },
      { sort: 'added', descending: true },
      { sort: 'added', descending: false },
    ] as const;
    return orders.flatMap((order) => library.list({ ...order, limit: 3 }).films.map((film) => film.title));
  } finally {
    await library.close();
  }
}

/** Watches, from the first frame of every load, for one of `titles` to be in the page. */
function watchFirstPage(titles: readonly string[]): void {
  const started = performance.now();
  const check = () => {
    const text = document.body?.textContent ?? '';
    if (titles.some((title) => text.includes(title))) {
      const win = window as unknown as BenchWindow;
      win.__benchNodes = document.getElementsByTagName('*').length;
      // This frame is drawn after its callbacks, in the same task: the message comes once it is.
      const drawn = new MessageChannel();
      drawn.port1.onmessage = () => (win.__benchFirstPage = performance.now());
      drawn.port2.postMessage(null);
    } else if (performance.now() - started < 60_000) requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
}

/**
 * Records when the page last changed outside its filter panel (an `aside`, or whatever is labelled
 * "Filters"), the frame after it, and the last keydown. Browse updates the filter counts a while
 * after the results; they are not the results, so their changes do not count. Nor does the exact
 * count of a big search landing after its first page (a change to the count alone, `.query-count`,
 * while it showed a lower bound, `.is-counting`): the results were painted with the page.
 */
function installRecorder(): void {
  const win = window as unknown as BenchWindow;
  if (win.__bench) return;
  const recorder: Recorder = { last: 0, painted: 0, key: 0, mutations: 0, counting: false };
  win.__bench = recorder;
  const elementOf = (node: Node) => (node instanceof Element ? node : node.parentElement);
  const isResults = (node: Node) => !elementOf(node)?.closest('aside, [aria-label="Filters"]');
  const isCount = (node: Node) => !!elementOf(node)?.closest('.query-count');
  new MutationObserver((records) => {
    const changed = records.filter((record) => isResults(record.target));
    if (changed.length === 0) return;
    const countLanded = recorder.counting && changed.every((record) => isCount(record.target));
    recorder.counting = document.querySelector('.query-count.is-counting') !== null;
    if (countLanded) return;
    recorder.last = performance.now();
    recorder.mutations += 1;
    // The next frame is drawn after its callbacks, in the same task: the message comes once it is.
    const drawn = new MessageChannel();
    drawn.port1.onmessage = () => (recorder.painted = performance.now());
    requestAnimationFrame(() => drawn.port2.postMessage(null));
  }).observe(document, {
    subtree: true,
    childList: true,
    characterData: true,
    // The results' query (browse-view's data-results-for) changes when the typed query's first
    // page is shown, even when its rows look like the previous query's: without it, a keypress
    // that leaves the first rows as they were was timed to the search chip's update alone.
    attributeFilter: ['data-results-for'],
  });
  document.addEventListener('keydown', (event) => (recorder.key = event.timeStamp), true);
}

async function mutationsSoFar(page: Page): Promise<number> {
  return page.evaluate(() => (window as unknown as BenchWindow).__bench?.mutations ?? 0);
}

/** Waits until the DOM changed after `since` mutations and then stayed still; false on timeout. */
async function settled(page: Page, since: number): Promise<boolean> {
  try {
    await page.waitForFunction(
      ({ since, quiet }) => {
        const recorder = (window as unknown as BenchWindow).__bench;
        return !!recorder && recorder.mutations > since && performance.now() - recorder.last > quiet;
      },
      { since, quiet: QUIET_MS },
      { polling: 50, timeout: SETTLE_TIMEOUT_MS },
    );
    return true;
  } catch {
    return false;
  }
}

async function searchBox(page: Page): Promise<Locator | null> {
  const candidates = [
    page.getByRole('searchbox'),
    page.getByRole('textbox', { name: /search/i }),
    page.getByLabel(/search/i),
    page.getByPlaceholder(/search/i),
  ];
  for (const candidate of candidates) if ((await candidate.count()) > 0) return candidate.first();
  return null;
}

async function reloadToFirstPage(page: Page): Promise<{ ms: number; nodes: number }> {
  await page.reload();
  const handle = await page.waitForFunction(
    () => {
      const win = window as unknown as BenchWindow;
      return win.__benchFirstPage === undefined
        ? null
        : { ms: win.__benchFirstPage, nodes: win.__benchNodes ?? 0 };
    },
    undefined,
    { polling: 50, timeout: 60_000 },
  );
  return (await handle.jsonValue()) as { ms: number; nodes: number };
}

/** Types all but the last letter, lets it settle, then times the last keypress to its results. */
async function timeKeypress(
  page: Page,
  box: Locator,
  query: string,
): Promise<{ ms: number; nodes: number } | null> {
  // Counted before the fill: its results can land before a count read after it, and the wait
  // would then sit out its whole timeout for a change that already came.
  const beforeFill = await mutationsSoFar(page);
  await box.fill(query.slice(0, -1));
  await settled(page, beforeFill);
  const before = await mutationsSoFar(page);
  await page.keyboard.press(query.slice(-1));
  if (!(await settled(page, before))) return null;
  return page.evaluate(() => {
    const recorder = (window as unknown as BenchWindow).__bench as Recorder;
    return { ms: recorder.painted - recorder.key, nodes: document.getElementsByTagName('*').length };
  });
}

async function measureKeypresses(page: Page, queries: readonly string[], count: number) {
  const box = await searchBox(page);
  if (!box)
    return {
      keypress: null,
      skipped: 'browse shows no search box (looked for role searchbox or a "search" label)',
    };
  await page.evaluate(installRecorder);
  await box.click();
  const times: number[] = [];
  let maxNodes = 0;
  let unchanged = 0;
  for (const query of queries.filter((q) => q.length >= 2).slice(0, count)) {
    const timed = await timeKeypress(page, box, query);
    if (!timed) unchanged += 1;
    else {
      times.push(timed.ms);
      maxNodes = Math.max(maxNodes, timed.nodes);
    }
  }
  if (times.length === 0)
    return { keypress: null, skipped: 'no keypress in the search box changed the page' };
  return { keypress: { ...spread(times), maxNodes, unchanged }, skipped: null };
}

/** Opens the library in the app and measures the first page and `keypresses` searches as typed. */
export async function measureRenderer(
  libraryPath: string,
  queries: readonly string[],
  keypresses = 20,
): Promise<RendererFigures> {
  await ensureBuilt();
  const titles = await firstTitles(libraryPath);
  const started = performance.now();
  const app = await startApp({ libraryPath, hash: '#/' });
  try {
    await app.page.waitForFunction(
      (titles) => titles.some((t) => document.body?.textContent?.includes(t)),
      titles,
      { polling: 'raf', timeout: COLD_START_TIMEOUT_MS },
    );
    const coldFirstPageMs = performance.now() - started;
    await app.page.addInitScript(watchFirstPage, titles);
    const reloads = [];
    for (let i = 0; i < RELOADS; i += 1) reloads.push(await reloadToFirstPage(app.page));
    const firstPage = reloads.sort((a, b) => a.ms - b.ms)[Math.floor(RELOADS / 2)] as {
      ms: number;
      nodes: number;
    };
    const keys = await measureKeypresses(app.page, queries, keypresses);
    const lastQuery =
      queries
        .filter((q) => q.length >= 2)
        .slice(0, keypresses)
        .at(-1) ?? '';
    const bridgeRoundTripMs = await app.page.evaluate(
      async ({ search, limit }) => {
        type Bridge = { films: { list: (query: object) => Promise<unknown> } };
        const bridge = (window as unknown as { filmfolio: Bridge }).filmfolio;
        const times: number[] = [];
        for (let i = 0; i < 10; i += 1) {
          const started = performance.now();
          await bridge.films.list({ search, sort: 'relevance', limit });
          times.push(performance.now() - started);
        }
        return times.sort((a, b) => a - b)[5] as number;
      },
      { search: lastQuery, limit: BROWSE_PAGE_SIZE },
    );
    return {
      coldFirstPageMs,
      firstPageMs: firstPage.ms,
      firstPageNodes: firstPage.nodes,
      ...keys,
      bridgeRoundTripMs,
      pageErrors: app.pageErrors.length,
    };
  } finally {
    await app.close();
  }
}
