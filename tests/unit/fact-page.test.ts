import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { completeFilm } from '../../src/shared/film';
import { filmInputSchema, type Film, type ParsedFilm } from '../../src/shared/film-schema';
import {
  FactPageError,
  looksLikeFactPage,
  parseFactPage,
  type FactPageResult,
} from '../../src/shared/fact-page';

const SEED = readFileSync(path.resolve(__dirname, '../../../shared/seed/000_5713b0b1e68f979c.txt'), 'utf8');
const SAMPLE_LIBRARY = JSON.parse(
  readFileSync(path.resolve(__dirname, '../../resources/sample-library.json'), 'utf8'),
) as { films: Film[] };
const SAMPLE = SAMPLE_LIBRARY.films[0] as Film;

/** The parsed film with the sample's id and timestamps, completed as the library would. */
function completed(film: ParsedFilm): Film {
  return completeFilm({ ...film, id: SAMPLE.id, addedAt: SAMPLE.addedAt, updatedAt: SAMPLE.updatedAt });
}

function parsedSeed(text: string): Film {
  const result = parseFactPage(text);
  expect(result.unplaced).toEqual([]);
  expect(result.warnings).toEqual([]);
  return completed(result.film);
}

/** The page cut at its emoji headings: [heading line + its lines]. */
function seedSections(text = SEED): string[][] {
  const sections: string[][] = [];
  for (const line of text.split('\n')) {
    if (/^\p{Extended_Pictographic}/u.test(line) || sections.length === 0) sections.push([line]);
    else sections.at(-1)?.push(line);
  }
  return sections;
}

const joinSections = (sections: string[][]): string => sections.map((lines) => lines.join('\n')).join('\n');

function replaceLine(text: string, from: string, to: string): string {
  expect(text).toContain(from);
  return text.replace(from, to);
}

function expectFilmApartFrom(film: Film, changed: Partial<Film>): void {
  expect(film).toEqual({ ...SAMPLE, ...changed });
}

const FIELD_GROUPS: [string, (keyof Film)[]][] = [
  ['identity', ['title', 'originalTitle', 'sortTitle', 'year', 'runtimeMinutes', 'genres', 'directors']],
  ['trailer and ratings', ['trailer', 'ratings', 'externalIds']],
  ['story', ['quip', 'synopsis', 'spoilers']],
  ['people and words', ['cast', 'crew', 'quotes']],
  ['money', ['boxOffice']],
  ['reception', ['personalReview', 'criticReviews', 'audienceReactions', 'consensus', 'awards']],
  ['around the film', ['trivia', 'whereToWatch', 'similar', 'products', 'soundtrack', 'faq', 'bonus']],
  ['collector fields stay empty', ['userRating', 'watched', 'copies', 'loans', 'tags', 'notes', 'poster']],
];

describe('parseFactPage on the seed page', () => {
  const result: FactPageResult = parseFactPage(SEED);
  const film = completed(result.film);

  it.each(FIELD_GROUPS)('reads the %s fields as the sample library holds them', (_group, keys) => {
    for (const key of keys) expect(film[key], key).toEqual(SAMPLE[key]);
  });

  it('places every line and warns of nothing', () => {
    expect(result.unplaced).toEqual([]);
    expect(result.warnings).toEqual([]);
  });

  it('leaves id, sort title and timestamps to the library', () => {
    expect(result.film.id).toBeUndefined();
    expect(result.film.sortTitle).toBeNull();
    expect(result.film.addedAt).toBeUndefined();
  });

  it('completes to exactly the sample record, key order included', () => {
    expect(JSON.stringify(film)).toBe(JSON.stringify(SAMPLE));
  });
});

