import { FilmSheet } from '../sheet/film-sheet';
import { SHEET_CSS } from '../sheet/sheet-css';
import { navigate } from '../shell/route';
import { useFilm } from './use-film';

type DetailPaneProps = {
  /** The film to show: the one chosen, or the one the keyboard is on. */
  filmId: string | null;
  /** How many films are chosen, when more than one. */
  chosenCount: number;
  refresh: number;
  onClose: () => void;
};

/**
 * The chosen film, read-only, with every section its record holds in the fact page's order (the
 * printable sheet's own markup, so screen and paper agree); empty sections leave no heading.
 */
export function DetailPane({ filmId, chosenCount, refresh, onClose }: DetailPaneProps) {
  const state = useFilm(filmId, refresh);
  return (
    <aside className="detail-pane" aria-label="Film details">
      <div className="detail-toolbar">
        {filmId ? (
          <>
            <button type="button" onClick={() => navigate({ view: 'film', id: filmId })}>
              Open
            </button>
            <button type="button" onClick={() => navigate({ view: 'edit', id: filmId })}>
              Edit
            </button>
          </>
        ) : null}
        <span className="spacer" />
        <button
          type="button"
          className="icon-button"
          aria-label="Hide details"
          title="Hide details"
          onClick={onClose}
        >
          ×
        </button>
      </div>
      <div className="detail-body">
        {filmId === null ? (
          <p className="muted detail-hint">
            {chosenCount > 1
              ? `${chosenCount.toLocaleString()} films chosen.`
              : 'Choose a film to see everything about it here.'}
          </p>
        ) : state.status === 'ready' ? (
          <>
            <style>{SHEET_CSS}</style>
            <FilmSheet film={state.film} />
          </>
        ) : state.status === 'loading' ? (
          <p className="muted detail-hint">Opening…</p>
        ) : state.status === 'missing' ? (
          <p className="muted detail-hint">This film is no longer in the library.</p>
        ) : (
          <p role="alert">The film could not be read: {state.message}</p>
        )}
      </div>
    </aside>
  );
}
