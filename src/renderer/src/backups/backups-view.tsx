import { useCallback, useEffect, useState } from 'react';
import { BACKUP_REASON_LABELS, type BackupSummary } from '../../../shared/backups';
import type { LibraryHealth } from '../../../shared/library-health';
import { ConfirmDialog } from '../edit/confirm-dialog';
import { useApi } from '../shell/api-context';
import { fileSize } from '../../../shared/file-size';
import { backupReason, backupTime } from './backup-text';
import { CloudSyncDetails, DamageDetails, useRestore } from './library-health-notice';
import '../edit/edit.css';
import './backups.css';

type Loaded = { backups: BackupSummary[]; health: LibraryHealth };

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

function useBackups() {
  const api = useApi();
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const load = useCallback(
    () =>
      Promise.all([api.backups.list(), api.library.health()])
        .then(([backups, health]) => setLoaded({ backups, health }))
        .catch((error: unknown) => setFailure(messageOf(error))),
    [api],
  );
  useEffect(() => {
    void load();
  }, [load]);
  return { loaded, failure, load };
}

/** The library's damage and location warnings, in the view itself (the start-up dialog may be gone). */
function HealthNotices({ health }: { health: LibraryHealth }) {
  return (
    <>
      {health.damage ? (
        <section className="health-notice damage" role="alert" aria-label="The library file is damaged">
          <DamageDetails damage={health.damage} />
        </section>
      ) : null}
      {health.cloudSync ? (
        <section className="health-notice" aria-label="Library location warning">
          <CloudSyncDetails warning={health.cloudSync} />
        </section>
      ) : null}
    </>
  );
}

function BackupRows({
  backups,
  onRestore,
}: {
  backups: BackupSummary[];
  onRestore: (backup: BackupSummary) => void;
}) {
  return (
    <table className="film-table backups-table">
      <thead>
        <tr>
          <th scope="col">Taken</th>
          <th scope="col">Why</th>
          <th scope="col">Size</th>
          <th scope="col">
            <span className="sr-only">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {backups.map((backup) => (
          <tr key={backup.name}>
            <td>
              <time dateTime={backup.createdAt}>{backupTime(backup.createdAt)}</time>
            </td>
            <td>{backupReason(backup)}</td>
            <td className="size">{fileSize(backup.bytes)}</td>
            <td>
              <button
                type="button"
                aria-label={`Restore the backup of ${backupTime(backup.createdAt)}`}
                onClick={() => onRestore(backup)}
              >
                Restore…
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/**
 * `#/backups`: the library's backups, newest first, with when and why each was taken and its size;
 * one taken now, or one restored (after a confirm; the library as it is is backed up first).
 */
export function BackupsView() {
  const api = useApi();
  const { loaded, failure, load } = useBackups();
  const { restore, busy: restoring, failure: restoreFailure } = useRestore();
  const [question, setQuestion] = useState<BackupSummary | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);

  const backUpNow = () => {
    setCreating(true);
    setStatus(null);
    api.backups
      .create()
      .then((backup) =>
        setStatus(`Backed up: ${backupTime(backup.createdAt)}, ${fileSize(backup.bytes)}, checked.`),
      )
      .catch((error: unknown) => setStatus(`Not backed up: ${messageOf(error)}`))
      .finally(() => {
        setCreating(false);
        void load();
      });
  };

  if (failure) return <p role="alert">The backups could not be read: {failure}</p>;
  if (!loaded) return <p className="muted">Reading the backups…</p>;
  const { backups, health } = loaded;
  return (
    <section className="backups-view" aria-labelledby="backups-title">
      <HealthNotices health={health} />
      <header className="backups-header">
        <h1 id="backups-title">Backups</h1>
        <p className="muted">
          Filmfolio copies the whole library before every import and every upgrade, and once a day after
          changes. Each copy is checked by SQLite before it is kept, in <code>{health.path}.backups</code>;
          the Settings say how many are kept.
        </p>
        <button type="button" disabled={creating || restoring} onClick={backUpNow}>
          {creating ? 'Backing up…' : 'Back up now'}
        </button>
      </header>
      <p role="status">
        {restoring ? 'Restoring… the window reloads when the library is back.' : (status ?? '')}
      </p>
      {restoreFailure ? <p role="alert">The backup could not be restored: {restoreFailure}</p> : null}
      {backups.length === 0 ? (
        <p className="muted">No backups yet.</p>
      ) : (
        <BackupRows backups={backups} onRestore={setQuestion} />
      )}
      {question ? (
        <ConfirmDialog
          title={`Restore the backup of ${backupTime(question.createdAt)}?`}
          choices={[
            {
              label: 'Restore',
              primary: true,
              onChoose: () => {
                setQuestion(null);
                restore(question);
              },
            },
            { label: 'Cancel', onChoose: () => setQuestion(null) },
          ]}
        >
          <p>
            The library goes back to how it was then: films added or changed since are not in it. The library
            as it is now is backed up first (“{BACKUP_REASON_LABELS['before-restore']}” in this list), so this
            can be undone.
          </p>
        </ConfirmDialog>
      ) : null}
    </section>
  );
}
