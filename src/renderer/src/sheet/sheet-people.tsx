import type { Film } from '../../../shared/film-schema';
import { SheetPart, SheetSection } from './sheet-parts';

/** Cast in billing order, then the crew credits. */
export function CastSection({ film }: { film: Film }) {
  if (film.cast.length === 0 && film.crew.length === 0) return null;
  return (
    <SheetSection title="Cast & characters" name="cast">
      {film.cast.length > 0 ? (
        <ul className="sheet-list sheet-cast">
          {film.cast.map((member, index) => (
            <li key={index} className="sheet-entry">
              <span className="sheet-name">{member.person}</span>
              {member.character ? <span className="sheet-character"> as {member.character}</span> : null}
              {member.description ? <span className="sheet-detail">{member.description}</span> : null}
            </li>
          ))}
        </ul>
      ) : null}
      {film.crew.length > 0 ? (
        <SheetPart title="Crew">
          <ul className="sheet-list sheet-crew">
            {film.crew.map((credit, index) => (
              <li key={index} className="sheet-entry">
                <span className="sheet-name">{credit.person}</span>
                <span className="sheet-job"> — {credit.job}</span>
              </li>
            ))}
          </ul>
        </SheetPart>
      ) : null}
    </SheetSection>
  );
}

/** Memorable quotes: the words, who said them, and when. */
export function QuotesSection({ film }: { film: Film }) {
  if (film.quotes.length === 0) return null;
  return (
    <SheetSection title="Memorable quotes" name="quotes">
      {film.quotes.map((quote, index) => (
        <figure key={index} className="sheet-entry sheet-quote">
          <blockquote className="sheet-quote-text">“{quote.text}”</blockquote>
          {quote.speaker || quote.context ? (
            <figcaption className="sheet-quote-source">
              {quote.speaker ? <span className="sheet-name">{quote.speaker}</span> : null}
              {quote.speaker && quote.context ? ' — ' : null}
              {quote.context ? <span className="sheet-detail-inline">{quote.context}</span> : null}
            </figcaption>
          ) : null}
        </figure>
      ))}
    </SheetSection>
  );
}
