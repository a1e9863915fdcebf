import { useState } from 'react';
import type { LibraryInfo } from '../../../shared/contract';
import type { RecentLibrary } from '../../../shared/settings';
import { useApi } from '../shell/api-context';

type Props = {
  library: LibraryInfo;
  recent: RecentLibrary[];
  /** Called after another library was opened (the main process also reloads the window). */
  onChanged: () => void;
};

const filmCount = (count: number) => (count === 1 ? '1 film' : `${count.toLocaleString()} films`);

/** Which library file is open, and the way to another one: open, create, or one used recently. */
export function LibrarySection({ library, recent, onChanged }: Props) {
  const api = useApi();
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const run = (work: () => Promise<unknown>) => {
    setBusy(true);
    setProblem(null);
    work()
      .then(onChanged)
      .catch((error: unknown) => setProblem(error instanceof Error ? error.message : String(error)))
      .finally(() => setBusy(false));
  };
  const others = recent.filter((entry) => !entry.current);

  return (
    <fieldset>
      <legend>Library</legend>
      <p className="settings-library">
        <strong>{library.name}</strong> <span className="muted">· {filmCount(library.filmCount)}</span>
        <br />
        <code className="settings-path">{library.path}</code>
      </p>
      <div className="settings-actions">
        <button type="button" disabled={busy} onClick={() => run(() => api.library.open())}>
          Open another library…
        </button>
        <button type="button" disabled={busy} onClick={() => run(() => api.library.create())}>
          New library…
        </button>
      </div>
      {problem ? <p role="alert">{problem}</p> : null}
      {others.length > 0 ? (
        <>
          <h2 className="settings-subheading">Recent libraries</h2>
          <ul className="settings-recent" aria-label="Recent libraries">
            {others.map((entry) => (
              <li key={entry.path}>
                <span>
                  {entry.name}
                  {entry.found ? null : <span className="muted"> (not found)</span>}
                  <br />
                  <code className="settings-path">{entry.path}</code>
                </span>
                <button
                  type="button"
                  disabled={busy || !entry.found}
                  aria-label={`Open ${entry.name}`}
                  onClick={() => run(() => api.library.switch(entry.path))}
                >
                  Open
                </button>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </fieldset>
  );
}
