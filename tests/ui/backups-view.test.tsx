import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { BackupSummary, RestoreResult } from '../../src/shared/backups';
import type { LibraryHealth } from '../../src/shared/library-health';
import { BackupsView } from '../../src/renderer/src/backups/backups-view';
import { backupTime } from '../../src/renderer/src/backups/backup-text';
import { LibraryHealthNotice } from '../../src/renderer/src/backups/library-health-notice';
import { fakeApi, withApi } from './edit-fake-api';

const DAILY: BackupSummary = {
  name: '2026-11-25T08-00-00-000Z-daily.sqlite',
  createdAt: '2026-11-25T08:00:00.000Z',
  reason: 'daily',
  bytes: 3 * 1024 * 1024,
};
const BEFORE_IMPORT: BackupSummary = {
  name: '2026-11-20T10-30-00-000Z-before-import.sqlite',
  createdAt: '2026-11-20T10:30:00.000Z',
  reason: 'before-import',
  bytes: 800 * 1024,
};
const PATH = '/home/ana/Films.filmfolio.sqlite';
const SOUND: LibraryHealth = { path: PATH, damage: null, cloudSync: null };
const DAMAGED: LibraryHealth = {
  path: PATH,
  damage: {
    libraryPath: PATH,
    keptAsidePath: `${PATH}.damaged-2026-11-26T09-00-00-000Z`,
    problems: ['database disk image is malformed'],
    detectedAt: '2026-11-26T09:00:00.000Z',
    newestBackup: DAILY,
  },
  cloudSync: {
    service: 'Dropbox',
    folder: '/home/ana/Dropbox',
    message: 'This library is inside Dropbox (/home/ana/Dropbox). Sync services corrupt live databases.',
  },
};
const RESTORED: RestoreResult = {
  restoredFrom: DAILY,
  safetyBackup: null,
  keptAsidePath: null,
  filmCount: 120,
};

function setUp(health: LibraryHealth = SOUND) {
  let backups = [DAILY, BEFORE_IMPORT];
  const created: BackupSummary = {
    ...DAILY,
    name: '2026-11-26T12-00-00-000Z-manual.sqlite',
    reason: 'manual',
  };
  const api = {
    list: vi.fn(() => Promise.resolve(backups)),
    create: vi.fn(() => {
      backups = [created, ...backups];
      return Promise.resolve(created);
    }),
    restore: vi.fn((_name: string) => Promise.resolve(RESTORED)),
    health: vi.fn(() => Promise.resolve(health)),
  };
  const fake = fakeApi({
    backups: { list: api.list, create: api.create, restore: api.restore },
    library: { health: api.health },
  });
  return { api, fake };
}

