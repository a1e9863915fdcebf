import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseArgs, UsageError } from '../../src/cli/args';
import type { CliIo } from '../../src/cli/io';
import { runCli } from '../../src/cli/run-cli';
import { openLibrary } from '../../src/main/library';
import { backupLibrary, listBackups } from '../../src/main/library/backup';
import type { LibraryCheck } from '../../src/main/library/health';
import { sampleFilm, tempFolder } from '../support/temp-library';

/** `filmfolio check`, `backup` and `restore` on sound libraries (damaged ones: hardening-corruption). */

function capture(): CliIo & { out: (t: string) => void; stdout: () => string; stderr: () => string } {
  let stdout = '';
  let stderr = '';
  return {
    out: (text) => void (stdout += text),
    err: (text) => void (stderr += text),
    errIsTerminal: false,
    stdout: () => stdout,
    stderr: () => stderr,
  };
}

/** The app's settings folder, with a "backups kept" setting when given. */
function environment(backupsKept?: number) {
  const config = tempFolder();
  if (backupsKept !== undefined) {
    mkdirSync(join(config, 'Filmfolio'), { recursive: true });
    writeFileSync(join(config, 'Filmfolio', 'settings.json'), JSON.stringify({ settings: { backupsKept } }));
  }
  return { FILMFOLIO_LIBRARY: '', XDG_CONFIG_HOME: config, APPDATA: config };
}

async function soundLibrary(): Promise<string> {
  const path = join(tempFolder(), 'Films.filmfolio.sqlite');
  const library = await openLibrary(path);
  library.create(sampleFilm());
  const trashed = library.create({ title: 'In The Trash', year: 1990 });
  library.trash([trashed.id]);
  await library.close();
  return path;
}

describe('the command line reads check, backup and restore', () => {
  it.each([
    [['check'], { name: 'check', full: false, json: false }],
    [['check', '--full', '--json'], { name: 'check', full: true, json: true }],
    [['backup'], { name: 'backup', list: false, json: false }],
    [['backup', '--list'], { name: 'backup', list: true, json: false }],
    [['restore', 'x.sqlite'], { name: 'restore', file: 'x.sqlite' }],
  ])('%j', (argv, command) => {
    expect(parseArgs(argv).command).toEqual(command);
  });

  it.each([[['restore']], [['restore', 'a', 'b']], [['check', 'file']], [['backup', '--full']]])(
    'refuses %j as wrong usage',
    (argv) => {
      expect(() => parseArgs(argv)).toThrow(UsageError);
    },
  );
});

describe('filmfolio check', () => {
  it('prints each check and the verdict; exit 0 for a sound library', async () => {
    const path = await soundLibrary();
    const io = capture();
    expect(await runCli(['--library', path, 'check'], io, environment())).toBe(0);
    const lines = io.stdout().split('\n');
    expect(lines[0]).toMatch(new RegExp(`^Library   ${path} \\(\\d+ KB\\)$`));
    expect(lines).toContain("ok        SQLite's quick_check: no damage found");
    expect(lines).toContain('ok        a Filmfolio library: 2 films (1 in the trash)');
    expect(lines).toContain(`note      no backups yet in ${path}.backups (filmfolio backup takes one now)`);
    expect(lines).toContain('The library is sound.');
  });

  it('--full runs integrity_check; names the newest good backup; warns about a synced folder', async () => {
    const home = tempFolder();
    const path = join(home, 'Dropbox', 'Films.filmfolio.sqlite');
    const library = await openLibrary(path);
    library.create(sampleFilm());
    await backupLibrary(library.sqlite, path, 'daily', new Date('2026-11-01T10:00:00.000Z'));
    await library.close();
    const io = capture();
    expect(await runCli(['--library', path, 'check', '--full'], io, environment())).toBe(0);
    expect(io.stdout()).toContain("ok        SQLite's integrity_check: no damage found");
    expect(io.stdout()).toMatch(
      /ok {8}1 backup in .+; the newest good one is from .+ \(daily, \d+ KB\): 2026-11-01T10-00-00-000Z-daily\.sqlite/,
    );
    expect(io.stdout()).toContain(`WARNING   This library is inside Dropbox (${join(home, 'Dropbox')})`);
  });

  it('exit 1 for no library, or a file that is not one; --json gives the whole check', async () => {
    const folder = tempFolder();
    const missing = capture();
    expect(await runCli(['--library', join(folder, 'none.sqlite'), 'check'], missing, environment())).toBe(1);
    expect(missing.stdout()).toContain('PROBLEM   there is no file at');
    const notes = join(folder, 'notes.sqlite');
    writeFileSync(notes, '');
    const json = capture();
    expect(await runCli(['--library', notes, 'check', '--json'], json, environment())).toBe(1);
    expect(JSON.parse(json.stdout()) as LibraryCheck).toMatchObject({
      status: 'not-a-library',
      problems: ['the file is empty'],
    });
  });

  it('writes nothing', async () => {
    const path = await soundLibrary();
    await runCli(['--library', path, 'check', '--full'], capture(), environment());
    expect(await listBackups(path)).toEqual([]);
  });
});

