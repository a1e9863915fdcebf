import { useRef, useState } from 'react';
import type { ImportCounts } from '../../../shared/transfer';
import { setBrowseSelection } from '../browse/browse-selection';
import { navigate } from '../shell/route';
import { fileSize } from '../../../shared/file-size';
import { filmCount } from './film-count';
import { ImportPreview } from './import-preview';
import type { ImportSession, ImportState } from './import-session';
import { ProgressBar } from './progress-bar';
import { useDialogs } from './use-dialogs';
import { useJobProgress } from './use-job-progress';

const ACCEPTED = '.json,.txt,.md,.markdown,application/json,text/plain,text/markdown';

/** Where a file comes from: the system dialog in the desktop app, else a picked or dropped file read here. */
function ChooseFile({
  state,
  session,
}: {
  state: Extract<ImportState, { step: 'choose' }>;
  session: ImportSession;
}) {
  const dialogs = useDialogs();
  const input = useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = useState(false);
  const choose = () => (dialogs?.files ? void session.chooseWithDialog() : input.current?.click());
  return (
    <div
      className={dragging ? 'drop-zone dragging' : 'drop-zone'}
      onDragEnter={() => setDragging(true)}
      onDragLeave={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setDragging(false);
      }}
      onDrop={() => setDragging(false)}
    >
      <h2>Import films</h2>
      <p>
        Drop a Filmfolio library file (<code>.json</code>) or a film fact page (<code>.txt</code>,{' '}
        <code>.md</code>) anywhere in this window, or
      </p>
      <button type="button" className="primary" onClick={choose}>
        Choose file…
      </button>
      <input
        ref={input}
        type="file"
        className="sr-only"
        accept={ACCEPTED}
        aria-label="Library file or fact page to import"
        tabIndex={-1}
        onChange={(event) => {
          const file = event.target.files?.[0];
          event.target.value = '';
          if (file) void session.previewFile(file);
        }}
      />
      <p className="muted">Nothing is written until you confirm: you see what the file holds first.</p>
      {state.message ? (
        <p role={state.failed ? 'alert' : 'status'} className={state.failed ? 'import-message' : 'muted'}>
          {state.message}
        </p>
      ) : null}
    </div>
  );
}

function Reading({
  state,
  session,
}: {
  state: Extract<ImportState, { step: 'reading' }>;
  session: ImportSession;
}) {
  const progress = useJobProgress(state.jobId);
  const size =
    state.source.bytes ?? (progress?.phase === 'reading' && progress.total > 0 ? progress.total : null);
  return (
    <div className="import-reading">
      <p className="source-line">
        <strong>{state.source.name}</strong>
        {size !== null ? <span className="muted"> · {fileSize(size)}</span> : null}
      </p>
      <ProgressBar
        title={`Reading ${state.source.name}`}
        progress={progress}
        cancelling={state.cancelling}
        onCancel={() => session.cancel()}
      />
    </div>
  );
}

const SUMMARY_PARTS: { key: keyof ImportCounts; label: string }[] = [
  { key: 'new', label: 'added' },
  { key: 'updated', label: 'updated' },
  { key: 'keptBoth', label: 'added as other films' },
  { key: 'unchanged', label: 'unchanged' },
  { key: 'skipped', label: 'skipped' },
  { key: 'rejected', label: 'rejected, left out' },
];

/** Opens what was imported: the one film, or the library with the imported films chosen. */
function openImported(filmIds: readonly string[]): void {
  const [only] = filmIds;
  if (filmIds.length === 1 && only) {
    navigate({ view: 'film', id: only });
    return;
  }
  setBrowseSelection({ kind: 'ids', ids: [...filmIds] });
  navigate({ view: 'browse' });
}

function Summary({
  state,
  session,
}: {
  state: Extract<ImportState, { step: 'done' }>;
  session: ImportSession;
}) {
  const { counts, filmIds, backupPath } = state.result;
  return (
    <section className="import-summary" aria-label="Import finished">
      <h2>Imported {state.source.name}</h2>
      <ul className="summary-counts">
        {SUMMARY_PARTS.filter(({ key }) => counts[key] > 0).map(({ key, label }) => (
          <li key={key}>
            <strong>{counts[key].toLocaleString('en')}</strong> {label}
          </li>
        ))}
      </ul>
      {state.notes ? <p>{state.notes}</p> : null}
      {backupPath ? (
        <p className="muted">
          The library as it was before this import is kept at <code>{backupPath}</code>.
        </p>
      ) : null}
      <div className="actions">
        {filmIds.length > 0 ? (
          <button type="button" className="primary" onClick={() => openImported(filmIds)}>
            {filmIds.length === 1
              ? 'Open the imported film'
              : `Show the ${filmCount(filmIds.length)} in the library`}
          </button>
        ) : null}
        <button type="button" onClick={() => session.startOver()}>
          Import another file
        </button>
      </div>
    </section>
  );
}

function Writing({
  state,
  session,
}: {
  state: Extract<ImportState, { step: 'writing' }>;
  session: ImportSession;
}) {
  const progress = useJobProgress(state.jobId);
  return (
    <ProgressBar
      title={`Importing ${state.source.name}`}
      progress={progress}
      cancelling={state.cancelling}
      onCancel={() => session.cancel()}
    />
  );
}

/** The import side of the view, step by step. */
export function ImportPanel({ state, session }: { state: ImportState; session: ImportSession }) {
  switch (state.step) {
    case 'choose':
      return <ChooseFile state={state} session={session} />;
    case 'reading':
      return <Reading state={state} session={session} />;
    case 'preview':
    case 'writing':
      // One tree for both, so the table keeps its filter and selection through a cancelled write.
      return (
        <>
          {state.step === 'writing' ? <Writing state={state} session={session} /> : null}
          <ImportPreview state={state} session={session} />
        </>
      );
    case 'done':
      return <Summary state={state} session={session} />;
  }
}
