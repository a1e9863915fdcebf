import { describe, expect, it } from 'vitest';
import { parseArgs, UsageError } from '../../src/cli/args';

const usageError = (argv: string[]) => {
  try {
    parseArgs(argv);
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError);
    return (error as Error).message;
  }
  throw new Error(`${argv.join(' ')} was accepted`);
};

describe('the command line parser', () => {
  it('reads import with every option, and --library before or after the command', () => {
    expect(
      parseArgs([
        '--library',
        'lib.sqlite',
        'import',
        'a.json',
        'b.txt',
        '--dry-run',
        '--on-duplicate',
        'merge',
        '--json',
      ]),
    ).toEqual({
      library: 'lib.sqlite',
      command: {
        name: 'import',
        files: ['a.json', 'b.txt'],
        dryRun: true,
        onDuplicate: 'merge',
        json: true,
        skipRejected: false,
        progress: false,
      },
    });
    expect(
      parseArgs(['import', 'a.json', '--library=other.sqlite', '--on-duplicate=keep-both']),
    ).toMatchObject({
      library: 'other.sqlite',
      command: { files: ['a.json'], onDuplicate: 'keep-both', dryRun: false },
    });
  });

  it('defaults: skip duplicates, images on, sort by title, the default library', () => {
    expect(parseArgs(['import', 'a.json']).command).toMatchObject({ onDuplicate: 'skip' });
    expect(parseArgs(['export', 'out.json'])).toEqual({
      library: null,
      command: { name: 'export', file: 'out.json', search: null, images: true, progress: false },
    });
    expect(parseArgs(['list']).command).toEqual({
      name: 'list',
      search: null,
      sort: 'title',
      descending: false,
      json: false,
    });
  });

  it('reads export, list, show and sheet', () => {
    expect(parseArgs(['export', 'out.json', '--search', 'tarkovsky', '--no-images']).command).toMatchObject({
      search: 'tarkovsky',
      images: false,
    });
    expect(
      parseArgs(['list', '--search', 'work', '--sort', 'year', '--descending', '--json']).command,
    ).toEqual({
      name: 'list',
      search: 'work',
      sort: 'year',
      descending: true,
      json: true,
    });
    expect(parseArgs(['show', 'The Work', '--json']).command).toEqual({
      name: 'show',
      film: 'The Work',
      json: true,
    });
    expect(
      parseArgs(['sheet', 'The Work', 'Stalker', '--out', 'films.html', '--paper', 'Letter']).command,
    ).toEqual({
      name: 'sheet',
      films: ['The Work', 'Stalker'],
      out: 'films.html',
      paper: 'Letter',
      locale: 'en-US',
    });
  });

  it('takes everything after -- as a file name, even names starting with a dash', () => {
    expect(parseArgs(['import', '--', '--odd-name.json']).command).toMatchObject({
      files: ['--odd-name.json'],
    });
  });

  it('answers help and version', () => {
    expect(parseArgs(['--help']).command).toEqual({ name: 'help', topic: null });
    expect(parseArgs(['import', '--help']).command).toEqual({ name: 'help', topic: 'import' });
    expect(parseArgs(['help', 'export']).command).toEqual({ name: 'help', topic: 'export' });
    expect(parseArgs(['--version']).command).toEqual({ name: 'version' });
  });

  it('says what is wrong with wrong usage', () => {
    expect(usageError([])).toBe('say which command to run');
    expect(usageError(['frobnicate'])).toBe(
      'unknown command "frobnicate"; the commands are import, export, list, show, sheet, check, backup, restore',
    );
    expect(usageError(['import'])).toBe('import needs at least one FILE');
    expect(usageError(['import', 'a.json', '--on-duplicate', 'overwrite'])).toBe(
      '--on-duplicate must be one of skip, replace, merge, keep-both (not "overwrite")',
    );
    expect(usageError(['import', 'a.json', '--on-duplicate'])).toBe('--on-duplicate needs a value');
    expect(usageError(['list', '--sort', 'colour'])).toContain(
      '--sort must be one of relevance, title, year',
    );
    expect(usageError(['export', 'a.json', '--json'])).toBe('the export command has no option --json');
    expect(usageError(['export'])).toBe('export needs one FILE');
    expect(usageError(['export', 'a.json', 'b.json'])).toBe('export takes one FILE, not also "b.json"');
    expect(usageError(['show', 'x', '--json=yes'])).toBe('--json takes no value');
    expect(usageError(['sheet', 'The Work'])).toBe('sheet needs --out FILE.html');
    expect(usageError(['--library'])).toBe('--library needs a value');
    expect(usageError(['-x', 'list'])).toBe('unknown option -x');
  });
});
