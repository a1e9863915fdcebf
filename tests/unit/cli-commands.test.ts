import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureBuiltCli, runCli } from '../support/built-cli';
import { libraryText } from '../support/library-files';
import { publishedSchemaValidator } from '../support/library-schema';
import { sampleFilmJson, samplePath, seedPagePath, tempFolder } from '../support/temp-library';

/** The built command line (out/cli/index.js through bin/filmfolio.js), in child processes, on temp libraries. */

beforeAll(() => ensureBuiltCli(), 180_000);

function setUp() {
  const folder = tempFolder();
  const library = join(folder, 'library.filmfolio.sqlite');
  const cli = (...args: string[]) => runCli(['--library', library, ...args]);
  return { folder, library, cli };
}

const withoutTimes = ({ id: _id, addedAt: _a, updatedAt: _u, ...film }: Record<string, unknown>) => film;

describe('filmfolio import', () => {
  it('imports a library file: the summary on stdout, exit 0', async () => {
    const { cli, library } = setUp();
    const run = await cli('import', samplePath);
    expect(run).toMatchObject({ status: 0, stderr: '' });
    expect(run.stdout).toBe(
      'Imported. 1 film: 1 new, 0 updated, 0 unchanged, 0 skipped, 0 kept both, 0 rejected\n',
    );
    expect(existsSync(library)).toBe(true);
  });

  it('imports the seed fact page; show --json then gives every fact of the page', async () => {
    const { cli } = setUp();
    expect((await cli('import', seedPagePath)).status).toBe(0);
    const show = await cli('show', 'The Work', '--json');
    expect(show.status).toBe(0);
    expect(withoutTimes(JSON.parse(show.stdout) as Record<string, unknown>)).toEqual(
      withoutTimes(sampleFilmJson()),
    );
  });

  it('--dry-run prints the preview and writes nothing (not even a new library file)', async () => {
    const { cli, library } = setUp();
    const run = await cli('import', samplePath, seedPagePath, '--dry-run');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('new        sample-library.json: films[0]  The Work (2017)');
    expect(run.stdout).toContain(
      'duplicate  000_5713b0b1e68f979c.txt: fact page  The Work (2017)  same title and year as films[0] of this import → skip',
    );
    expect(run.stdout).toContain(
      '2 films: 1 new, 0 updated, 0 unchanged, 1 skipped, 0 kept both, 0 rejected',
    );
    expect(existsSync(library)).toBe(false);
  });

  it('--json prints the preview and the result as JSON on stdout', async () => {
    const { cli } = setUp();
    await cli('import', samplePath);
    const run = await cli('import', samplePath, '--json', '--on-duplicate', 'replace');
    expect(run.status).toBe(0);
    const output = JSON.parse(run.stdout) as {
      preview: { counts: object; films: { status: string }[] };
      result: { counts: object };
    };
    expect(output.preview.films[0]?.status).toBe('unchanged');
    expect(output.result.counts).toMatchObject({ total: 1, unchanged: 1 });
  });

  it('rejects a file with an invalid film: the located problem on stderr, exit 1, nothing written', async () => {
    const { cli, folder } = setUp();
    await cli('import', samplePath);
    const bad = join(folder, 'bad.json');
    writeFileSync(
      bad,
      libraryText([
        { title: 'Good' },
        { title: 'Bad', boxOffice: { worldwide: { amount: '20,554', currency: 'USD' } } },
      ]),
    );
    const run = await cli('import', bad);
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(
      'films[1].boxOffice.worldwide.amount: expected a whole number, got "20,554"',
    );
    expect(run.stderr).toContain('Nothing was imported: 1 of 2 films were rejected.');
    const list = JSON.parse((await cli('list', '--json')).stdout) as { title: string }[];
    expect(list.map((film) => film.title)).toEqual(['The Work']);
    const others = await cli('import', bad, '--skip-rejected');
    expect(others.status).toBe(0);
    expect(others.stdout).toContain('1 new');
  });

  it('refuses a newer format version, exit 1, with the message on stderr', async () => {
    const { cli, folder } = setUp();
    const future = join(folder, 'future.json');
    writeFileSync(future, libraryText([], { version: 2 }));
    const run = await cli('import', future);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(
      'This file is version 2 of the Filmfolio library format; this version of Filmfolio reads version 1.',
    );
  });
});

