import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Problem } from '../../src/shared/contract';
import { openLibrary, type Library } from '../../src/main/library';
import {
  commitImport,
  ImportRefusedError,
  LibraryFileError,
  LibraryFilesError,
  previewImport,
  type ImportInput,
  type ImportPreview,
} from '../../src/main/library/transfer';
import { filmsArbitrary } from '../support/film-arbitrary';
import { libraryText } from '../support/library-files';
import { sampleFilm, tempFolder } from '../support/temp-library';

/**
 * Malformed library files thrown at the importer: random bytes, JSON cut short, wrong types at
 * random places, prototype keys, numbers JSON cannot hold (1e309, -0), repeated ids, nesting 10,000
 * deep, a 100 MB string. previewImport answers every one with a preview whose problems each name
 * their place, or with its own LibraryFileError naming the file; it never throws anything else and
 * never writes. commitImport writes all of a preview or nothing.
 *
 * Seeded and reproducible: FUZZ_RUNS=100000 (and FUZZ_SEED=n for other cases) runs more, e.g.
 *   FUZZ_RUNS=100000 npx vitest run --project unit tests/unit/fuzz-import.test.ts
 */

const RUNS = Number(process.env.FUZZ_RUNS ?? 2_000);
const SEED = Number(process.env.FUZZ_SEED ?? 20_261_126);
const TIMEOUT = Math.max(120_000, RUNS * 100);

/** A value the JSON text will hold as it is (JSON.stringify cannot write these). */
const RAW_NUMBERS = [
  '1e309',
  '-1e309',
  '-0',
  '-0.0',
  '1e-400',
  '123456789012345678901234567890',
  '0.1e99999',
];
const rawMark = (index: number) => `\u0000raw${index}\u0000`;
const withRawNumbers = (text: string) =>
  RAW_NUMBERS.reduce((out, raw, index) => out.split(JSON.stringify(rawMark(index))).join(raw), text);

const ODD_VALUES: unknown[] = [
  null,
  true,
  0,
  -1,
  2 ** 53 + 1,
  '',
  ' ',
  'x'.repeat(5_000),
  '\ud800',
  [],
  [[]],
  {},
  { title: 'Nested' },
  ...RAW_NUMBERS.map((_, index) => rawMark(index)),
];
const FORBIDDEN_KEYS = ['__proto__', 'constructor', 'prototype'];

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Every place in a JSON value, as a path of keys and indexes. */
function placesIn(value: Json, path: (string | number)[] = [], places: (string | number)[][] = []) {
  places.push(path);
  if (Array.isArray(value)) value.forEach((item, index) => placesIn(item, [...path, index], places));
  else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) placesIn(item, [...path, key], places);
  }
  return places;
}

function replaceAt(value: Json, path: readonly (string | number)[], replacement: Json): Json {
  if (path.length === 0) return replacement;
  const [head, ...rest] = path as [string | number, ...(string | number)[]];
  if (Array.isArray(value))
    return value.map((item, index) => (index === head ? replaceAt(item, rest, replacement) : item));
  const record = value as Record<string, Json>;
  return JSON.parse(
    JSON.stringify({ ...record, [head]: replaceAt(record[head] as Json, rest, replacement) }),
  ) as Json;
}

/** Adds a key to the object at `path` (JSON.parse makes `__proto__` an own key, as a file would). */
function addKeyAt(value: Json, path: readonly (string | number)[], key: string, item: Json): Json {
  const target = path.reduce<Json>((current, part) => (current as Record<string, Json>)[part] as Json, value);
  if (!target || typeof target !== 'object' || Array.isArray(target)) return value;
  const text = JSON.stringify(target);
  const added = JSON.parse(
    `{${JSON.stringify(key)}:${JSON.stringify(item)}${text === '{}' ? '' : `,${text.slice(1, -1)}`}}`,
  ) as Json;
  return replaceAt(value, path, added);
}

const libraryValue = fc
  .tuple(filmsArbitrary(3), fc.constant(sampleFilm()))
  .map(([films, work]) => JSON.parse(libraryText([...films, work])) as Json);

/** A library file with one thing wrong somewhere: a value of the wrong type, or a forbidden key. */
const mutatedLibrary = fc
  .tuple(
    libraryValue,
    fc.nat(),
    fc.constantFrom(...ODD_VALUES),
    fc.constantFrom(...FORBIDDEN_KEYS),
    fc.boolean(),
  )
  .map(([value, pick, odd, key, addKey]) => {
    const places = placesIn(value);
    const place = places[pick % places.length] as (string | number)[];
    const mutated = addKey
      ? addKeyAt(value, place, key, { polluted: true })
      : replaceAt(value, place, odd as Json);
    return withRawNumbers(JSON.stringify(mutated));
  });

/** A library with films repeating one id, or objects repeating a key. */
const repeated = fc.tuple(filmsArbitrary(3), fc.boolean()).map(([films, keys]) => {
  const work = sampleFilm();
  if (!keys) return libraryText([...films, work, { ...work, title: 'Same Id, Other Film' }]);
  return libraryText([work]).replace(
    '"title": "The Work"',
    '"title": "The Work", "title": 42, "year": "again"',
  );
});

