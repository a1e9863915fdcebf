import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { filmInputSchema } from '../../src/shared/film-schema';
import { FactPageError, parseFactPage, type FactPageResult } from '../../src/shared/fact-page';
import { openLibrary, type Library } from '../../src/main/library';
import { LibraryFileError, previewImport } from '../../src/main/library/transfer';
import { seedPagePath } from '../support/temp-library';

/**
 * Malformed fact pages thrown at the reader: the seed page cut, shuffled, with lines repeated or
 * dropped, values replaced by odd ones (1e309, -0, huge numbers, control characters, lone
 * surrogates), random text and bytes, 10,000 headings, lines of 200,000 characters, 100 MB.
 * parseFactPage answers each with a film the schema accepts (and every line it could not place,
 * by number) or with its own FactPageError; never anything else.
 *
 *   FUZZ_RUNS=100000 npx vitest run --project unit tests/unit/fuzz-fact-page.test.ts
 */

const RUNS = Number(process.env.FUZZ_RUNS ?? 1_000);
const SEED = Number(process.env.FUZZ_SEED ?? 20_261_126);
const TIMEOUT = Math.max(120_000, RUNS * 100);

const seedLines = readFileSync(seedPagePath, 'utf8').split('\n');
const PROBLEMS = ['empty', 'binary', 'too-large', 'no-title', 'invalid'];

const ODD_VALUES = [
  '1e309',
  '-0',
  '-1e309 minutes',
  '99999999999999999999',
  '$-0',
  '€1e309',
  'NaN',
  'Infinity/10',
  '\u0000',
  '\ud800',
  '\u202e',
  '__proto__',
  'constructor',
  'x'.repeat(200_000),
  '',
  '   ',
  '0/0',
  '-5/10 (-3 votes)',
  'PT999999999H',
];

/** The seed page with one line's value (after its label) replaced by an odd one. */
const oddValue = fc.tuple(fc.nat(), fc.constantFrom(...ODD_VALUES)).map(([pick, odd]) => {
  const lines = [...seedLines];
  const index = pick % lines.length;
  const line = lines[index] as string;
  const colon = line.indexOf(':');
  lines[index] = colon > 0 ? `${line.slice(0, colon + 1)} ${odd}` : odd;
  return lines.join('\n');
});

/** The seed page's lines, some dropped, some repeated, in another order. */
const shuffled = fc
  .array(fc.nat({ max: seedLines.length - 1 }), { maxLength: seedLines.length * 2 })
  .map((picks) => picks.map((index) => seedLines[index]).join('\n'));

const cut = fc.nat().map((at) => {
  const text = seedLines.join('\n');
  return text.slice(0, at % text.length);
});

const HEADINGS = seedLines.filter((line) => line.length > 0 && line.length < 60 && !line.includes(':'));
const manyHeadings = fc
  .constantFrom(...HEADINGS)
  .map((heading) => `${seedLines[0]}\n${`${heading}\n`.repeat(10_000)}`);

const malformedPage: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 2_000 }),
  fc.string({ unit: 'binary', maxLength: 2_000 }),
  fc.uint8Array({ maxLength: 2_000 }).map((bytes) => Buffer.from(bytes).toString('utf8')),
  oddValue,
  shuffled,
  cut,
  manyHeadings,
  fc
    .tuple(oddValue, fc.string({ unit: 'grapheme', maxLength: 200 }))
    .map(([page, noise]) => `${noise}\n${page}`),
);

/** parseFactPage's answer: a valid film with its unplaced lines numbered, or a FactPageError. */
function expectAnswered(text: string): FactPageResult | FactPageError {
  try {
    const result = parseFactPage(text);
    expect(filmInputSchema.safeParse(result.film).success).toBe(true);
    const lineCount = text.split(/\r\n|\r|\n/).length;
    for (const line of result.unplaced) {
      expect(line.line).toBeGreaterThanOrEqual(1);
      expect(line.line).toBeLessThanOrEqual(lineCount);
    }
    return result;
  } catch (error) {
    if (!(error instanceof FactPageError)) throw error;
    expect(PROBLEMS).toContain(error.problem);
    expect(error.message.trim().length).toBeGreaterThan(10);
    return error;
  }
}

describe('parseFactPage, given malformed pages', () => {
  it(
    `answers ${RUNS} of them with a valid film or its own error`,
    () => {
      const answers = { films: 0, errors: 0 };
      fc.assert(
        fc.property(malformedPage, (text) => {
          if (expectAnswered(text) instanceof FactPageError) answers.errors += 1;
          else answers.films += 1;
        }),
        { numRuns: RUNS, seed: SEED },
      );
      // Both ways out were taken, many times: the cases reach the reader, not only its first check.
      expect(Math.min(answers.films, answers.errors)).toBeGreaterThan(RUNS / 10);
    },
    TIMEOUT,
  );

  it('answers a 100 MB page at once: too large', () => {
    const answer = expectAnswered(`${seedLines.join('\n')}\n${'x'.repeat(100 * 1024 * 1024)}`);
    expect(answer).toBeInstanceOf(FactPageError);
    expect((answer as FactPageError).problem).toBe('too-large');
  });

  it('lists a line too long for any field by its number', () => {
    const lines = [...seedLines];
    lines.splice(3, 0, 'y'.repeat(200_000));
    const answer = expectAnswered(lines.join('\n'));
    expect((answer as FactPageResult).unplaced.map((line) => line.line)).toContain(4);
  });
});

let library: Library;
beforeAll(async () => {
  library = await openLibrary(':memory:');
});
afterAll(async () => {
  await library.close();
});

describe('importing malformed fact pages', () => {
  it(
    'answers each with a preview whose problems name their line, or an error naming the file',
    async () => {
      await fc.assert(
        fc.asyncProperty(malformedPage, async (text) => {
          try {
            const preview = await previewImport(library, { text, name: 'page.txt' });
            for (const film of preview.films) {
              for (const problem of [...film.problems, ...film.warnings]) {
                expect(problem.path).toMatch(/^(fact page|line \d+)/);
              }
            }
          } catch (error) {
            if (!(error instanceof LibraryFileError)) throw error;
            expect(error.message.startsWith('page.txt: ')).toBe(true);
          }
        }),
        { numRuns: Math.max(100, Math.round(RUNS / 4)), seed: SEED },
      );
      expect(library.count()).toBe(0);
    },
    TIMEOUT,
  );
});
