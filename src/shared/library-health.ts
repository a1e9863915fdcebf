import type { BackupSummary } from './backups';

/**
 * What the app knows about the health of the open library file: damage found when it was opened or
 * by the check that reads the whole file in the background afterwards (the file kept aside, the
 * newest good backup offered), and a library kept where a sync service can corrupt it.
 * `library:health` carries it to the window.
 */

/** SQLite's own list of the ways a database file gets corrupted; the cloud-sync warning cites it. */
export const HOW_TO_CORRUPT_URL = 'https://www.sqlite.org/howtocorrupt.html';

export type CloudService = 'Dropbox' | 'OneDrive' | 'iCloud Drive' | 'Google Drive';

/** The library sits inside a folder a sync service copies to other computers. */
export type CloudSyncWarning = {
  service: CloudService;
  /** The synced folder the library is in. */
  folder: string;
  /** The warning and its reason, in plain words. */
  message: string;
};

/** The library file could not be used: SQLite's check found damage when it was opened. */
export type DamageNotice = {
  libraryPath: string;
  /** Where the damaged file was moved, untouched (null when it was left in place, as the CLI does). */
  keptAsidePath: string | null;
  /** What SQLite's check said (its first lines). */
  problems: string[];
  /** When the damage was found (ISO 8601). */
  detectedAt: string;
  /** The newest backup that passed its own integrity check, or null when there is none. */
  newestBackup: BackupSummary | null;
  /**
   * True when the check run in the background after opening found it (opening itself only looks at
   * the file's header, schema and the edges of its tables): the library was in use until then.
   */
  foundInBackground?: boolean;
};

export type LibraryHealth = {
  path: string;
  damage: DamageNotice | null;
  cloudSync: CloudSyncWarning | null;
};

/** The damage in plain words, a sentence each: what happened, where the file is, what can be done. */
export function describeDamage(notice: DamageNotice, when: (iso: string) => string): string[] {
  const found = notice.problems[0] ? ` (SQLite's check reported: ${notice.problems[0]})` : '';
  const sentences = notice.foundInBackground
    ? [
        `The library file ${notice.libraryPath} is damaged: the check that reads the whole file after it opens found it${found}.`,
        notice.keptAsidePath
          ? `Nothing more was written to it: it was kept aside at ${notice.keptAsidePath}, and an empty library was opened in its place. Changes made since it was opened are in that file, not in any backup.`
          : 'The damaged file was left as it is.',
      ]
    : [
        `The library file ${notice.libraryPath} is damaged and could not be opened${found}.`,
        notice.keptAsidePath
          ? `The damaged file was kept aside, untouched, at ${notice.keptAsidePath}; an empty library was opened in its place.`
          : 'The damaged file was left as it is: nothing was written to it.',
      ];
  sentences.push(
    notice.newestBackup
      ? `The newest good backup is from ${when(notice.newestBackup.createdAt)}: restoring it brings the library back as it was then.`
      : 'There is no good backup of this library to restore; the damaged file may still be repaired with SQLite’s own tools (sqlite3 .recover).',
  );
  return sentences;
}
