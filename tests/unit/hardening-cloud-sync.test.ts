import { mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HOW_TO_CORRUPT_URL } from '../../src/shared/library-health';
import { cloudSyncFolder, cloudSyncWarning } from '../../src/main/library/cloud-sync';
import { tempFolder } from '../support/temp-library';

describe('a library in a cloud-synced folder', () => {
  it.each([
    ['/home/ana/Dropbox/Films/library.filmfolio.sqlite', 'Dropbox', '/home/ana/Dropbox'],
    ['/Users/ana/Dropbox (Personal)/library.sqlite', 'Dropbox', '/Users/ana/Dropbox (Personal)'],
    [
      '/Users/ana/Library/CloudStorage/Dropbox-Studio/library.sqlite',
      'Dropbox',
      '/Users/ana/Library/CloudStorage/Dropbox-Studio',
    ],
    ['C:\\Users\\Ana\\OneDrive\\Documents\\Films.filmfolio.sqlite', 'OneDrive', 'C:\\Users\\Ana\\OneDrive'],
    ['C:\\Users\\Ana\\OneDrive - Contoso\\Films.sqlite', 'OneDrive', 'C:\\Users\\Ana\\OneDrive - Contoso'],
    [
      '/Users/ana/Library/CloudStorage/OneDrive-Personal/Films.sqlite',
      'OneDrive',
      '/Users/ana/Library/CloudStorage/OneDrive-Personal',
    ],
    [
      '/Users/ana/Library/Mobile Documents/com~apple~CloudDocs/Films.sqlite',
      'iCloud Drive',
      '/Users/ana/Library/Mobile Documents',
    ],
    ['C:\\Users\\Ana\\iCloudDrive\\Films.sqlite', 'iCloud Drive', 'C:\\Users\\Ana\\iCloudDrive'],
    ['/Users/ana/Google Drive/Films.sqlite', 'Google Drive', '/Users/ana/Google Drive'],
    [
      '/Users/ana/Library/CloudStorage/GoogleDrive-ana@example.com/My Drive/Films.sqlite',
      'Google Drive',
      '/Users/ana/Library/CloudStorage/GoogleDrive-ana@example.com',
    ],
    ['G:\\My Drive\\Films.filmfolio.sqlite', 'Google Drive', 'G:\\My Drive'],
  ])('%s is in %s', (path, service, folder) => {
    expect(cloudSyncFolder(path)).toEqual({ service, folder });
  });

  it.each([
    '/home/ana/.config/Filmfolio/library.filmfolio.sqlite',
    'C:\\Users\\Ana\\AppData\\Roaming\\Filmfolio\\library.filmfolio.sqlite',
    '/Users/ana/Documents/Dropbox notes/library.sqlite',
    '/Users/ana/Library/Application Support/Filmfolio/library.filmfolio.sqlite',
    // A library merely named like a service is not inside one.
    '/home/ana/films/Dropbox',
    ':memory:',
  ])('%s is not', (path) => {
    expect(cloudSyncFolder(path)).toBeNull();
    expect(cloudSyncWarning(path)).toBeNull();
  });

  it('the warning gives the reason and cites SQLite’s page on corrupting a database', () => {
    const warning = cloudSyncWarning('/home/ana/Dropbox/library.filmfolio.sqlite');
    expect(warning).toMatchObject({ service: 'Dropbox', folder: '/home/ana/Dropbox' });
    expect(warning?.message).toContain('This library is inside Dropbox (/home/ana/Dropbox).');
    expect(warning?.message).toContain('“-wal”');
    expect(warning?.message).toContain(`How To Corrupt An SQLite Database File”`);
    expect(warning?.message).toContain(HOW_TO_CORRUPT_URL);
    expect(warning?.message).toContain(
      'move the library file and its “.backups” folder to a folder that is not synced',
    );
  });

  it('sees through a symbolic link into a synced folder', () => {
    const home = tempFolder();
    mkdirSync(join(home, 'Dropbox', 'Films'), { recursive: true });
    symlinkSync(join(home, 'Dropbox', 'Films'), join(home, 'Films'));
    expect(cloudSyncWarning(join(home, 'Films', 'library.filmfolio.sqlite'))?.service).toBe('Dropbox');
  });
});
