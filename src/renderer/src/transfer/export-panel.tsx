import { useEffect, useId, useState } from 'react';
import type { ListQuery } from '../../../shared/browse';
import {
  ApiError,
  type DialogsAvailable,
  type FilmfolioApi,
  type LibraryInfo,
} from '../../../shared/contract';
import type { ExportResult, ExportScope } from '../../../shared/transfer';
import {
  selectionIds,
  selectionSize,
  useBrowseSelection,
  type BrowseSelection,
} from '../browse/browse-selection';
import { useApi } from '../shell/api-context';
import { fileSize } from '../../../shared/file-size';
import { filmCount } from './film-count';
import { ProgressBar } from './progress-bar';
import { useDialogs } from './use-dialogs';
import { newJobId, useJobProgress } from './use-job-progress';

/** Browse's current search and filter, when the export is opened from there. */
export type SearchScope = { query: ListQuery; description: string; count: number };

type ScopeChoice = 'all' | 'selection' | 'search';

type Job = { jobId: string; cancelling: boolean };

/** What the library file will hold, as the transfer layer takes it. */
async function scopeOf(
  api: FilmfolioApi,
  choice: ScopeChoice,
  selection: BrowseSelection | null,
  search: SearchScope | null,
): Promise<ExportScope> {
  if (choice === 'search' && search) return { kind: 'query', query: { ...search.query, offset: 0 } };
  if (choice !== 'selection' || !selection) return { kind: 'all' };
  if (selection.kind === 'query' && selection.except.length === 0) {
    return { kind: 'query', query: { ...selection.query, offset: 0 } };
  }
  return { kind: 'ids', ids: await selectionIds(api, selection) };
}

function useLibraryInfo(): LibraryInfo | null {
  const api = useApi();
  const [info, setInfo] = useState<LibraryInfo | null>(null);
  useEffect(() => {
    let current = true;
    api.library
      .info()
      .then((answer) => current && setInfo(answer))
      .catch(() => undefined);
    return () => {
      current = false;
    };
  }, [api]);
  return info;
}

function ScopeChooser({
  choice,
  onChoice,
  info,
  selection,
  search,
  disabled,
}: {
  choice: ScopeChoice;
  onChoice: (choice: ScopeChoice) => void;
  info: LibraryInfo | null;
  selection: BrowseSelection | null;
  search: SearchScope | null;
  disabled: boolean;
}) {
  const chosen = selectionSize(selection);
  const option = (value: ScopeChoice, label: string, enabled = true) => (
    <label className={choice === value ? 'chosen' : undefined}>
      <input
        type="radio"
        name="export-scope"
        value={value}
        checked={choice === value}
        disabled={!enabled}
        onChange={() => onChoice(value)}
      />
      {label}
    </label>
  );
  return (
    <fieldset className="scope-chooser" disabled={disabled}>
      <legend>Which films</legend>
      {option('all', `The whole library${info ? ` (${filmCount(info.filmCount)})` : ''}`)}
      {search
        ? option('search', `The current search: ${search.description} (${filmCount(search.count)})`)
        : null}
      {option(
        'selection',
        chosen > 0
          ? `The films chosen in the library (${filmCount(chosen)})`
          : 'The films chosen in the library (none chosen)',
        chosen > 0,
      )}
    </fieldset>
  );
}

/** `dialogs` comes from the panel, which has it already: asked anew here, the button would appear a moment late. */
function ExportDone({
  result,
  dialogs,
  onAgain,
}: {
  result: ExportResult;
  dialogs: DialogsAvailable | null;
  onAgain: () => void;
}) {
  const api = useApi();
  const [problem, setProblem] = useState<string | null>(null);
  return (
    <section className="export-done" aria-label="Export finished">
      <h2>Exported {filmCount(result.films)}</h2>
      <p>
        <code>{result.path}</code> <span className="muted">· {fileSize(result.bytes)}</span>
      </p>
      {problem ? <p role="alert">{problem}</p> : null}
      <div className="actions">
        {dialogs?.showInFolder ? (
          <button
            type="button"
            onClick={() =>
              void api.dialog.showInFolder(result.path).catch((error: Error) => setProblem(error.message))
            }
          >
            Show in folder
          </button>
        ) : null}
        <button type="button" onClick={onAgain}>
          Export again
        </button>
      </div>
    </section>
  );
}

