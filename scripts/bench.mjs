/**
 * `npm run bench [-- --sizes 1000,10000,100000] [--json FILE]`: measures import (against the raw
 * limit), export, cold open, search, list pages, the window and printing, prints every figure
 * beside its target, and writes them all as JSON when asked. The bench is TypeScript in
 * tests/bench/; Node 20 cannot import .ts, so Vite's module runner loads it (as screenshots do).
 *
 * More options: --profiles light,full  --full-import-max 10000  --import-cap 30 (seconds after
 * which an import is cancelled and reported as at least that slow)  --no-real  --no-renderer
 * --no-print  --catalogue 100  --strict (exit 1 when a target is missed; otherwise a missed target
 * is reported, and only a bench that could not run exits 1)
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { runnerImport } from 'vite';

const USAGE = `Usage: npm run bench -- [--sizes 1000,10000,100000] [--json FILE] [--profiles light,full]
  [--full-import-max 10000] [--import-cap 30] [--no-real] [--no-renderer] [--no-print] [--catalogue 100] [--strict]`;

function numbers(text, name) {
  const values = text.split(',').map((part) => Number(part.trim()));
  if (values.some((value) => !Number.isInteger(value) || value < 1)) {
    throw new Error(`--${name} takes whole numbers separated by commas, like 1000,10000`);
  }
  return values;
}

function options() {
  try {
    const { values } = parseArgs({
      options: {
        sizes: { type: 'string', default: '1000,10000,100000' },
        json: { type: 'string' },
        profiles: { type: 'string', default: 'light,full' },
        'full-import-max': { type: 'string', default: '10000' },
        'import-cap': { type: 'string', default: '30' },
        'no-real': { type: 'boolean', default: false },
        'no-renderer': { type: 'boolean', default: false },
        'no-print': { type: 'boolean', default: false },
        catalogue: { type: 'string', default: '100' },
        strict: { type: 'boolean', default: false },
        help: { type: 'boolean', default: false },
      },
    });
    if (values.help) {
      console.log(USAGE);
      process.exit(0);
    }
    const profiles = values.profiles.split(',').map((p) => p.trim());
    const unknown = profiles.filter((p) => p !== 'light' && p !== 'full');
    if (unknown.length > 0) throw new Error(`--profiles takes light and/or full, not ${unknown.join(', ')}`);
    return {
      json: values.json ? resolve(values.json) : null,
      strict: values.strict,
      bench: {
        sizes: numbers(values.sizes, 'sizes'),
        profiles,
        fullImportMax: numbers(values['full-import-max'], 'full-import-max')[0],
        importCapSeconds: numbers(values['import-cap'], 'import-cap')[0],
        real: !values['no-real'],
        renderer: !values['no-renderer'],
        print: !values['no-print'],
        catalogueFilms: numbers(values.catalogue, 'catalogue')[0],
        log: (line) => console.error(`· ${line}`),
      },
    };
  } catch (error) {
    console.error(error.message);
    console.error(USAGE);
    process.exit(2);
  }
}

const { json, strict, bench } = options();
const load = (file) =>
  runnerImport(fileURLToPath(new URL(`../tests/bench/${file}`, import.meta.url)), {
    configFile: false,
    logLevel: 'warn',
  }).then(({ module }) => module);
const [{ runBench }, { formatReport }] = await Promise.all([load('run-bench.ts'), load('report.ts')]);
try {
  const result = await runBench(bench);
  console.log(formatReport(result));
  if (json) {
    writeFileSync(json, `${JSON.stringify(result, null, 2)}\n`);
    console.error(`Figures written to ${json}`);
  }
  if (strict && result.checks.some((check) => check.pass === false)) process.exitCode = 1;
} catch (error) {
  console.error(
    `The bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
  );
  process.exitCode = 1;
}
