import { describe, expect, it } from 'vitest';
import { bufferReader, ByteWindow } from '../../src/main/library/transfer/byte-window';
import { scanLibraryJson } from '../../src/main/library/transfer/json-scanner';
import { libraryText } from '../support/library-files';

/**
 * The scanner cuts each film out of a library file's bytes, read through a window that moves along
 * the file. Inside a film it tracks only brackets and strings (the bulk of every file): these check
 * that the cut is exact whatever a film holds, wherever a window (1 MB, or a few bytes) happens to
 * end: inside a string, between a backslash and the quote it escapes, inside a character, a key
 * or the whitespace after a film, and that the file around the films is kept.
 */

const tricky = [
  { title: 'Brackets in text ] } [ {', notes: 'a "quoted" word, a \\ backslash, \\" both, and \\\\' },
  { title: 'Nested', similar: [{ title: 'x', reason: '[[[' }], externalIds: { imdb: 'tt0000001' } },
  [1, [2, [3, { deep: [[[]]] }]]],
  'a bare string film, with a comma, and ] } brackets',
  42,
  null,
  {},
  [],
  { title: 'Unicode: café, 東京, 🎬, \u2028 and an escaped \u0022 quote' },
];

/** Films whose text is long enough that windows of 1 MB end inside them, at varied places. */
const large = Array.from({ length: 12 }, (_, i) => ({
  title: `Large ${i}`,
  notes: `${'word "quoted" [bracket] {brace} \\ '.repeat(9_000 + i * 1_537)}end`,
  cast: [{ person: `Person ${i}`, character: ']' }],
}));

async function scanned(films: readonly unknown[], windowBytes?: number) {
  const bytes = Buffer.from(libraryText(films), 'utf8');
  const window = new ByteWindow(bufferReader('films.json', bytes), windowBytes);
  await window.advance(0);
  const scan = await scanLibraryJson(window, 0, { file: 'films.json' });
  return { bytes, scan };
}

/** Every film cut exactly (it parses back to the film, and starts and ends at its own brackets), and the rest kept. */
function expectCutExactly(
  bytes: Buffer,
  scan: Awaited<ReturnType<typeof scanned>>['scan'],
  films: unknown[],
) {
  expect(scan.films).toHaveLength(films.length);
  scan.films.forEach((range, index) => {
    const text = bytes.toString('utf8', range.start, range.end);
    expect(JSON.parse(text)).toEqual(films[index]);
    expect(text.trim()).toBe(text);
  });
  expect(JSON.parse(scan.skeleton)).toEqual({
    format: 'filmfolio-library',
    version: 1,
    films: films.map(() => 0),
  });
}

describe('cutting films out of a library file', () => {
  it('cuts every film exactly, whatever its text holds and wherever a window ends', async () => {
    const films = [...tricky, ...large, ...tricky];
    const { bytes, scan } = await scanned(films, 1024 * 1024);
    expect(bytes.length).toBeGreaterThan(4 * 1024 * 1024);
    expectCutExactly(bytes, scan, films);
  });

  it('cuts every film exactly through windows of a few bytes, which end at every kind of place', async () => {
    const films = [...tricky, { title: 'Backslashes \\\\ \\" \\\\\\', notes: '\\' }, ...tricky];
    for (const windowBytes of [1, 2, 3, 5, 7, 64]) {
      const { bytes, scan } = await scanned(films, windowBytes);
      expectCutExactly(bytes, scan, films);
    }
  });

  it('keeps the skeleton mapped back to the file around each film', async () => {
    const { bytes, scan } = await scanned([{ title: 'A' }, { title: 'B' }]);
    const at = scan.skeleton.indexOf('"version"');
    expect(bytes.toString('utf8', scan.fileOffsetOf(at), scan.fileOffsetOf(at) + 9)).toBe('"version"');
    const second = scan.skeleton.lastIndexOf('0');
    expect(scan.fileOffsetOf(second)).toBe(scan.films[1]?.start);
  });
});
