#!/usr/bin/env node
// `npm test`: typecheck, lint, then every Vitest tier (unit, ui, e2e), ending with one plain line
// "N passed, N failed" that counts each test and each check. Exit status 1 when anything failed.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
let passed = 0;
let failed = 0;
let skipped = 0;

function run(label, command, args, env = {}) {
  console.log(`\n▶ ${label}: ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  return result.status === 0;
}

function check(label, args) {
  if (run(label, npx, args)) passed += 1;
  else {
    failed += 1;
    console.error(`✗ ${label} failed`);
  }
}

function chromiumPath() {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  return candidates.find((path) => path && existsSync(path)) ?? null;
}

check('typecheck (node)', ['tsc', '--noEmit', '-p', 'tsconfig.node.json']);
check('typecheck (web)', ['tsc', '--noEmit', '-p', 'tsconfig.web.json']);
check('lint', ['eslint', '--max-warnings', '0', '.']);
check('format', ['prettier', '--check', '.']);
check('electronegativity', ['node', 'scripts/electronegativity.mjs']);

const projects = ['unit', 'ui'];
if (chromiumPath()) projects.push('e2e');
else if (process.env.CI === 'true') {
  console.error(
    '\n✗ No Chromium found (set CHROMIUM_PATH or install chromium): e2e tests cannot run under CI.',
  );
  failed += 1;
} else {
  console.warn(
    '\n!!!!!!!! No Chromium found: the e2e tests are SKIPPED. Install it: apt-get install -y chromium !!!!!!!!',
  );
}

const reportDir = mkdtempSync(join(tmpdir(), 'filmfolio-vitest-'));
const report = join(reportDir, 'report.json');
const projectArgs = projects.flatMap((project) => ['--project', project]);
const ok = run(
  'tests',
  npx,
  ['vitest', 'run', ...projectArgs, '--reporter=default', '--reporter=json', `--outputFile.json=${report}`],
  {
    FILMFOLIO_E2E_REQUIRED: projects.includes('e2e') ? '1' : '0',
  },
);
if (existsSync(report)) {
  const results = JSON.parse(readFileSync(report, 'utf8'));
  passed += results.numPassedTests;
  failed += results.numFailedTests;
  skipped += results.numPendingTests + (results.numTodoTests ?? 0);
  // A suite that failed to load has no failed test of its own: count it, or the line would lie.
  failed += results.testResults.filter(
    (file) => file.status === 'failed' && file.assertionResults.length === 0,
  ).length;
  if (!ok && results.numFailedTests === 0 && failed === 0) failed += 1;
} else {
  failed += 1;
  console.error('✗ Vitest wrote no report');
}
rmSync(reportDir, { recursive: true, force: true });

console.log(`\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed === 0 ? 0 : 1);
