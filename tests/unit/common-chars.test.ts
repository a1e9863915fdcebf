import { describe, expect, it } from 'vitest';
import { matchingForm } from '../../src/main/library/search-marks';
import { tempLibrary } from '../support/temp-library';

/** The characters of `text` this process does not know yet (matchingForm collects them). */
function unknownIn(text: string): string[] {
  const unknown = new Set<number>();
  matchingForm(text, unknown);
  return [...unknown].map((code) => String.fromCodePoint(code));
}

describe('opening a library', () => {
  // This file runs in a module registry of its own, so nothing has learnt characters before it.
  it('learns the characters most texts hold beyond ASCII, so an early search need not stop for them', async () => {
    const common = 'Amélie Müller Łódź Dvořák ’—…';
    expect(unknownIn(common).length).toBeGreaterThan(0);
    await tempLibrary();
    expect(unknownIn(common)).toEqual([]);
    // Other scripts are still learnt when met.
    expect(unknownIn('Жизнь')).not.toEqual([]);
  });
});
