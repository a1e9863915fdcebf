import { realpathSync } from 'node:fs';
import { dirname } from 'node:path';
import { HOW_TO_CORRUPT_URL, type CloudService, type CloudSyncWarning } from '../../shared/library-health';

/**
 * A library inside a folder that a sync service (Dropbox, OneDrive, iCloud Drive, Google Drive)
 * copies to other computers. Such services copy the database file and its journal (`-wal`) at
 * different moments, may put another computer's copy over the file while it is open, and know
 * nothing of SQLite's locks: SQLite's “How To Corrupt An SQLite Database File” lists these ways.
 */

type Rule = { service: CloudService; matches: (segments: readonly string[], index: number) => boolean };

const named =
  (pattern: RegExp) =>
  (segments: readonly string[], index: number): boolean =>
    pattern.test(segments[index] ?? '');

/** How each service names its folder: on Windows, macOS (also under ~/Library/CloudStorage) and Linux. */
const RULES: Rule[] = [
  // ~/Dropbox, ~/Dropbox (Personal), ~/Dropbox (Company), ~/Library/CloudStorage/Dropbox-Team
  { service: 'Dropbox', matches: named(/^dropbox( \(.+\)|-.+)?$/i) },
  // C:\Users\x\OneDrive, OneDrive - Contoso, ~/Library/CloudStorage/OneDrive-Personal
  { service: 'OneDrive', matches: named(/^onedrive( - .+|-.+)?$/i) },
  // macOS: ~/Library/Mobile Documents/com~apple~CloudDocs; Windows: C:\Users\x\iCloudDrive
  {
    service: 'iCloud Drive',
    matches: (segments, index) =>
      /^(icloud ?drive|icloud~.+)$/i.test(segments[index] ?? '') ||
      (/^mobile documents$/i.test(segments[index] ?? '') && /^library$/i.test(segments[index - 1] ?? '')),
  },
  // ~/Google Drive, ~/Library/CloudStorage/GoogleDrive-me@example.com, G:\My Drive, G:\Shared drives
  {
    service: 'Google Drive',
    matches: (segments, index) =>
      /^(google ?drive|googledrive-.+)$/i.test(segments[index] ?? '') ||
      (/^(my drive|shared drives)$/i.test(segments[index] ?? '') &&
        (index === 1 || /^(googledrive.*|google drive)$/i.test(segments[index - 1] ?? ''))),
  },
];

/** The synced folder a path lies in, and its service; null when none. Reads `/` and `\` alike. */
export function cloudSyncFolder(path: string): { service: CloudService; folder: string } | null {
  const separator = path.includes('\\') && !path.includes('/') ? '\\' : '/';
  const segments = path.split(/[\\/]/);
  // The last segment is the library file itself, whatever its name.
  for (let index = 0; index < segments.length - 1; index += 1) {
    const rule = RULES.find((candidate) => candidate.matches(segments, index));
    if (rule) return { service: rule.service, folder: segments.slice(0, index + 1).join(separator) };
  }
  return null;
}

/** The path with symbolic links resolved (a Documents folder linked into Dropbox is in Dropbox). */
function realPathOf(path: string): string | null {
  try {
    return `${realpathSync.native(dirname(path))}/${path.split(/[\\/]/).at(-1) ?? ''}`;
  } catch {
    return null;
  }
}

/** The warning for a library kept in a cloud-synced folder, with the reason; null when it is not in one. */
export function cloudSyncWarning(libraryPath: string): CloudSyncWarning | null {
  if (libraryPath === ':memory:') return null;
  const real = realPathOf(libraryPath);
  const found = cloudSyncFolder(libraryPath) ?? (real ? cloudSyncFolder(real) : null);
  if (!found) return null;
  const { service, folder } = found;
  return {
    service,
    folder,
    message:
      `This library is inside ${service} (${folder}). ${service} copies files to your other computers while ` +
      'they are in use, but a library is a live SQLite database with a journal file beside it (“-wal”): ' +
      'a copy taken between the two, or another computer’s copy put over the file while Filmfolio has it ' +
      'open, corrupts it. SQLite’s own “How To Corrupt An SQLite Database File” lists exactly these ways ' +
      `(${HOW_TO_CORRUPT_URL}: “Backup or restore while a transaction is active” and “Deleting a hot ` +
      'journal”). Quit Filmfolio, move the library file and its “.backups” folder to a folder that is not ' +
      'synced, and open it from there (File › Open Library…); to share films with another computer, ' +
      'export a library file instead.',
  };
}
