import { useEffect, useState } from 'react';
import type { FilmSummary } from '../../../shared/browse';
import type { SimilarFilm } from '../../../shared/film-schema';
import { useApi } from '../shell/api-context';

type FilmLinkPickerProps = {
  similar: SimilarFilm;
  /** The film being edited, which cannot be similar to itself. */
  ownId: string | undefined;
  onLink: (film: FilmSummary | null) => void;
};

/** Links a similar film to a film of the library, found by searching; or unlinks it. */
export function FilmLinkPicker({ similar, ownId, onLink }: FilmLinkPickerProps) {
  const api = useApi();
  const [searching, setSearching] = useState(false);
  const [query, setQuery] = useState(similar.title);
  const [found, setFound] = useState<FilmSummary[]>([]);
  useEffect(() => {
    if (!searching || query.trim() === '') return undefined;
    let current = true;
    const timer = setTimeout(() => {
      api.films
        .list({ search: query, sort: 'relevance', limit: 6 })
        .then((page) => current && setFound(page.films.filter((film) => film.id !== ownId)))
        .catch(() => current && setFound([]));
    }, 150);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [api, searching, query, ownId]);

  if (similar.filmId !== null) {
    return (
      <p className="film-link">
        <span className="badge">In your library</span>{' '}
        <button type="button" className="link" onClick={() => onLink(null)}>
          Unlink
        </button>
      </p>
    );
  }
  if (!searching) {
    return (
      <p className="film-link">
        <button type="button" className="link" onClick={() => setSearching(true)}>
          Link to a film in the library…
        </button>
      </p>
    );
  }
  return (
    <div className="film-link-search">
      <input
        type="search"
        aria-label="Find the film in your library"
        value={query}
        autoFocus
        onChange={(event) => setQuery(event.target.value)}
        onKeyDown={(event) => event.key === 'Escape' && setSearching(false)}
      />
      <ul aria-label="Films found">
        {found.map((film) => (
          <li key={film.id}>
            <button
              type="button"
              onClick={() => {
                onLink(film);
                setSearching(false);
              }}
            >
              {film.title}
              {film.year !== null ? ` (${film.year})` : ''}
            </button>
          </li>
        ))}
        {found.length === 0 ? <li className="muted">No film of the library matches.</li> : null}
      </ul>
      <button type="button" className="link" onClick={() => setSearching(false)}>
        Cancel
      </button>
    </div>
  );
}