describe('the Backups view', () => {
  it('lists the backups newest first, with when, why and size', async () => {
    const { fake } = setUp();
    render(withApi(fake, <BackupsView />));
    const rows = await screen.findAllByRole('row');
    expect(
      rows.slice(1).map((row) =>
        within(row)
          .getAllByRole('cell')
          .slice(0, 3)
          .map((cell) => cell.textContent),
      ),
    ).toEqual([
      [backupTime(DAILY.createdAt), 'Daily', '3.0 MB'],
      [backupTime(BEFORE_IMPORT.createdAt), 'Before an import', '800 KB'],
    ]);
    expect(screen.getByText(`${PATH}.backups`)).toBeTruthy();
  });

  it('backs up now and shows the new backup', async () => {
    const { api, fake } = setUp();
    render(withApi(fake, <BackupsView />));
    await userEvent.click(await screen.findByRole('button', { name: 'Back up now' }));
    expect(api.create).toHaveBeenCalledTimes(1);
    await screen.findByText(/^Backed up: .+, 3\.0 MB, checked\.$/);
    await waitFor(() => expect(screen.getAllByRole('row')).toHaveLength(4));
    expect(screen.getByText('Backed up by hand')).toBeTruthy();
  });

  it('restores only after a confirm that says the library is backed up first', async () => {
    const { api, fake } = setUp();
    render(withApi(fake, <BackupsView />));
    await userEvent.click(
      await screen.findByRole('button', {
        name: `Restore the backup of ${backupTime(BEFORE_IMPORT.createdAt)}`,
      }),
    );
    const dialog = screen.getByRole('alertdialog', {
      name: `Restore the backup of ${backupTime(BEFORE_IMPORT.createdAt)}?`,
    });
    expect(dialog.textContent).toContain('backed up first (“Before a restore” in this list)');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(api.restore).not.toHaveBeenCalled();
    await userEvent.click(
      screen.getByRole('button', { name: `Restore the backup of ${backupTime(BEFORE_IMPORT.createdAt)}` }),
    );
    await userEvent.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Restore' }));
    expect(api.restore).toHaveBeenCalledWith(BEFORE_IMPORT.name);
  });

  it('says a restore failed, in the words main gave', async () => {
    const { api, fake } = setUp();
    api.restore.mockImplementation(() =>
      Promise.reject(new Error('The library is open in another program.')),
    );
    render(withApi(fake, <BackupsView />));
    await userEvent.click(
      await screen.findByRole('button', { name: `Restore the backup of ${backupTime(DAILY.createdAt)}` }),
    );
    await userEvent.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Restore' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'The backup could not be restored: The library is open in another program.',
    );
  });

  it('shows the damage and the cloud-sync warning above the list', async () => {
    const { fake } = setUp(DAMAGED);
    render(withApi(fake, <BackupsView />));
    const damage = await screen.findByRole('alert', { name: 'The library file is damaged' });
    expect(damage.textContent).toContain(
      `kept aside, untouched, at ${PATH}.damaged-2026-11-26T09-00-00-000Z`,
    );
    expect(damage.textContent).toContain(`The newest good backup is from ${backupTime(DAILY.createdAt)}`);
    expect(screen.getByLabelText('Library location warning').textContent).toContain('inside Dropbox');
  });
});

describe('the notice when the app starts', () => {
  it('says nothing when the library is sound', async () => {
    const { api, fake } = setUp();
    const { container } = render(withApi(fake, <LibraryHealthNotice />));
    await waitFor(() => expect(api.health).toHaveBeenCalled());
    expect(container.textContent).toBe('');
  });

  it('explains the damage in plain words and offers the newest good backup', async () => {
    const { api, fake } = setUp(DAMAGED);
    render(withApi(fake, <LibraryHealthNotice />));
    const dialog = await screen.findByRole('alertdialog', { name: 'The library file is damaged' });
    expect(dialog.textContent).toContain(`The library file ${PATH} is damaged and could not be opened`);
    expect(dialog.textContent).toContain('an empty library was opened in its place');
    await userEvent.click(
      within(dialog).getByRole('button', { name: `Restore the backup of ${backupTime(DAILY.createdAt)}` }),
    );
    expect(api.restore).toHaveBeenCalledWith(DAILY.name);
  });

  it('says when the check that reads the whole file after opening found the damage', async () => {
    const damage = { ...DAMAGED.damage!, foundInBackground: true };
    const { fake } = setUp({ ...DAMAGED, damage });
    render(withApi(fake, <LibraryHealthNotice />));
    const dialog = await screen.findByRole('alertdialog', { name: 'The library file is damaged' });
    expect(dialog.textContent).toContain('the check that reads the whole file after it opens found it');
    expect(dialog.textContent).toContain(
      `Nothing more was written to it: it was kept aside at ${damage.keptAsidePath}`,
    );
    expect(dialog.textContent).toContain('Changes made since it was opened are in that file');
    expect(dialog.textContent).not.toContain('could not be opened');
    expect(
      within(dialog).getByRole('button', { name: `Restore the backup of ${backupTime(DAILY.createdAt)}` }),
    ).toBeTruthy();
  });

  it('can be put off, and the cloud-sync banner dismissed', async () => {
    const { fake } = setUp(DAMAGED);
    render(withApi(fake, <LibraryHealthNotice />));
    await userEvent.click(await screen.findByRole('button', { name: 'Not now' }));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    const banner = screen.getByLabelText('Library location warning');
    await userEvent.click(within(banner).getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByLabelText('Library location warning')).toBeNull();
  });

  it('stays silent when the health cannot be read (an older main)', async () => {
    const { container } = render(withApi(fakeApi({}), <LibraryHealthNotice />));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(container.textContent).toBe('');
  });
});
