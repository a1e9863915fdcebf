import { useEffect, useState } from 'react';
import type { BackupSummary } from '../../../shared/backups';
import {
  describeDamage,
  type CloudSyncWarning,
  type DamageNotice,
  type LibraryHealth,
} from '../../../shared/library-health';
import { ConfirmDialog } from '../edit/confirm-dialog';
import { useApi } from '../shell/api-context';
import { navigate } from '../shell/route';
import { backupTime } from './backup-text';
import '../edit/edit.css';
import './backups.css';

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** What happened to a damaged library, where the file went and what can be done, a paragraph each. */
export function DamageDetails({ damage }: { damage: DamageNotice }) {
  return (
    <>
      {describeDamage(damage, backupTime).map((sentence) => (
        <p key={sentence}>{sentence}</p>
      ))}
    </>
  );
}

/** Why a library in a synced folder is at risk, with SQLite's own page on it. */
export function CloudSyncDetails({ warning }: { warning: CloudSyncWarning }) {
  return <p>{warning.message}</p>;
}

/** Restores a backup; main reopens the library and reloads the window. */
export function useRestore(): {
  restore: (backup: BackupSummary) => void;
  busy: boolean;
  failure: string | null;
} {
  const api = useApi();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const restore = (backup: BackupSummary) => {
    setBusy(true);
    setFailure(null);
    api.backups
      .restore(backup.name)
      .catch((error: unknown) => setFailure(messageOf(error)))
      .finally(() => setBusy(false));
  };
  return { restore, busy, failure };
}

function DamageDialog({ damage, onClose }: { damage: DamageNotice; onClose: () => void }) {
  const { restore, busy, failure } = useRestore();
  const backup = damage.newestBackup;
  const restoreChoice = backup
    ? [
        {
          label: busy ? 'Restoring…' : `Restore the backup of ${backupTime(backup.createdAt)}`,
          primary: true,
          onChoose: () => !busy && restore(backup),
        },
      ]
    : [];
  return (
    <ConfirmDialog
      title="The library file is damaged"
      choices={[
        ...restoreChoice,
        {
          label: 'See all backups',
          onChoose: () => {
            onClose();
            navigate({ view: 'backups' });
          },
        },
        { label: 'Not now', onChoose: onClose },
      ]}
    >
      <div className="damage-dialog">
        <DamageDetails damage={damage} />
        {failure ? <p role="alert">The backup could not be restored: {failure}</p> : null}
      </div>
    </ConfirmDialog>
  );
}

/**
 * What the app says about the library file when it starts: damage found when it was opened (a
 * dialog with the newest good backup to restore), and a library kept in a cloud-synced folder (a
 * banner with the reason). Silent when all is well, or when the health cannot be read.
 */
export function LibraryHealthNotice() {
  const api = useApi();
  const [health, setHealth] = useState<LibraryHealth | null>(null);
  const [damageOpen, setDamageOpen] = useState(true);
  const [cloudOpen, setCloudOpen] = useState(true);
  useEffect(() => {
    let live = true;
    api.library
      .health()
      .then((value) => live && setHealth(value))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [api]);
  if (!health) return null;
  return (
    <>
      {health.cloudSync && cloudOpen ? (
        <aside className="health-notice health-banner" aria-label="Library location warning">
          <CloudSyncDetails warning={health.cloudSync} />
          <button type="button" onClick={() => setCloudOpen(false)}>
            Dismiss
          </button>
        </aside>
      ) : null}
      {health.damage && damageOpen ? (
        <DamageDialog damage={health.damage} onClose={() => setDamageOpen(false)} />
      ) : null}
    </>
  );
}
