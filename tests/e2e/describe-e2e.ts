import { describe, test } from 'vitest';
import { DEFAULT_CHROMIUM_PATH } from './chromium';
import { e2eEnabled } from './harness';

const onCi = !!process.env.CI && process.env.CI !== 'false' && process.env.CI !== '0';
const NO_CHROMIUM = `No Chromium at CHROMIUM_PATH or ${DEFAULT_CHROMIUM_PATH}: the e2e tests cannot see the UI.`;

/**
 * A describe block that needs Chromium. Without one it is skipped with a loud warning on a
 * developer's machine, and fails under CI, where a missing browser must never pass as green.
 */
export function describeE2e(name: string, body: () => void): void {
  if (e2eEnabled) {
    describe(name, body);
    return;
  }
  if (onCi) {
    describe(name, () => {
      test('has a Chromium to drive', () => {
        throw new Error(`${NO_CHROMIUM} Install it (apt-get install -y chromium) or set CHROMIUM_PATH.`);
      });
    });
    return;
  }
  console.warn(`\n!!! ${NO_CHROMIUM} Skipping "${name}". Install chromium or set CHROMIUM_PATH. !!!\n`);
  describe.skip(name, body);
}
