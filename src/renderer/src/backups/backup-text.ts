import { BACKUP_REASON_LABELS, type BackupSummary } from '../../../shared/backups';

/** When a backup was taken, in the person's own way of writing dates. */
export const backupTime = (iso: string): string =>
  new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** Why a backup was taken, as the collector reads it. */
export const backupReason = (backup: BackupSummary): string => BACKUP_REASON_LABELS[backup.reason];
