import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { BackupSummary, RestoreResult } from '../../src/shared/backups';
import type { Outcome } from '../../src/shared/contract';
import type { LibraryHealth } from '../../src/shared/library-health';
import { desktopBackupContext } from '../../src/main/backup-handlers';
import { dispatch } from '../../src/main/dispatch';
import { createHandlers, type Handlers } from '../../src/main/handlers';
import { openLibrary, type Library } from '../../src/main/library';
import { listBackups } from '../../src/main/library/backup';
import { commitImport, previewImport } from '../../src/main/library/transfer';
import { createLibraryGuard, type LibraryGuard } from '../../src/main/library-guard';
import { startLibrarySwitcher, type LibrarySwitcher } from '../../src/main/library-switcher';
import { openSettingsFile } from '../../src/main/settings';
import { libraryText } from '../support/library-files';
import { samplePath, sampleFilm, tempFolder } from '../support/temp-library';

/** The app's side: the guard that opens libraries, and the backups:* and library:health channels. */

type App = { handlers: Handlers; libraries: LibrarySwitcher; guard: LibraryGuard; switched: Library[] };

async function startApp(path: string, backupsKept = 10): Promise<App> {
  const settings = openSettingsFile(tempFolder());
  settings.updateSettings({ backupsKept });
  const guard = createLibraryGuard({
    open: (p, o) => openLibrary(p, o),
    backupsKept: () => settings.settings().backupsKept,
    warn: () => {},
  });
  const switched: Library[] = [];
  const libraries = await startLibrarySwitcher({
    settings,
    openLibrary: guard.open,
    startup: { path, chosenInApp: true, missing: null },
    onSwitched: (library) => switched.push(library),
  });
  const handlers = createHandlers({
    library: () => libraries.current(),
    samplePath,
    backups: desktopBackupContext(settings, libraries, guard),
  });
  // The daily backup taken on open runs on its own; tests start once it is done.
  await guard.idle();
  return { handlers, libraries, guard, switched };
}

const value = <T>(outcome: Outcome<unknown>): T => {
  if (!outcome.ok) throw new Error(`${outcome.error.code}: ${outcome.error.message}`);
  return outcome.value as T;
};

async function libraryWithFilm(folder = tempFolder()): Promise<string> {
  const path = join(folder, 'Films.filmfolio.sqlite');
  const library = await openLibrary(path);
  library.create(sampleFilm());
  await library.close();
  return path;
}

describe('opening a library in the app', () => {
  it('takes the daily backup when one is due', async () => {
    const path = await libraryWithFilm();
    const app = await startApp(path);
    try {
      expect((await listBackups(path)).map((backup) => backup.reason)).toEqual(['daily']);
    } finally {
      await app.guard.idle();
      await app.libraries.close();
    }
  });

  it('opening another library that is damaged keeps it aside and opens an empty one in its place', async () => {
    const app = await startApp(await libraryWithFilm());
    try {
      const damaged = join(tempFolder(), 'Broken.filmfolio.sqlite');
      writeFileSync(damaged, Buffer.concat([Buffer.from('SQLite format 3\0'), Buffer.alloc(8_000, 7)]));
      const bytes = readFileSync(damaged);
      await app.libraries.open(damaged);
      expect(app.libraries.current().path).toBe(damaged);
      expect(app.libraries.current().count()).toBe(0);
      const notice = app.guard.damage(damaged);
      expect(notice?.newestBackup).toBeNull();
      expect(readFileSync(notice?.keptAsidePath as string)).toEqual(bytes);
      const health = value<LibraryHealth>(await dispatch(app.handlers, 'library:health', []));
      expect(health.damage?.keptAsidePath).toBe(notice?.keptAsidePath);
    } finally {
      await app.guard.idle();
      await app.libraries.close();
    }
  });
});

