import type { FilmSummary } from '../../../shared/browse';
import { ratingText } from './columns';
import { FilmTitle, MatchNote } from './match-snippet';
import { PosterPlaceholder } from './poster-placeholder';

/** One film in the grid: poster (or its stand-in), title, year, own rating, seen and loan marks. */
export function FilmCard({ film }: { film: FilmSummary }) {
  return (
    <>
      <div className="card-poster">
        <PosterPlaceholder title={film.title} year={film.year} />
        <span className="card-marks">
          {film.overdue ? (
            <span className="badge badge-overdue">overdue</span>
          ) : film.onLoan ? (
            <span className="badge badge-loan">on loan</span>
          ) : null}
          {film.seen ? (
            <span className="badge badge-seen" title="Seen">
              ✓ seen
            </span>
          ) : null}
        </span>
      </div>
      <div className="card-text">
        <span className="card-title">
          <FilmTitle film={film} />
        </span>
        <span className="card-meta">
          <span>{film.year ?? ''}</span>
          {film.userRating === null ? null : (
            <span className="own-rating">★ {ratingText(film.userRating)}</span>
          )}
        </span>
        <MatchNote film={film} />
      </div>
    </>
  );
}
