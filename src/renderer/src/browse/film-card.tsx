import { useState } from 'react';
import type { FilmSummary } from '../../../shared/browse';
import { posterAddress } from '../../../shared/poster-address';
import { ratingText } from './columns';
import { FilmTitle, MatchNote } from './match-snippet';
import { PosterPlaceholder } from './poster-placeholder';

/** One film in the grid: poster (or its stand-in), title, year, own rating, seen and loan marks. */
export function FilmCard({ film }: { film: FilmSummary }) {
  return (
    <>
      <div className="card-poster">
        <CardPoster film={film} />
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

/** The film's own poster through the poster scheme; the placeholder when it has none or it fails to load. */
function CardPoster({ film }: { film: FilmSummary }) {
  const [failed, setFailed] = useState(false);
  if (!film.hasPoster || failed) return <PosterPlaceholder title={film.title} year={film.year} />;
  return (
    <img
      className="card-poster-image"
      src={posterAddress(film.id)}
      alt={`Poster of ${film.title}`}
      loading="lazy"
      decoding="async"
      onError={() => setFailed(true)}
    />
  );
}
