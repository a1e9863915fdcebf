import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/** Debian's Chromium: Playwright downloads no browser here, so the system one is used. */
export const DEFAULT_CHROMIUM_PATH = '/usr/bin/chromium';

/**
 * Flags that keep a headless Chromium quiet and offline: no GPU, no QUIC, no background fetches.
 * Playwright refuses `--user-data-dir` here; a plain launch already uses a fresh profile.
 */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * The Chromium to drive: CHROMIUM_PATH when set (and then only it: a wrong explicit path is
 * reported, not silently replaced), else /usr/bin/chromium; null when it does not exist.
 */
export function findChromium(env: Record<string, string | undefined> = process.env): string | null {
  const path = env.CHROMIUM_PATH || DEFAULT_CHROMIUM_PATH;
  return existsSync(path) ? path : null;
}

/** Launches the system Chromium headless, or explains where it was looked for. */
export async function launchChromium(): Promise<Browser> {
  const executablePath = findChromium();
  if (!executablePath) {
    throw new Error(
      `No Chromium found at CHROMIUM_PATH or ${DEFAULT_CHROMIUM_PATH}. ` +
        'Install it (`apt-get install -y chromium`) or set CHROMIUM_PATH to a Chromium binary.',
    );
  }
  return chromium.launch({ executablePath, args: CHROMIUM_ARGS });
}