const deep = (depth: number, open: string, close: string, middle = '1') =>
  `${open.repeat(depth)}${middle}${close.repeat(depth)}`;
const DEEP_FILES = [
  deep(10_000, '[', ']'),
  deep(10_000, '{"a":', '}'),
  `{"format":"filmfolio-library","version":1,"films":[${deep(10_000, '[', ']')}]}`,
  `{"format":"filmfolio-library","version":1,"films":[{"title":"Deep","notes":${deep(10_000, '{"n":', '}', '"x"')}}]}`,
  `{"format":"filmfolio-library","version":1,"meta":${deep(10_000, '[', ']')},"films":[]}`,
  `{"format":"filmfolio-library","version":1,"films":[${'['.repeat(10_000)}`,
];

/** Library files cut short at any byte. */
const truncated = fc.tuple(libraryValue, fc.double({ min: 0, max: 1, noNaN: true })).map(([value, share]) => {
  const text = JSON.stringify(value, null, 2);
  return text.slice(0, Math.floor(text.length * share));
});

type Case = { name: string; bytes: Buffer };
const asCase = (name: string) => (text: string) => ({ name, bytes: Buffer.from(text, 'utf8') });

const malformedFile: fc.Arbitrary<Case> = fc.oneof(
  fc.uint8Array({ maxLength: 4_096 }).map((bytes) => ({ name: 'random.bin', bytes: Buffer.from(bytes) })),
  fc.string({ unit: 'binary', maxLength: 2_000 }).map(asCase('random.json')),
  fc.json().map(asCase('any.json')),
  truncated.map(asCase('cut.json')),
  mutatedLibrary.map(asCase('mutated.filmfolio.json')),
  repeated.map(asCase('repeated.filmfolio.json')),
  fc.constantFrom(...DEEP_FILES).map(asCase('deep.json')),
);

let library: Library;
let before: string;
let folder: string;

// One library and folder for the whole file (tempFolder's are emptied after each test).
beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), 'filmfolio-fuzz-'));
  library = await openLibrary(join(folder, 'library.filmfolio.sqlite'));
  library.create(sampleFilm());
  library.create({ title: 'Already Here', year: 1999 });
  before = dumpOf(library);
});
afterAll(async () => {
  await library.close();
  rmSync(folder, { recursive: true, force: true });
});

/** Everything the library file holds, every table: equal dumps, equal libraries. */
function dumpOf(target: Library): string {
  const tables = target.sqlite
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
    .pluck()
    .all() as string[];
  return JSON.stringify(tables.map((name) => target.sqlite.prepare(`SELECT * FROM "${name}"`).all()));
}

const PLACE = /^(films\[\d+\]|fact page|line \d+|[^:]+: (films\[\d+\]|format|version|\$|[a-z]))/;

function expectLocated(problem: Problem): void {
  expect(problem.path, problem.message).toMatch(PLACE);
  expect(problem.message.trim().length).toBeGreaterThan(0);
}

/** The importer's answer: a preview with every problem placed, or its own error naming the file. */
async function expectAnswered(input: ImportInput, name: string): Promise<ImportPreview | Error> {
  try {
    const preview = await previewImport(library, input);
    for (const film of preview.films) {
      if (film.status === 'rejected') expect(film.problems.length).toBeGreaterThan(0);
      film.problems.forEach(expectLocated);
      film.warnings.forEach(expectLocated);
    }
    preview.warnings.forEach(expectLocated);
    return preview;
  } catch (error) {
    if (!(error instanceof LibraryFileError) && !(error instanceof LibraryFilesError)) throw error;
    expect(error.message.startsWith(`${name}: `), error.message).toBe(true);
    expect(error.message.length).toBeGreaterThan(name.length + 10);
    return error;
  }
}

/** A refusal of the whole file that also says where in it: `(line 1, column 61)`. */
function expectRefusedAt(answer: ImportPreview | Error, what: RegExp): void {
  expect(answer).toBeInstanceOf(LibraryFileError);
  expect((answer as Error).message).toMatch(what);
  expect((answer as Error).message).toMatch(/\(line \d+, column \d+\)$/);
}