describe('parseFactPage on variants of the seed', () => {
  it('reads the sections in any order', () => {
    const sections = seedSections();
    expect(sections).toHaveLength(16);
    expect(parsedSeed(joinSections([...sections].reverse()))).toEqual(SAMPLE);
  });

  it('reads the review parts in any order', () => {
    const award = '- SXSW Film Festival (Grand Jury Prize, Documentary Feature Competition)- 2017';
    let text = replaceLine(SEED, `Awards\n${award}\n`, '');
    text = replaceLine(text, '💥 The Work Reviews\n', `💥 The Work Reviews\nAwards\n${award}\n`);
    expect(parsedSeed(text)).toEqual(SAMPLE);
  });

  it('reads headings without their emoji', () => {
    const plain = SEED.replace(/[\p{Extended_Pictographic}\uFE0F]+ ?/gu, '');
    expect(plain).toContain('\nSpoilers and Ending Explained\n');
    expect(parsedSeed(plain)).toEqual(SAMPLE);
  });

  it('reads a filled Spoilers section, two paragraphs as two sections', () => {
    const first = 'By the last day, the men who came in as observers have broken down as hard as any inmate.';
    const second =
      'The film closes on the circle breaking up, with no one quite the same as when they arrived.';
    const text = replaceLine(
      SEED,
      '⚠️ Spoilers and Ending Explained\n',
      `⚠️ Spoilers and Ending Explained\n${first}\n\n${second}\n`,
    );
    expectFilmApartFrom(parsedSeed(text), {
      spoilers: [
        { heading: null, body: first },
        { heading: null, body: second },
      ],
    });
  });

  it('reads headed spoiler parts, and leaves the synopsis alone', () => {
    const text = replaceLine(
      SEED,
      '⚠️ Spoilers and Ending Explained\n',
      '⚠️ Spoilers and Ending Explained\nThe Final Circle\nEveryone stays until the end.\nThe Last Word\nRob speaks last.\n',
    );
    expectFilmApartFrom(parsedSeed(text), {
      spoilers: [
        { heading: 'The Final Circle', body: 'Everyone stays until the end.' },
        { heading: 'The Last Word', body: 'Rob speaks last.' },
      ],
    });
  });

  it('reads a budget of "$1.5 million" as 1500000 USD', () => {
    const text = replaceLine(SEED, '- Budget: Unknown', '- Budget: $1.5 million');
    expectFilmApartFrom(parsedSeed(text), {
      boxOffice: { ...SAMPLE.boxOffice, budget: { amount: 1_500_000, currency: 'USD' } },
    });
  });

  it('reads a runtime of "89 min"', () => {
    const text = replaceLine(SEED, '- Runtime (length): 1h 29min', '- Runtime (length): 89 min');
    expect(parsedSeed(text)).toEqual(SAMPLE);
  });

  it('reads labelled lines without their "- "', () => {
    const text = SEED.replace(
      /^- (Director|Genre|Release year|Runtime|IMDb|Rotten|Budget|Domestic|Worldwide)/gm,
      '$1',
    );
    expect(text).toContain('\nBudget: Unknown\n');
    expect(parsedSeed(text)).toEqual(SAMPLE);
  });

  it('leaves a missing section empty and the rest intact', () => {
    const sections = seedSections().filter(([heading]) => !heading?.includes('Memorable Quotes'));
    expectFilmApartFrom(parsedSeed(joinSections(sections)), { quotes: [] });
  });

  it('leaves the fields of a heading with no lines empty', () => {
    const sections = seedSections().map((lines) =>
      lines[0]?.includes('Cast & Characters') ? [lines[0]] : lines,
    );
    expectFilmApartFrom(parsedSeed(joinSections(sections)), { cast: [] });
  });

  it('reads Windows line endings', () => {
    expect(parsedSeed(SEED.replaceAll('\n', '\r\n'))).toEqual(SAMPLE);
  });

  it('reports trailing junk lines as unplaced, with their line numbers', () => {
    const lastLine = SEED.split('\n').length;
    const result = parseFactPage(`${SEED}\nLorem ipsum dolor\n\nsit amet, 12345`);
    expect(result.unplaced).toEqual([
      { line: lastLine + 1, text: 'Lorem ipsum dolor' },
      { line: lastLine + 3, text: 'sit amet, 12345' },
    ]);
    expect(completed(result.film)).toEqual(SAMPLE);
  });

  it('reports a line that fits no field, and a value it cannot read, by line number', () => {
    let text = replaceLine(SEED, '- Runtime (length): 1h 29min', '- Runtime (length): forever');
    text = replaceLine(
      text,
      '- Genre: Documentary, Biography',
      '- Genre: Documentary, Biography\n- Aspect ratio: 1.85:1',
    );
    const result = parseFactPage(text);
    expect(result.unplaced).toEqual([
      { line: 5, text: '- Aspect ratio: 1.85:1' },
      { line: 7, text: '- Runtime (length): forever' },
    ]);
    expect(result.warnings).toEqual([
      expect.stringMatching(/^line 7: Runtime \(length\): “forever” is not a running time/),
    ]);
    expect(result.film.runtimeMinutes).toBeNull();
  });

  it('reports every line of a section it does not know', () => {
    const text = `${SEED}\n🎲 Fun Facts\nIt was shot in four days.`;
    const result = parseFactPage(text);
    const lastLine = SEED.split('\n').length;
    expect(result.unplaced).toEqual([
      { line: lastLine + 1, text: '🎲 Fun Facts' },
      { line: lastLine + 2, text: 'It was shot in four days.' },
    ]);
    expect(result.warnings).toHaveLength(1);
  });

  it('takes the title from "If you enjoyed …" when no heading names it', () => {
    const text = [
      'Quick Overview',
      '- Director: Jane Doe',
      'Similar Movies',
      'If you enjoyed Night Shift, you might like these similar films:',
      '- Day Shift (1999): Its mirror image.',
    ].join('\n');
    const result = parseFactPage(text);
    expect(result.film.title).toBe('Night Shift');
    expect(result.film.similar).toEqual([
      { title: 'Day Shift', year: 1999, reason: 'Its mirror image.', filmId: null },
    ]);
    expect(result.film.directors).toEqual(['Jane Doe']);
    expect(result.unplaced).toEqual([]);
  });
});

