/**
 * `npm run screenshots -- --out DIR [--library FILE]`: builds if needed, opens Filmfolio in headless
 * Chromium over the built main, preload and renderer, and writes a PNG of each view in
 * scripts/screenshot-views.mjs. The capture is TypeScript shared with the e2e tests; Node 20 cannot
 * import .ts, so Vite's module runner loads it.
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { runnerImport } from 'vite';
import { screenshotViews } from './screenshot-views.mjs';

const USAGE = 'Usage: npm run screenshots -- --out DIR [--library FILE]';

function options() {
  try {
    const { values } = parseArgs({ options: { out: { type: 'string' }, library: { type: 'string' } } });
    if (values.out) return values;
  } catch (error) {
    console.error(error.message);
  }
  console.error(USAGE);
  process.exit(2);
}

const { out, library } = options();
const capture = fileURLToPath(new URL('../tests/e2e/screenshots.ts', import.meta.url));
const { module } = await runnerImport(capture, { configFile: false, logLevel: 'warn' });
try {
  const files = await module.captureScreenshots({
    outDir: resolve(out),
    libraryPath: library ? resolve(library) : undefined,
    views: screenshotViews,
  });
  for (const file of files) console.log(file);
} catch (error) {
  console.error(`Screenshots failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
