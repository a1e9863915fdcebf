import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  commitImport,
  ImportRefusedError,
  LibraryFileError,
  previewImport,
  summarizePreview,
} from '../../src/main/library/transfer';
import { readImportSource } from '../../src/main/library/transfer/read-source';
import { mayHoldUnsafeInput } from '../../src/main/library/transfer/unsafe-input';
import { libraryFingerprint, libraryText, writeFixture } from '../support/library-files';
import { repoRoot, sampleFilm, tempFolder, tempLibrary } from '../support/temp-library';

/**
 * One test per kind of malformed input: each checks the message a person reads and that the
 * library is exactly as before (a film is stored first, so "unchanged" is not "empty").
 */

async function libraryWithOneFilm() {
  const library = await tempLibrary();
  library.create({ title: 'Already Here', year: 1999 });
  return { library, before: libraryFingerprint(library) };
}

async function fileRefusal(content: string | Uint8Array, name = 'films.json') {
  const { library, before } = await libraryWithOneFilm();
  const path = writeFixture(tempFolder(), name, content);
  const error = await previewImport(library, { path }).then(
    () => null,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(LibraryFileError);
  expect(libraryFingerprint(library)).toBe(before);
  return { message: (error as Error).message, path };
}

/** Previews a file whose films are rejected, tries to write it, and returns the problems. */
async function rejectedFilms(content: string) {
  const { library, before } = await libraryWithOneFilm();
  const path = writeFixture(tempFolder(), 'films.json', content);
  const preview = await previewImport(library, { path });
  await expect(commitImport(library, preview)).rejects.toThrow(ImportRefusedError);
  expect(libraryFingerprint(library)).toBe(before);
  return summarizePreview(preview);
}

describe('reading a library file safely', () => {
  it('accepts a leading byte order mark', async () => {
    const library = await tempLibrary();
    const path = writeFixture(tempFolder(), 'bom.json', `\uFEFF${libraryText([{ title: 'With a BOM' }])}`);
    const preview = await previewImport(library, { path });
    expect(summarizePreview(preview).counts).toMatchObject({ total: 1, new: 1, rejected: 0 });
    const { filmIds } = await commitImport(library, preview);
    expect(filmIds.map((id) => library.get(id)?.title)).toEqual(['With a BOM']);
  });

  it('refuses invalid UTF-8 and names the byte offset and line, never replacing the byte', async () => {
    const text = Buffer.from(libraryText([{ title: 'Caf_' }]));
    const offset = text.indexOf('_');
    text[offset] = 0xe9; // Latin-1 "é": not UTF-8
    const { message } = await fileRefusal(text);
    expect(message).toContain(`is not valid UTF-8: byte ${offset} (0xE9, line 6, column`);
    expect(message).toContain('Save the file as UTF-8');
  });

  it('refuses a UTF-8-encoded surrogate (which a lenient decoder would turn into U+FFFD)', async () => {
    const text = Buffer.concat([
      Buffer.from('{"format": "filmfolio-library", "version": 1, "films": [{"title": "'),
      Buffer.from([0xed, 0xa0, 0x80]),
      Buffer.from('"}]}'),
    ]);
    const { message } = await fileRefusal(text);
    expect(message).toContain('is not valid UTF-8: byte 67 (0xED, line 1, column 68)');
  });

  it('rejects __proto__, constructor and prototype fields, and nothing gets a new prototype', async () => {
    const text = libraryText([]).replace(
      '"films": []',
      '"films": [{"title": "Polluter", "__proto__": {"polluted": true}, "externalIds": {"constructor": "x"}, "cast": [{"person": "A", "prototype": {}}]}]',
    );
    const preview = await rejectedFilms(text);
    expect(preview.films[0]?.problems.map((p) => p.path)).toEqual([
      'films[0].__proto__',
      'films[0].externalIds.constructor',
      'films[0].cast[0].prototype',
    ]);
    expect(preview.films[0]?.problems[0]?.message).toContain('a field named "__proto__" is not allowed');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  it('rejects a forbidden field name spelled with \\u escapes, which the text screen must not miss', async () => {
    // The reader only walks a film whose text could hold a forbidden name; escapes count as such.
    const text = libraryText([]).replace(
      '"films": []',
      '"films": [{"title": "Sneaky", "cast": [{"person": "A", "\\u0063onstructor": {}}]}, {"title": "Plain"}]',
    );
    const preview = await rejectedFilms(text);
    expect(preview.films.map((film) => film.problems.map((p) => p.path))).toEqual([
      ['films[0].cast[0].constructor'],
      [],
    ]);
    expect(preview.films[0]?.problems[0]?.message).toContain('a field named "constructor" is not allowed');
  });

  it('screens a film for the walk by each forbidden name, spelled out or escaped, and by any \\u escape', () => {
    for (const text of [
      '{"__proto__": 1}',
      '{"a": {"prototype": 1}}',
      '{"constructor": 1}',
      '{"\\u0063onstructor": 1}',
    ])
      expect(mayHoldUnsafeInput(text), text).toBe(true);
    expect(mayHoldUnsafeInput('{"title": "Plain", "cast": [{"person": "Éva Łódź"}]}')).toBe(false);
  });

  it('refuses nesting deeper than 64 levels with a clear error, without overflowing the stack', async () => {
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    const { message } = await fileRefusal(libraryText([]).replace('"films": []', `"films": [${deep}]`));
    expect(message).toMatch(
      /lists and objects nest deeper than 64 levels; a library file nests about 6 \(line 4, column 75\)$/,
    );
  });

  it('refuses a single text value over 20 MB and says how large it was', async () => {
    const huge = 'x'.repeat(21 * 1024 * 1024);
    const { message } = await fileRefusal(libraryText([{ title: 'Big', notes: huge }]));
    expect(message).toContain(
      'a text value of 21.0 MB is larger than the 20.0 MB allowed (the size of the largest poster)',
    );
    expect(message).toMatch(/\(line 7, column 16\)$/);
  });

  it('refuses a newer format version and says which version this app reads', async () => {
    const { message, path } = await fileRefusal(libraryText([{ title: 'From the future' }], { version: 2 }));
    expect(message).toBe(
      `${path}: This file is version 2 of the Filmfolio library format; this version of Filmfolio reads version 1. Update Filmfolio to import it.`,
    );
  });

  it('refuses a file of another format', async () => {
    const { message } = await fileRefusal(libraryText([], { format: 'letterboxd-export' }));
    expect(message).toContain('is a "letterboxd-export" file, not a Filmfolio library');
    const list = await fileRefusal(JSON.stringify([{ title: 'Bare list' }]));
    expect(list.message).toContain('is a JSON list, not a Filmfolio library');
  });

  it('locates every wrong type, all at once, in plain sentences', async () => {
    const film = sampleFilm();
    const films = [
      ...Array.from({ length: 12 }, (_, i) => ({ title: `Film ${i}` })),
      {
        ...film,
        id: undefined,
        year: 'twenty seventeen',
        boxOffice: { budget: null, domestic: null, worldwide: { amount: '20,554', currency: 'USD' } },
        cast: [{ person: '' }],
      },
    ];
    const preview = await rejectedFilms(libraryText(films));
    expect(preview.counts).toMatchObject({ total: 13, new: 12, rejected: 1 });
    const lines = preview.films[12]?.problems.map((p) => `${p.path}: ${p.message}`);
    expect(lines).toContain('films[12].boxOffice.worldwide.amount: expected a whole number, got "20,554"');
    expect(lines).toContain('films[12].year: expected a whole year, got "twenty seventeen"');
    expect(lines).toContain('films[12].cast[0].person: must not be empty, got ""');
    expect(lines).toHaveLength(3);
  });

  it('lists unknown fields as warnings, leaves them out, and imports the rest of the record', async () => {
    const library = await tempLibrary();
    const path = writeFixture(
      tempFolder(),
      'extra.json',
      libraryText([{ title: 'Extra', mood: 'sunny', cast: [{ person: 'A', shoeSize: 42 }] }], {
        producer: 'other app',
      }),
    );
    const preview = await previewImport(library, { path });
    const summary = summarizePreview(preview);
    expect(summary.counts).toMatchObject({ new: 1, rejected: 0 });
    expect(summary.films[0]?.warnings).toEqual([
      { path: 'films[0].cast[0].shoeSize', message: 'unknown field, left out' },
      { path: 'films[0].mood', message: 'unknown field, left out' },
    ]);
    expect(summary.warnings).toEqual([{ path: `${path}: producer`, message: 'unknown field, left out' }]);
    const [id] = (await commitImport(library, preview)).filmIds;
    expect(library.get(id as string)?.cast).toEqual([{ person: 'A', character: null, description: null }]);
  });

  it('reports broken JSON inside a film with its place, and broken JSON outside films as the file', async () => {
    const inFilm = await rejectedFilms(
      libraryText([{ title: 'Good' }, { title: 'Bad' }]).replace('"Bad"', '"Bad",'),
    );
    expect(inFilm.films[1]?.problems[0]).toMatchObject({ path: 'films[1]' });
    expect(inFilm.films[1]?.problems[0]?.message).toBe(
      'is not valid JSON: Expected double-quoted property name (line 10, column 5)',
    );
    const outside = await fileRefusal(`${libraryText([{ title: 'Good' }])} trailing`);
    expect(outside.message).toMatch(
      /is not valid JSON: Unexpected non-whitespace character after JSON \(line 9, column 3\)$/,
    );
    const cut = await fileRefusal(libraryText([{ title: 'Cut short' }]).slice(0, -10));
    expect(cut.message).toContain('the file ends inside a list or object: it is cut short or damaged');
  });

  it('refuses an empty file, a binary file and text that is neither a library nor a fact page', async () => {
    expect((await fileRefusal('  \n')).message).toContain('is empty');
    expect(
      (await fileRefusal(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13]), 'poster.png')).message,
    ).toContain('looks like a binary file');
    expect((await fileRefusal('Dear diary, today I watched a film.', 'notes.txt')).message).toContain(
      'is neither a Filmfolio library',
    );
    expect((await fileRefusal('x'.repeat(6 * 1024 * 1024), 'big.txt')).message).toContain(
      '6.0 MB of text, not a library',
    );
  });

  it('rejects a text with a lone UTF-16 surrogate escape, which SQLite would silently change', async () => {
    const preview = await rejectedFilms(
      libraryText([{ title: 'Broken' }]).replace('Broken', 'Broken \\ud800'),
    );
    expect(preview.films[0]?.problems).toEqual([
      {
        path: 'films[0].title',
        message:
          'contains a broken character (a lone UTF-16 surrogate, \\ud800) that cannot be stored; remove it',
      },
    ]);
  });

  it('previews the fixture with a rejected film the way the import view shows it', async () => {
    const library = await tempLibrary();
    const path = join(repoRoot, 'tests/fixtures/libraries/with-rejected-film.json');
    const summary = summarizePreview(await previewImport(library, { path }));
    expect(summary.counts).toMatchObject({ total: 3, new: 2, rejected: 1 });
    expect(summary.films[2]?.problems).toEqual([
      { path: 'films[2].boxOffice.worldwide.amount', message: 'expected a whole number, got "20,554"' },
    ]);
  });

  it('places problems by line and column far into a file read through its 4 MB window', async () => {
    // Films of about 95 KB each: the invalid byte and the broken films lie windows after the first.
    const films = Array.from({ length: 100 }, (_, i) => ({ title: `Film ${i}`, notes: 'n'.repeat(95_000) }));
    const text = libraryText(films);
    // The text is ASCII: a character is a byte.
    const placeOf = (source: string, at: number) => {
      const before = source.slice(0, at).split('\n');
      return `line ${before.length}, column ${(before.at(-1) as string).length + 1}`;
    };

    const bytes = Buffer.from(text);
    const offset = bytes.indexOf('Film 95');
    bytes[offset] = 0xff;
    const { message } = await fileRefusal(bytes);
    expect(offset).toBeGreaterThan(2 * 4 * 1024 * 1024);
    expect(message).toContain(`is not valid UTF-8: byte ${offset} (0xFF, ${placeOf(text, offset)})`);

    // Two broken films far apart: each problem says its own place, found in one pass after the last film.
    const broken = text.replace('"Film 50",', '"Film 50",,').replace('"Film 90",', '"Film 90",,');
    const preview = await rejectedFilms(broken);
    const secondComma = (title: string) => broken.indexOf(`"${title}",,`) + title.length + 3;
    expect(preview.films.map((film) => film.problems.map((problem) => problem.message))).toEqual(
      films.map(({ title }) =>
        title === 'Film 50' || title === 'Film 90'
          ? [
              `is not valid JSON: Expected double-quoted property name (${placeOf(broken, secondComma(title))})`,
            ]
          : [],
      ),
    );
  });

  it('refuses a file that changes between reading its outline and reading its films', async () => {
    const path = writeFixture(
      tempFolder(),
      'films.json',
      libraryText([{ title: 'First' }, { title: 'Second' }]),
    );
    const source = await readImportSource({ path });
    expect(source.filmCount).toBe(2);
    appendFileSync(path, '\n');
    const films = source.films();
    await expect(films.next()).rejects.toThrow(
      `${path}: changed while it was being read; import it again once it is saved`,
    );
  });

  it('refuses a file that does not exist or is a folder, by name', async () => {
    const library = await tempLibrary();
    const folder = tempFolder();
    await expect(previewImport(library, { path: `${folder}/missing.json` })).rejects.toThrow(
      `${folder}/missing.json: there is no such file`,
    );
    await expect(previewImport(library, { path: folder })).rejects.toThrow(
      `${folder}: is a folder, not a file`,
    );
  });
});