describe('backups:*', () => {
  it('create takes a verified backup by hand and keeps as many as the setting says', async () => {
    const path = await libraryWithFilm();
    const app = await startApp(path, 2);
    try {
      const made: BackupSummary[] = [];
      for (let round = 0; round < 2; round += 1) {
        made.push(value<BackupSummary>(await dispatch(app.handlers, 'backups:create', [])));
      }
      expect(made.map((backup) => backup.reason)).toEqual(['manual', 'manual']);
      expect(value<BackupSummary[]>(await dispatch(app.handlers, 'backups:list', []))).toEqual(
        made.reverse(),
      );
    } finally {
      await app.guard.idle();
      await app.libraries.close();
    }
  });

  it('restore backs the library up first, puts the backup in its place and reloads the window', async () => {
    const path = await libraryWithFilm();
    const app = await startApp(path);
    try {
      const backup = value<BackupSummary>(await dispatch(app.handlers, 'backups:create', []));
      app.libraries.current().create({ title: 'Added Later', year: 2026 });
      const result = value<RestoreResult>(await dispatch(app.handlers, 'backups:restore', [backup.name]));
      expect(result).toMatchObject({ restoredFrom: backup, keptAsidePath: null, filmCount: 1 });
      expect(result.safetyBackup).toMatch(/-before-restore\.sqlite$/);
      expect(app.switched).toEqual([app.libraries.current()]);
      expect(
        app.libraries.current().list({ search: '', sort: 'title', descending: false, offset: 0, limit: 10 })
          .total,
      ).toBe(1);
      // The restore can itself be undone: the safety backup holds the film added later.
      const undo = value<RestoreResult>(
        await dispatch(app.handlers, 'backups:restore', [result.safetyBackup?.split('/').at(-1)]),
      );
      expect(undo.filmCount).toBe(2);
    } finally {
      await app.guard.idle();
      await app.libraries.close();
    }
  });

  it('a backup that fails its check is refused; the library stays open as it was, no reload', async () => {
    const path = await libraryWithFilm();
    const app = await startApp(path);
    try {
      const backup = value<BackupSummary>(await dispatch(app.handlers, 'backups:create', []));
      const file = (await listBackups(path)).find((entry) => entry.name === backup.name)?.path as string;
      writeFileSync(file, readFileSync(file).subarray(0, 4096));
      const outcome = await dispatch(app.handlers, 'backups:restore', [backup.name]);
      expect(outcome).toMatchObject({
        ok: false,
        error: { message: expect.stringContaining('cannot be restored') },
      });
      expect(app.switched).toEqual([]);
      expect(app.libraries.current().count()).toBe(1);
      expect((await listBackups(path)).map((entry) => entry.reason)).not.toContain('before-restore');
    } finally {
      await app.guard.idle();
      await app.libraries.close();
    }
  });

  it('restore names only a backup of the list: never a path, and says when it is gone', async () => {
    const app = await startApp(await libraryWithFilm());
    try {
      for (const name of ['../Films.filmfolio.sqlite', '/etc/passwd', 'notes.txt']) {
        const outcome = await dispatch(app.handlers, 'backups:restore', [name]);
        expect(outcome).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
      }
      const gone = await dispatch(app.handlers, 'backups:restore', ['2020-01-01T00-00-00-000Z-daily.sqlite']);
      expect(gone).toMatchObject({
        ok: false,
        error: { code: 'NOT_FOUND', message: expect.stringContaining('no backup named') },
      });
    } finally {
      await app.guard.idle();
      await app.libraries.close();
    }
  });

  it('restore waits for an import being written (BUSY), and is only for the desktop app', async () => {
    const path = await libraryWithFilm();
    const app = await startApp(path);
    let backup: BackupSummary;
    try {
      backup = value<BackupSummary>(await dispatch(app.handlers, 'backups:create', []));
      const library = app.libraries.current();
      const films = Array.from({ length: 400 }, (_, i) => ({ title: `Slow ${i}`, year: 2000 }));
      const preview = await previewImport(library, { text: libraryText(films), name: 'slow.json' });
      // Asked once the import has written its first film, however quick the machine.
      let firstWritten!: () => void;
      const writing = new Promise<void>((resolve) => (firstWritten = resolve));
      const importing = commitImport(
        library,
        preview,
        {},
        { chunkSize: 1, sliceMs: 0, onProgress: (done) => done > 0 && firstWritten() },
      );
      await Promise.race([writing, importing]);
      const busy = await dispatch(app.handlers, 'backups:restore', [backup.name]);
      expect(busy).toMatchObject({ ok: false, error: { code: 'BUSY' } });
      await importing;
      expect(library.count()).toBe(401);
    } finally {
      await app.guard.idle();
      await app.libraries.close();
    }
    const alone = await openLibrary(path);
    try {
      const plain = createHandlers({ library: () => alone, samplePath });
      const outcome = await dispatch(plain, 'backups:restore', [backup.name]);
      expect(outcome).toMatchObject({
        ok: false,
        error: { message: expect.stringContaining('only available in the desktop app') },
      });
    } finally {
      await alone.close();
    }
  });
});

describe('library:health', () => {
  it('warns about a library in a synced folder, with the reason', async () => {
    const path = await libraryWithFilm(join(tempFolder(), 'OneDrive'));
    const app = await startApp(path);
    try {
      const health = value<LibraryHealth>(await dispatch(app.handlers, 'library:health', []));
      expect(health).toMatchObject({ path, damage: null, cloudSync: { service: 'OneDrive' } });
      expect(health.cloudSync?.message).toContain('How To Corrupt An SQLite Database File');
      expect(existsSync(path)).toBe(true);
    } finally {
      await app.guard.idle();
      await app.libraries.close();
    }
  });
});
