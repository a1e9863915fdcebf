import type { ReactNode } from 'react';
import type { Film } from '../../../shared/film-schema';
import { formatRating, formatRuntime } from '../../../shared/format';
import { WebLink } from './sheet-parts';
import { posterSource } from './web-address';

type Fact = { label: string; value: ReactNode };

const plural = (count: number, one: string, many: string) => (count === 1 ? one : many);

/** The trailer's label, linked when it has a web address; a bare "Trailer" says it has none. */
function Trailer({ trailer }: { trailer: NonNullable<Film['trailer']> }) {
  if (trailer.url !== null) return <WebLink url={trailer.url}>{trailer.label}</WebLink>;
  return (
    <>
      {/^trailer$/i.test(trailer.label) ? 'Listed, no address given' : `${trailer.label} (no address given)`}
    </>
  );
}

/** The quick overview's facts, in the fact page's order; absent ones are left out. */
function overviewFacts(film: Film, locale: string | undefined): Fact[] {
  const facts: (Fact | null)[] = [
    film.originalTitle ? { label: 'Original title', value: film.originalTitle } : null,
    film.directors.length > 0
      ? { label: plural(film.directors.length, 'Director', 'Directors'), value: film.directors.join(', ') }
      : null,
    film.genres.length > 0
      ? { label: plural(film.genres.length, 'Genre', 'Genres'), value: film.genres.join(', ') }
      : null,
    film.year !== null ? { label: 'Release year', value: String(film.year) } : null,
    film.runtimeMinutes !== null ? { label: 'Runtime', value: formatRuntime(film.runtimeMinutes) } : null,
    ...film.ratings.map((rating) => ({ label: rating.source, value: formatRating(rating, locale) })),
    film.trailer ? { label: 'Trailer', value: <Trailer trailer={film.trailer} /> } : null,
    ...Object.entries(film.externalIds).map(([source, id]) => ({ label: `${source} id`, value: id })),
  ];
  return facts.filter((fact): fact is Fact => fact !== null);
}

/** The title block at the head of a sheet: the title and a one-line byline (year, genres). */
export function SheetTitle({ film }: { film: Film }) {
  const byline = [
    film.year === null ? null : String(film.year),
    film.genres.length > 0 ? film.genres.join(', ') : null,
  ].filter((part): part is string => part !== null);
  return (
    <header className="sheet-title-block">
      <h1 className="sheet-title">{film.title}</h1>
      {byline.length > 0 ? <p className="sheet-byline">{byline.join(' · ')}</p> : null}
    </header>
  );
}

/** The quick overview as a fact box, with the poster when the film has one. */
export function FactBox({ film, locale }: { film: Film; locale: string | undefined }) {
  const facts = overviewFacts(film, locale);
  const poster = posterSource(film.poster);
  if (facts.length === 0 && poster === null) return null;
  return (
    <section className="sheet-section sheet-overview" aria-label="Quick overview">
      {poster !== null ? <img className="sheet-poster" src={poster} alt={`Poster of ${film.title}`} /> : null}
      {facts.length > 0 ? (
        <dl className="sheet-facts">
          {facts.map((fact, index) => (
            <div key={index} className="sheet-fact">
              <dt>{fact.label}</dt>
              <dd>{fact.value}</dd>
            </div>
          ))}
        </dl>
      ) : null}
    </section>
  );
}
