#!/usr/bin/env node
// Electronegativity (Doyensec's Electron security scanner) over src/, as one check of `npm test`.
// Fails on any HIGH or MEDIUM finding that .electronegativity-exceptions.json does not explain.
// Offline: the Electron version is given (it would otherwise be looked up) and the check that
// fetches Electron's security releases is skipped (TOOLCHAIN.md).
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, 'package.json'));
const EXCEPTIONS_FILE = '.electronegativity-exceptions.json';
const FAILING = new Set(['HIGH', 'MEDIUM']);

/** An exception matches a finding by check id and file, and by a piece of its code when given. */
export function isExplained(issue, exception) {
  return (
    exception.check === issue.id &&
    exception.file === issue.file &&
    (!exception.sample || String(issue.sample ?? '').includes(exception.sample))
  );
}

/** The findings that fail the check, and the exceptions that no longer match anything. */
export function judge(issues, exceptions) {
  const failing = issues.filter(
    (issue) =>
      FAILING.has(issue.severity.name) && !exceptions.some((exception) => isExplained(issue, exception)),
  );
  const stale = exceptions.filter((exception) => !issues.some((issue) => isExplained(issue, exception)));
  return { failing, stale };
}

async function main() {
  const run = require('@doyensec/electronegativity');
  const electronVersion = require('electron/package.json').version;
  const { issues, errors } = await run({
    input: join(root, 'src'),
    isRelative: true,
    electronVersionOverride: electronVersion,
    excludeFromScan: ['AvailableSecurityFixesGlobalCheck'],
    customScan: [],
    parserPlugins: [],
  });
  const path = join(root, EXCEPTIONS_FILE);
  const { exceptions } = existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : { exceptions: [] };
  for (const exception of exceptions) {
    if (!exception.reason?.trim())
      throw new Error(
        `${EXCEPTIONS_FILE}: the exception for ${exception.check} in ${exception.file} gives no reason.`,
      );
  }
  const { failing, stale } = judge(issues, exceptions);
  for (const error of errors)
    console.warn(`! electronegativity could not read ${error.file}: ${error.message}`);
  for (const exception of stale) {
    console.warn(
      `! ${EXCEPTIONS_FILE}: ${exception.check} in ${exception.file} matches nothing now; remove it.`,
    );
  }
  for (const issue of failing) {
    console.error(
      `✗ ${issue.severity.name} ${issue.id} at src/${issue.file}:${issue.location.line}: ${issue.description}\n    ${String(issue.sample ?? '').slice(0, 160)}\n    Fix it, or explain it in ${EXCEPTIONS_FILE}.`,
    );
  }
  const explained = issues.filter((issue) => FAILING.has(issue.severity.name)).length - failing.length;
  console.log(
    `electronegativity (Electron ${electronVersion}): ${issues.length} findings, ${explained} HIGH/MEDIUM explained, ${failing.length} unexplained.`,
  );
  process.exitCode = failing.length === 0 ? 0 : 1;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