describe('filmfolio backup', () => {
  it('backs up now, verified, keeping as many as the app’s setting says', async () => {
    const path = await soundLibrary();
    const env = environment(2);
    const made: string[] = [];
    for (let round = 0; round < 3; round += 1) {
      const io = capture();
      expect(await runCli(['--library', path, 'backup'], io, env)).toBe(0);
      made.push(io.stdout().trim());
      expect(io.stderr()).toMatch(
        /^Backed up \(\d+ KB\), checked with integrity_check\. The newest 2 backups are kept\.\n$/,
      );
    }
    expect((await listBackups(path)).map((backup) => backup.path)).toEqual([made[2], made[1]]);
  });

  it('--list lists them newest first; none yet is said on stderr', async () => {
    const path = await soundLibrary();
    const empty = capture();
    expect(await runCli(['--library', path, 'backup', '--list'], empty, environment())).toBe(0);
    expect(empty.stdout()).toBe('');
    expect(empty.stderr()).toBe(`No backups yet in ${path}.backups.\n`);
    await runCli(['--library', path, 'backup'], capture(), environment());
    const io = capture();
    expect(await runCli(['--library', path, 'backup', '--list'], io, environment())).toBe(0);
    expect(io.stdout()).toMatch(/^.+ {2}Backed up by hand +\d+ KB {2}.+-manual\.sqlite\n$/);
  });

  it('says so when there is no library to back up', async () => {
    const io = capture();
    const path = join(tempFolder(), 'none.sqlite');
    expect(await runCli(['--library', path, 'backup'], io, environment())).toBe(1);
    expect(io.stderr()).toContain(`there is no library at ${path} to back up`);
  });
});

describe('filmfolio restore', () => {
  it('restores into a library that is gone (the backup outlived it)', async () => {
    const path = await soundLibrary();
    const io = capture();
    await runCli(['--library', path, 'backup'], io, environment());
    const backup = io.stdout().trim();
    const moved = join(tempFolder(), 'elsewhere.sqlite');
    const restore = capture();
    expect(await runCli(['--library', moved, 'restore', backup], restore, environment())).toBe(0);
    expect(restore.stdout()).toContain(`Restored ${moved} from the backup of`);
    expect(restore.stdout()).toContain(
      ': 2 films.\nThe library held no film before, so no backup of it was needed.\n',
    );
  });

  it('names what it could not find, and changes nothing', async () => {
    const path = await soundLibrary();
    const io = capture();
    expect(await runCli(['--library', path, 'restore', 'no-such-backup.sqlite'], io, environment())).toBe(1);
    expect(io.stderr()).toContain('there is no backup no-such-backup.sqlite');
    expect(await listBackups(path)).toEqual([]);
  });
});
