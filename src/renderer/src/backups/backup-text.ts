import { BACKUP_REASON_LABELS, type BackupSummary } from '../../../shared/backups';

/** When a backup was taken, in the person's own way of writing dates. */
export const backupTime = (iso: string): string =>
  new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** `1.2 MB`, `840 KB`. */
export function backupSize(bytes: number): string {
  return bytes >= 1024 * 1024
    ? `${(bytes / 1024 / 1024).toFixed(1)} MB`
    : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

/** Why a backup was taken, as the collector reads it. */
export const backupReason = (backup: BackupSummary): string => BACKUP_REASON_LABELS[backup.reason];