describe('previewImport, given malformed files', () => {
  it(
    `answers ${RUNS} of them with located problems or its own error, and writes nothing`,
    async () => {
      const file = join(folder, 'incoming');
      const answers = { previews: 0, rejectedFilms: 0, refusals: 0 };
      await fc.assert(
        fc.asyncProperty(malformedFile, async ({ name, bytes }) => {
          writeFileSync(file, bytes);
          await expectAnswered({ path: file }, file);
          const answer = await expectAnswered({ text: bytes.toString('utf8'), name }, name);
          if (answer instanceof Error) answers.refusals += 1;
          else {
            answers.previews += 1;
            if (answer.films.some((film) => film.status === 'rejected')) answers.rejectedFilms += 1;
          }
        }),
        { numRuns: RUNS, seed: SEED },
      );
      // Every way out was taken many times: whole files refused, films rejected at their place.
      expect(Math.min(answers.previews, answers.rejectedFilms, answers.refusals)).toBeGreaterThan(RUNS / 20);
      expect(dumpOf(library)).toBe(before);
    },
    TIMEOUT,
  );

  it('refuses a file with a 100 MB string, saying where it is', async () => {
    const file = join(folder, 'huge.filmfolio.json');
    writeFileSync(
      file,
      libraryText([
        { title: 'Small', year: 2001 },
        { title: 'x'.repeat(100 * 1024 * 1024), year: 2000 },
      ]),
    );
    expectRefusedAt(await expectAnswered({ path: file }, file), /a text value of 100\.0 MB is larger than/);
    expect(dumpOf(library)).toBe(before);
  }, 120_000);

  it.each(DEEP_FILES.map((text, index) => [index, text] as const))(
    'answers nesting 10,000 deep (%i) without running out of stack',
    async (_index, text) => {
      const answer = await expectAnswered({ text, name: 'deep.json' }, 'deep.json');
      expect(answer).toBeInstanceOf(LibraryFileError);
      expect((answer as Error).message).toMatch(/nest deeper than|not valid JSON|not a Filmfolio library/);
    },
  );

  it('numbers JSON cannot hold are refused at their place; -0 is kept as 0', async () => {
    const text = withRawNumbers(
      libraryText([
        { title: 'Too Big', year: rawMark(0) },
        { title: 'Minus Zero', year: 1999, userRating: rawMark(2) },
      ]),
    );
    const target = await freshLibrary();
    try {
      const preview = await previewImport(target, { text, name: 'numbers.json' });
      expect(preview.films[0]?.problems.map((problem) => problem.path)).toEqual(['films[0].year']);
      expect(preview.films[1]?.status).toBe('new');
      const result = await commitImport(target, preview, { skipRejected: true }, { backup: false });
      expect(target.get(result.filmIds[0] as string)?.userRating).toBe(0);
    } finally {
      await target.close();
    }
  });
});

/** A fresh library for each commit, from one template file. */
let template: string;
beforeAll(async () => {
  template = join(folder, 'template.filmfolio.sqlite');
  const seeded = await openLibrary(template);
  seeded.create(sampleFilm());
  await seeded.close();
});

async function freshLibrary(): Promise<Library> {
  const path = join(tempFolder(), 'library.filmfolio.sqlite');
  copyFileSync(template, path);
  return openLibrary(path);
}

/** Files that mostly read, with some films rejected, duplicated or repeated. */
const mostlyReadable = fc.oneof(
  mutatedLibrary,
  repeated,
  libraryValue.map((value) => JSON.stringify(value)),
);

describe('commitImport', () => {
  it(
    'writes all of what the preview said, or nothing at all',
    async () => {
      await fc.assert(
        fc.asyncProperty(
          mostlyReadable,
          fc.constantFrom('skip', 'replace', 'merge', 'keep-both' as const),
          fc.boolean(),
          async (text, rule, skipRejected) => {
            const target = await freshLibrary();
            try {
              const unchanged = dumpOf(target);
              const films = target.count();
              const preview = await previewImport(target, { text, name: 'in.json' }).catch(
                (error: unknown) => {
                  if (error instanceof LibraryFileError) return null;
                  throw error;
                },
              );
              if (!preview) return;
              try {
                const result = await commitImport(target, preview, { rule, skipRejected }, { backup: false });
                expect(target.count()).toBe(films + result.counts.new + result.counts.keptBoth);
              } catch (error) {
                expect(error).toBeInstanceOf(ImportRefusedError);
                expect(dumpOf(target)).toBe(unchanged);
              }
            } finally {
              await target.close();
            }
          },
        ),
        { numRuns: Math.max(50, Math.round(RUNS / 15)), seed: SEED },
      );
    },
    TIMEOUT,
  );

  it('a film that fails to write at any place rolls the whole import back', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: 29 }), async (failAt) => {
        const target = await freshLibrary();
        try {
          const unchanged = dumpOf(target);
          const films = Array.from({ length: 30 }, (_, i) => ({
            title: `Batch ${i}`,
            year: 1990,
            cast: [{ person: `P ${i}` }],
          }));
          const preview = await previewImport(target, { text: libraryText(films), name: 'batch.json' });
          // A film that passed the preview but cannot be stored (as a full disk or a bug would do).
          target.sqlite.exec(
            `CREATE TRIGGER fail_one BEFORE INSERT ON films WHEN NEW.title = 'Batch ${failAt}' BEGIN SELECT RAISE(ABORT, 'disk full'); END`,
          );
          await expect(commitImport(target, preview, {}, { backup: false, chunkSize: 7 })).rejects.toThrow();
          expect(dumpOf(target)).toBe(unchanged);
        } finally {
          await target.close();
        }
      }),
      { numRuns: 15, seed: SEED },
    );
  });
});