/**
 * Export to a library file: which films, with or without posters, where to. In the desktop app
 * "Export…" asks where with the save dialog; elsewhere the path is typed.
 */
export function ExportPanel({ search = null }: { search?: SearchScope | null }) {
  const api = useApi();
  const dialogs = useDialogs();
  const info = useLibraryInfo();
  const selection = useBrowseSelection();
  const pathId = useId();
  const [choice, setChoice] = useState<ScopeChoice>(search ? 'search' : 'all');
  const [images, setImages] = useState(true);
  const [typedPath, setTypedPath] = useState('');
  const [job, setJob] = useState<Job | null>(null);
  const [result, setResult] = useState<ExportResult | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const progress = useJobProgress(job?.jobId ?? null);
  const suggestedName = `${info?.name ?? 'Films'}.filmfolio.json`;

  const run = async () => {
    setMessage(null);
    let path: string | null = typedPath.trim();
    try {
      if (dialogs?.files) path = await api.dialog.saveLibraryFile(suggestedName);
      if (!path) return;
      const jobId = newJobId();
      setJob({ jobId, cancelling: false });
      const scope = await scopeOf(api, choice, selection, search);
      setResult(await api.transfer.export({ path, scope, images }, jobId));
    } catch (error) {
      const cancelled = error instanceof ApiError && error.code === 'CANCELLED';
      setMessage(cancelled ? 'The export was cancelled; no file was written.' : (error as Error).message);
    } finally {
      setJob(null);
    }
  };

  if (result) return <ExportDone result={result} dialogs={dialogs} onAgain={() => setResult(null)} />;
  const busy = job !== null;
  const needsPath = dialogs !== null && !dialogs.files;
  return (
    <section className="export-panel" aria-label="Export">
      <h2>Export films</h2>
      <p className="muted">
        A library file holds every fact of each film, ready to import into Filmfolio on another computer or to
        keep as a copy.
      </p>
      <ScopeChooser
        choice={choice}
        onChoice={setChoice}
        info={info}
        selection={selection}
        search={search}
        disabled={busy}
      />
      <label className="check">
        <input
          type="checkbox"
          checked={images}
          disabled={busy}
          onChange={(event) => setImages(event.target.checked)}
        />
        Include posters{' '}
        <span className="muted">(a larger file; without them each film says it has no poster)</span>
      </label>
      {needsPath ? (
        <div className="path-field">
          <label htmlFor={pathId}>Save to (the file’s full path)</label>
          <input
            id={pathId}
            type="text"
            value={typedPath}
            disabled={busy}
            placeholder={`/home/you/Documents/${suggestedName}`}
            onChange={(event) => setTypedPath(event.target.value)}
          />
        </div>
      ) : null}
      {job ? (
        <ProgressBar
          title="Exporting"
          progress={progress}
          cancelling={job.cancelling}
          onCancel={() => {
            setJob({ ...job, cancelling: true });
            void api.transfer.cancel(job.jobId).catch(() => undefined);
          }}
        />
      ) : (
        <div className="actions">
          <button
            type="button"
            className="primary"
            disabled={dialogs === null || (needsPath && typedPath.trim() === '')}
            onClick={() => void run()}
          >
            {needsPath ? 'Export' : 'Export…'}
          </button>
        </div>
      )}
      {message ? (
        <p role="alert" className="import-message">
          {message}
        </p>
      ) : null}
    </section>
  );
}
