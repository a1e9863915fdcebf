import { useCallback, useEffect, useState } from 'react';
import type { TrashedFilm } from '../../../shared/library-edits';
import { useApi } from '../shell/api-context';
import { navigate } from '../shell/route';
import { ConfirmDialog } from './confirm-dialog';
import { showToast } from './toasts';
import './edit.css';

const PAGE = 100;

type Trash = { total: number; films: TrashedFilm[] };
type Question = { kind: 'empty' } | { kind: 'delete'; film: TrashedFilm };

const when = (iso: string) => new Date(iso).toLocaleString();
const named = (film: TrashedFilm) => `“${film.title}”${film.year !== null ? ` (${film.year})` : ''}`;

/** `#/trash`: films moved to the trash, to restore, or to delete for good (one, or all). */
export function TrashView() {
  const api = useApi();
  const [trash, setTrash] = useState<Trash | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [question, setQuestion] = useState<Question | null>(null);
  const load = useCallback(
    (limit = PAGE) =>
      api.trash
        .list({ offset: 0, limit })
        .then((page) => setTrash({ total: page.total, films: page.films }))
        .catch((error: unknown) => setFailure((error as Error).message)),
    [api],
  );
  useEffect(() => {
    void load();
  }, [load]);

  const shown = trash?.films.length ?? PAGE;
  const restore = async (film: TrashedFilm) => {
    await api.films.restore([film.id]);
    showToast(`${named(film)} is back in the library.`, {
      label: 'Open',
      run: () => navigate({ view: 'edit', id: film.id }),
    });
    await load(shown);
  };
  const deleteForGood = async (ids: string[] | null) => {
    setQuestion(null);
    const count = await api.trash.empty(ids);
    showToast(count === 1 ? 'One film deleted for good.' : `${count} films deleted for good.`);
    await load(shown);
  };

  if (failure) return <p role="alert">The trash could not be read: {failure}</p>;
  if (!trash) return <p className="muted">Opening the trash…</p>;
  return (
    <section className="trash-view" aria-labelledby="trash-title">
      <header className="trash-header">
        <h1 id="trash-title">Trash</h1>
        <p className="muted">
          {trash.total === 0
            ? 'The trash is empty. Films you delete wait here until you restore them or empty the trash.'
            : `${trash.total === 1 ? 'One film' : `${trash.total.toLocaleString()} films`}, hidden from the library until restored or deleted for good.`}
        </p>
        {trash.total > 0 ? (
          <button type="button" className="danger" onClick={() => setQuestion({ kind: 'empty' })}>
            Empty trash…
          </button>
        ) : null}
      </header>
      {trash.films.length > 0 ? (
        <table className="film-table trash-table">
          <thead>
            <tr>
              <th scope="col">Title</th>
              <th scope="col">Year</th>
              <th scope="col">Moved to the trash</th>
              <th scope="col">
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {trash.films.map((film) => (
              <tr key={film.id}>
                <td>{film.title}</td>
                <td>{film.year ?? ''}</td>
                <td>{when(film.deletedAt)}</td>
                <td>
                  <div className="row-actions">
                    <button
                      type="button"
                      aria-label={`Restore ${film.title}`}
                      onClick={() => void restore(film)}
                    >
                      Restore
                    </button>
                    <button
                      type="button"
                      className="link danger-text"
                      aria-label={`Delete ${film.title} for good`}
                      onClick={() => setQuestion({ kind: 'delete', film })}
                    >
                      Delete for good…
                    </button>
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {trash.films.length < trash.total ? (
        <button type="button" onClick={() => void load(shown + PAGE)}>
          Show more ({(trash.total - trash.films.length).toLocaleString()} not shown)
        </button>
      ) : null}
      {question ? (
        <ConfirmDialog
          title={
            question.kind === 'empty'
              ? `Delete all ${trash.total.toLocaleString()} films in the trash for good?`
              : `Delete ${named(question.film)} for good?`
          }
          choices={[
            {
              label: 'Delete for good',
              danger: true,
              onChoose: () => void deleteForGood(question.kind === 'empty' ? null : [question.film.id]),
            },
            { label: 'Cancel', onChoose: () => setQuestion(null) },
          ]}
        >
          <p>
            This cannot be undone: the film and everything it holds (copies, loans, poster) leave the library
            file.
          </p>
        </ConfirmDialog>
      ) : null}
    </section>
  );
}