describe('parseFactPage on long, hostile lines', () => {
  const LONG = 90_000;
  const hostile = [
    '('.repeat(LONG),
    `“x” – ${' '.repeat(LONG)}x`,
    `a${' ('.repeat(LONG / 2)}`,
    `Name${' '.repeat(LONG)}(Character)`,
    `- Budget: 1${' '.repeat(LONG)}x`,
  ];
  const sections = [
    'Quick Overview',
    'Awards',
    'Cast & Characters',
    'Memorable Quotes',
    'Similar Movies',
    'Soundtrack',
  ];

  it.each(sections)('reads them under %s in linear time (no regex backtracking blow-up)', (heading) => {
    const text = [heading, ...hostile, 'How to Watch Night Shift?'].join('\n');
    const started = performance.now();
    try {
      parseFactPage(text);
    } catch (error) {
      // Several 90,000-character notes together outgrow a field: a clear refusal is fine here.
      expect(error).toBeInstanceOf(FactPageError);
    }
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it('reports a line longer than any field holds, in line order with the rest', () => {
    const result = parseFactPage(`${'x'.repeat(100_001)}\nJunk line\n${SEED}`);
    expect(result.unplaced.map((line) => line.line)).toEqual([1, 2]);
    expect(result.warnings[0]).toBe(
      "line 1: the line is 100001 characters long; a film's texts hold at most 100000",
    );
    expect(completed(result.film)).toEqual(SAMPLE);
  });
});

describe('parseFactPage on a loosely written page (fixture night-shift.txt)', () => {
  const text = readFileSync(path.resolve(__dirname, '../fixtures/fact-pages/night-shift.txt'), 'utf8');
  const result = parseFactPage(text);

  it('reads every field it can, in whatever form the page gives it', () => {
    const expected = filmInputSchema.parse({
      title: 'Night Shift',
      year: 1999,
      runtimeMinutes: 105,
      genres: ['Drama', 'Mystery'],
      directors: ['Ana Ruiz', 'Tom Berg'],
      ratings: [
        { source: 'IMDb', value: 6.9, scale: 10, votes: 12345 },
        { source: 'Metacritic', value: 71, scale: 100 },
      ],
      synopsis: [
        { body: 'A night porter at a seaside hotel keeps a ledger of every guest who never checks out.' },
      ],
      spoilers: [{ heading: 'The Ledger', body: 'The last name in the ledger is his own.' }],
      crew: [{ person: 'Ana Ruiz', job: 'Composer' }],
      quotes: [
        { speaker: 'Porter', text: 'Nobody leaves before breakfast.', context: 'said to every guest' },
        { text: 'Lights out.' },
      ],
      boxOffice: {
        budget: { amount: 1_200_000, currency: 'USD' },
        worldwide: { amount: 3_400_000, currency: 'EUR' },
      },
      consensus: 'Slow, strange and worth it.',
      awards: [
        { event: 'San Sebastián Film Festival', category: 'Golden Shell', year: 1999, result: 'nominated' },
      ],
      whereToWatch: {
        note: 'It also turns up on Kanopy now and then.',
        providers: [
          { name: 'Netflix', kind: 'stream', url: 'https://www.netflix.com/title/123' },
          { name: 'MUBI' },
          { name: 'Kanopy' },
        ],
      },
      soundtrack: { tracks: [{ title: 'Ledger Waltz', performer: 'Ana Ruiz (Director/Composer)' }] },
      faq: [
        { question: 'Is the hotel real?', answer: 'It is a set built in a warehouse.' },
        { question: 'Why does he never sleep?', answer: 'The film never says.' },
      ],
      bonus: [
        {
          title: 'Making the Ledger',
          description: 'A short film about the props.',
          url: 'https://example.com/ledger',
        },
      ],
    });
    expect(result.film).toEqual(expected);
  });

  it('reports the lines it could not place', () => {
    expect(result.unplaced).toEqual([
      { line: 11, text: 'Language: Spanish' },
      { line: 32, text: '- Some liner notes nobody can place' },
      { line: 38, text: 'Does it have a sequel?' },
    ]);
    expect(result.warnings).toEqual([
      expect.stringMatching(/^line 32: not a track line/),
      'line 38: a question without an answer',
    ]);
  });
});

describe('parseFactPage on text that is no fact page', () => {
  function problemOf(text: string): FactPageError {
    try {
      parseFactPage(text);
    } catch (error) {
      if (error instanceof FactPageError) return error;
      throw error;
    }
    throw new Error('expected a FactPageError');
  }

  it.each(['', '   \n\r\n  ', '\uFEFF'])('refuses an empty file (%j)', (text) => {
    const error = problemOf(text);
    expect(error.problem).toBe('empty');
    expect(error.message).toBe('fact page is empty: the file holds no text');
  });

  it('refuses a binary file with NUL bytes', () => {
    const error = problemOf('PK\u0003\u0004\u0000\u0000binary zip');
    expect(error.problem).toBe('binary');
    expect(error.message).toContain('binary file (it contains NUL bytes)');
  });

  it('refuses text that is mostly control characters', () => {
    const error = problemOf('\u0001\u0002\u0003\u0004 abc \u0005\u0006\uFFFD\uFFFD');
    expect(error.problem).toBe('binary');
    expect(error.message).toMatch(/binary file \(\d+% of its characters/);
  });

  it('refuses a 50 MB page, saying how large it is', () => {
    const error = problemOf('x'.repeat(50 * 1024 * 1024));
    expect(error.problem).toBe('too-large');
    expect(error.message).toBe('fact page is 50.0 MB; the largest accepted is 5.0 MB');
  });

  it('refuses a page that names no film', () => {
    const error = problemOf('- Director: Jane Doe\n- Genre: Drama\n- Release year: 2001');
    expect(error.problem).toBe('no-title');
    expect(error.message).toMatch(/^no film title found/);
  });
});

describe('looksLikeFactPage', () => {
  it('knows the seed page, with and without emoji', () => {
    expect(looksLikeFactPage(SEED)).toBe(true);
    expect(looksLikeFactPage(SEED.replace(/[\p{Extended_Pictographic}\uFE0F]/gu, ''))).toBe(true);
  });

  it('knows a page of overview lines only', () => {
    expect(looksLikeFactPage('- Director: Jane Doe\n- Runtime (length): 1h 29min')).toBe(true);
  });

  it.each([
    ['a library file', JSON.stringify(SAMPLE_LIBRARY)],
    ['a library file holding fact-page words', '{\n"title": "Quick Overview"\n}\nFAQ\nSoundtrack'],
    ['prose', 'Dear Ann,\nThe film was long: too long.\nSee you soon.'],
    ['one heading only', 'FAQ\nWhat is it?'],
    ['nothing', ''],
  ])('refuses %s', (_name, text) => {
    expect(looksLikeFactPage(text)).toBe(false);
  });
});