describe('filmfolio export, list, show, sheet', () => {
  it('exports the whole library or a search, with or without posters', async () => {
    const { cli, folder } = setUp();
    const films = libraryText([
      {
        title: 'Stalker',
        year: 1979,
        directors: ['Andrei Tarkovsky'],
        poster: 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUg==',
      },
      { title: 'Alien', year: 1979, directors: ['Ridley Scott'] },
    ]);
    writeFileSync(join(folder, 'in.json'), films);
    await cli('import', join(folder, 'in.json'));
    const all = await cli('export', join(folder, 'all.json'));
    expect(all).toMatchObject({ status: 0, stderr: '' });
    expect(all.stdout).toMatch(/^Exported 2 films to .*all\.json \(\d+(\.\d)? KB\)\.\n$/);
    const file = JSON.parse(readFileSync(join(folder, 'all.json'), 'utf8')) as {
      films: { title: string; poster: string | null }[];
    };
    expect(file.films.map((film) => film.title)).toEqual(['Alien', 'Stalker']);
    expect(publishedSchemaValidator()(file)).toBe(true);
    await cli('export', join(folder, 'some.json'), '--search', 'tarkovsky', '--no-images');
    const some = JSON.parse(readFileSync(join(folder, 'some.json'), 'utf8')) as typeof file;
    expect(some.films.map((film) => [film.title, film.poster])).toEqual([['Stalker', null]]);
  });

  it('lists films as lines on stdout (the count on stderr), or as JSON', async () => {
    const { cli } = setUp();
    await cli('import', samplePath);
    const run = await cli('list');
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(
      '5713b0b1-e68f-479c-8000-000000000001  2017  The Work  — Jairus McLeary, Gethin Aldous\n',
    );
    expect(run.stderr).toBe('1 film\n');
  });

  it('shows a film by id, title or "Title (year)"; a missing or ambiguous film is exit 1', async () => {
    const { cli, folder } = setUp();
    writeFileSync(
      join(folder, 'two.json'),
      libraryText([
        { title: 'Solaris', year: 1972 },
        { title: 'Solaris', year: 2002 },
      ]),
    );
    await cli('import', join(folder, 'two.json'), samplePath);
    const byId = await cli('show', '5713b0b1-e68f-479c-8000-000000000001');
    expect(byId.stdout).toMatch(/^The Work \(2017\)\nId: 5713b0b1/);
    expect((await cli('show', 'solaris (2002)')).stdout).toMatch(/^Solaris \(2002\)\n/);
    const ambiguous = await cli('show', 'Solaris');
    expect(ambiguous.status).toBe(1);
    expect(ambiguous.stderr).toContain('2 films are titled “Solaris”; name one by id or as “Title (year)”');
    const missing = await cli('show', 'Nothing Like It');
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain('No film titled “Nothing Like It”');
  });

  it('writes a printable sheet as a standalone HTML file', async () => {
    const { cli, folder } = setUp();
    await cli('import', samplePath);
    const out = join(folder, 'the-work.html');
    const run = await cli('sheet', 'The Work', '--out', out);
    expect(run.status).toBe(0);
    const html = readFileSync(out, 'utf8');
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).toContain('Jairus McLeary');
  });

  it('uses the app’s default library without --library', async () => {
    const home = tempFolder();
    const run = await runCli(['import', samplePath], {
      env: { XDG_CONFIG_HOME: home, APPDATA: home, HOME: home },
    });
    expect(run.status).toBe(0);
    const expected =
      process.platform === 'linux' ? join(home, 'Filmfolio', 'library.filmfolio.sqlite') : null;
    if (expected) expect(existsSync(expected)).toBe(true);
  });
});

describe('wrong usage', () => {
  it('exits 2 with the problem and the usage on stderr, nothing on stdout', async () => {
    const { cli } = setUp();
    for (const args of [
      ['import'],
      ['frobnicate'],
      ['import', 'x.json', '--on-duplicate', 'overwrite'],
      [],
    ]) {
      const run = await cli(...args);
      expect(run.status, args.join(' ')).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr).toMatch(/^filmfolio: .+\n\nUsage:/);
    }
  });

  it('answers --help on stdout with exit 0, and a command on a missing library with exit 1', async () => {
    const { cli } = setUp();
    const help = await cli('--help');
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('Usage: filmfolio [--library FILE] <command> [options]');
    const list = await cli('list');
    expect(list.status).toBe(1);
    expect(list.stderr).toContain('there is no library at');
  });
});
