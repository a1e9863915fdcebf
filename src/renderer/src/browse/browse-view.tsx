import { useCallback, useEffect, useState } from 'react';
import type { FilmPage } from '../../../shared/browse';
import { useApi } from '../shell/api-context';
import { navigate } from '../shell/route';

type State =
  { status: 'loading' } | { status: 'ready'; page: FilmPage } | { status: 'failed'; message: string };

/** The library list: the first page of films, or a welcome when the library is empty. */
export function BrowseView() {
  const api = useApi();
  const [state, setState] = useState<State>({ status: 'loading' });
  const load = useCallback(() => {
    api.films
      .list({ sort: 'title', limit: 200 })
      .then((page) => setState({ status: 'ready', page }))
      .catch((error: unknown) => setState({ status: 'failed', message: String((error as Error).message) }));
  }, [api]);
  useEffect(load, [load]);

  if (state.status === 'loading') return <p className="muted">Opening the library…</p>;
  if (state.status === 'failed') return <p role="alert">The library could not be read: {state.message}</p>;
  if (state.page.total === 0) return <EmptyLibrary onOpened={load} />;
  return (
    <section aria-label="Films">
      <p className="muted">
        {state.page.total === 1 ? '1 film' : `${state.page.total.toLocaleString()} films`}
      </p>
      <table className="film-table">
        <thead>
          <tr>
            <th scope="col">Title</th>
            <th scope="col">Year</th>
            <th scope="col">Directors</th>
            <th scope="col">Genres</th>
          </tr>
        </thead>
        <tbody>
          {state.page.films.map((film) => (
            <tr key={film.id} onClick={() => navigate({ view: 'film', id: film.id })}>
              <td>{film.title}</td>
              <td>{film.year ?? ''}</td>
              <td>{film.directors.join(', ')}</td>
              <td>{film.genres.join(', ')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function EmptyLibrary({ onOpened }: { onOpened: () => void }) {
  const api = useApi();
  const [busy, setBusy] = useState(false);
  return (
    <section className="empty-state">
      <h1>Your library is empty</h1>
      <p>Import a library file or a film fact page, add a film by hand, or start from the sample film.</p>
      <div className="actions">
        <button type="button" className="primary" onClick={() => navigate({ view: 'transfer' })}>
          Import…
        </button>
        <button type="button" onClick={() => navigate({ view: 'edit', id: null })}>
          Add a film
        </button>
        <button
          type="button"
          disabled={busy}
          onClick={() => {
            setBusy(true);
            void api.library
              .openSample()
              .then(onOpened)
              .finally(() => setBusy(false));
          }}
        >
          Open the sample film
        </button>
      </div>
    </section>
  );
}
