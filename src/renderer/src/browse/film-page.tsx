import { FilmSheet } from '../sheet/film-sheet';
import { SHEET_CSS } from '../sheet/sheet-css';
import { navigate } from '../shell/route';
import { useFilm } from './use-film';

function back(): void {
  if (window.history.length > 1) window.history.back();
  else navigate({ view: 'browse' });
}

/** `#/film/ID`: one film on its own page, read-only, with the way back to the library. */
export function FilmPage({ id }: { id: string }) {
  const state = useFilm(id);
  return (
    <section className="film-page" aria-label="Film">
      <div className="film-page-toolbar">
        <button type="button" onClick={back}>
          ← Library
        </button>
        <span className="spacer" />
        <button type="button" onClick={() => navigate({ view: 'sheet', ids: [id] })}>
          Print…
        </button>
        <button type="button" className="primary" onClick={() => navigate({ view: 'edit', id })}>
          Edit
        </button>
      </div>
      {state.status === 'ready' ? (
        <div className="film-page-body">
          <style>{SHEET_CSS}</style>
          <FilmSheet film={state.film} />
        </div>
      ) : state.status === 'loading' ? (
        <p className="muted">Opening the film…</p>
      ) : state.status === 'missing' ? (
        <section className="empty-state">
          <h1>Film not found</h1>
          <p>No film with this id is in the library; it may have been deleted.</p>
          <button type="button" onClick={() => navigate({ view: 'browse' })}>
            Back to the library
          </button>
        </section>
      ) : (
        <p role="alert">The film could not be read: {state.message}</p>
      )}
    </section>
  );
}
