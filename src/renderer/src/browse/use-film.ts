import { useEffect, useState } from 'react';
import type { Film } from '../../../shared/film-schema';
import { useApi } from '../shell/api-context';

export type FilmState =
  | { status: 'loading' }
  | { status: 'ready'; film: Film }
  | { status: 'missing' }
  | { status: 'failed'; message: string };

/** The whole record of one film, fetched when the id changes (a late answer for another id is dropped). */
export function useFilm(id: string | null, refresh = 0): FilmState {
  const api = useApi();
  const [state, setState] = useState<{ id: string | null; value: FilmState }>({
    id: null,
    value: { status: 'loading' },
  });
  useEffect(() => {
    if (id === null) return undefined;
    let current = true;
    api.films
      .get(id)
      .then((film) => {
        if (current) setState({ id, value: film ? { status: 'ready', film } : { status: 'missing' } });
      })
      .catch((error: unknown) => {
        if (current)
          setState({
            id,
            value: { status: 'failed', message: error instanceof Error ? error.message : String(error) },
          });
      });
    return () => {
      current = false;
    };
  }, [api, id, refresh]);
  return state.id === id ? state.value : { status: 'loading' };
}
