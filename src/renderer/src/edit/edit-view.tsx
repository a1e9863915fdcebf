import { useEffect, useRef, useState } from 'react';
import type { Film } from '../../../shared/film-schema';
import { useApi } from '../shell/api-context';
import { navigate } from '../shell/route';
import { FilmEditor } from './film-editor';
import { clearNewFilmDraft, waitingNewFilmDraft } from './new-film-draft';

type Loaded =
  | { status: 'loading' }
  | { status: 'ready'; film: Film | null }
  | { status: 'missing'; id: string }
  | { status: 'failed'; message: string };

/** `#/edit/ID` and `#/edit/new`: loads the film (or starts a new one) and opens the editor. */
export function EditView({ id }: { id: string | null }) {
  const api = useApi();
  const [loaded, setLoaded] = useState<Loaded>(
    id === null ? { status: 'ready', film: null } : { status: 'loading' },
  );
  // A film just created here is already at hand when the address moves to it.
  const justCreated = useRef<Film | null>(null);
  // A new film handed over (a pasted fact page) opens unsaved; taken once, so a later New film starts blank.
  const [handed, setHanded] = useState(() => (id === null ? waitingNewFilmDraft() : null));
  useEffect(() => {
    if (id !== null) {
      setHanded(null);
      return;
    }
    const waiting = waitingNewFilmDraft();
    if (waiting) {
      setHanded(waiting);
      clearNewFilmDraft();
    }
  }, [id]);
  useEffect(() => {
    if (id === null) {
      setLoaded({ status: 'ready', film: null });
      return undefined;
    }
    if (justCreated.current?.id === id) {
      setLoaded({ status: 'ready', film: justCreated.current });
      return undefined;
    }
    let current = true;
    setLoaded({ status: 'loading' });
    api.films
      .get(id)
      .then((film) => current && setLoaded(film ? { status: 'ready', film } : { status: 'missing', id }))
      .catch(
        (error: unknown) => current && setLoaded({ status: 'failed', message: (error as Error).message }),
      );
    return () => {
      current = false;
    };
  }, [api, id]);

  if (loaded.status === 'loading') return <p className="muted">Opening the film…</p>;
  if (loaded.status === 'failed') return <p role="alert">The film could not be read: {loaded.message}</p>;
  if (loaded.status === 'missing') {
    return (
      <section className="empty-state">
        <h1>This film is not in the library</h1>
        <p>No film has the id {loaded.id}. It may have been deleted for good from the trash.</p>
        <div className="actions">
          <button type="button" onClick={() => navigate({ view: 'browse' })}>
            Back to the library
          </button>
        </div>
      </section>
    );
  }
  return (
    <FilmEditor
      key={loaded.film?.id ?? (handed ? `handed-${handed.key}` : 'new')}
      film={loaded.film}
      initialDraft={loaded.film ? undefined : handed?.draft}
      notice={loaded.film ? undefined : handed?.notice}
      onCreated={(film) => {
        justCreated.current = film;
      }}
    />
  );
}
