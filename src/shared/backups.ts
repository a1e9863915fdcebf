import { z } from 'zod';

/**
 * Backups of a library file, as the Backups view, the command line and the main process name
 * them. Each backup is a whole, verified copy of the library in `<library>.backups/`, named
 * `<when>-<why>.sqlite`; the work itself is in src/main/library/backup.ts and restore.ts.
 */

/** Why a backup was taken: the last part of its file name. */
export const BACKUP_REASONS = [
  'before-import',
  'before-migration',
  'daily',
  'manual',
  'before-restore',
] as const;
export type BackupReason = (typeof BACKUP_REASONS)[number];

/** How the collector reads each reason. */
export const BACKUP_REASON_LABELS: Record<BackupReason, string> = {
  'before-import': 'Before an import',
  'before-migration': 'Before an upgrade of the library',
  daily: 'Daily',
  manual: 'Backed up by hand',
  'before-restore': 'Before a restore',
};

/** `2026-11-26T09-30-00-123Z-daily.sqlite`: when (UTC, sortable, no colons) and why. */
export const BACKUP_FILE_PATTERN = new RegExp(
  `^(\\d{4}-\\d\\d-\\d\\dT\\d\\d-\\d\\d-\\d\\d-\\d{3}Z)-(${BACKUP_REASONS.join('|')})\\.sqlite$`,
);

/** A backup as the window names one to restore: its file name in the Backups list, never a path. */
export const backupNameSchema = z
  .string({ error: 'must be the file name of a backup in the Backups list' })
  .max(100)
  .regex(BACKUP_FILE_PATTERN, { error: 'must be the file name of a backup in the Backups list' });

/** One backup of the open library. */
export type BackupSummary = {
  /** The file name, e.g. `2026-11-26T09-30-00-123Z-daily.sqlite`. */
  name: string;
  /** When it was taken (ISO 8601, UTC). */
  createdAt: string;
  reason: BackupReason;
  bytes: number;
};

/** What a restore did. */
export type RestoreResult = {
  restoredFrom: BackupSummary;
  /** The backup of the library as it was just before, or null when it held no film. */
  safetyBackup: string | null;
  /** Where the file that was there went, when it was damaged (kept aside, never overwritten). */
  keptAsidePath: string | null;
  /** Films in the library now (the trash included). */
  filmCount: number;
};

/** The date in a backup's file name, as ISO 8601: `2026-11-26T09-30-00-123Z` → `2026-11-26T09:30:00.123Z`. */
export function backupCreatedAt(stamp: string): string {
  return stamp.replace(/T(\d\d)-(\d\d)-(\d\d)-(\d{3})Z$/, 'T$1:$2:$3.$4Z');
}

/** A backup's name read back into its date and reason; null for any other file. */
export function parseBackupName(name: string): { createdAt: string; reason: BackupReason } | null {
  const match = BACKUP_FILE_PATTERN.exec(name);
  if (!match) return null;
  return { createdAt: backupCreatedAt(match[1] as string), reason: match[2] as BackupReason };
}
