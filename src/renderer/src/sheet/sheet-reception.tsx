import type { Award, Film, Money } from '../../../shared/film-schema';
import { formatMoney } from '../../../shared/format';
import { joinPresent, Paragraphs, SheetPart, SheetSection, WebLink } from './sheet-parts';

/** Box office: budget, domestic and worldwide gross; an unknown amount prints "Unknown", never 0. */
export function BoxOfficeSection({ film, locale }: { film: Film; locale: string | undefined }) {
  const { budget, domestic, worldwide } = film.boxOffice;
  if (budget === null && domestic === null && worldwide === null) return null;
  const rows: [string, Money | null][] = [
    ['Budget', budget],
    ['Domestic gross', domestic],
    ['Worldwide gross', worldwide],
  ];
  return (
    <SheetSection title="Box office" name="box-office">
      <dl className="sheet-facts sheet-money">
        {rows.map(([label, money]) => (
          <div key={label} className="sheet-fact">
            <dt>{label}</dt>
            <dd>{formatMoney(money, locale)}</dd>
          </div>
        ))}
      </dl>
    </SheetSection>
  );
}

function TextList({ items, className }: { items: readonly string[]; className: string }) {
  return (
    <ul className={`sheet-list ${className}`}>
      {items.map((item, index) => (
        <li key={index} className="sheet-entry">
          {item}
        </li>
      ))}
    </ul>
  );
}

function PersonalReview({ film }: { film: Film }) {
  const review = film.personalReview;
  if (!review || (!review.text && review.audience.length === 0 && review.contentWarnings.length === 0)) {
    return null;
  }
  return (
    <SheetPart title="Personal review">
      {review.text ? <Paragraphs text={review.text} /> : null}
      {review.audience.length > 0 ? (
        <div className="sheet-aside">
          <h4 className="sheet-minor-heading">Who would enjoy it</h4>
          <TextList items={review.audience} className="sheet-audience" />
        </div>
      ) : null}
      {review.contentWarnings.length > 0 ? (
        <div className="sheet-aside sheet-warnings">
          <h4 className="sheet-minor-heading">Content warnings</h4>
          <TextList items={review.contentWarnings} className="sheet-content-warnings" />
        </div>
      ) : null}
    </SheetPart>
  );
}

function CriticReviews({ film }: { film: Film }) {
  if (film.criticReviews.length === 0) return null;
  return (
    <SheetPart title="Professional reviews">
      {film.criticReviews.map((review, index) => (
        <div key={index} className="sheet-entry sheet-critic">
          <p className="sheet-entry-title">
            <WebLink url={review.url}>{review.outlet}</WebLink>
            {review.score ? <span className="sheet-score"> · {review.score}</span> : null}
          </p>
          <Paragraphs text={review.text} />
        </div>
      ))}
    </SheetPart>
  );
}

function AudienceReactions({ film }: { film: Film }) {
  if (film.audienceReactions.length === 0) return null;
  return (
    <SheetPart title="Audience reactions">
      {film.audienceReactions.map((reaction, index) => (
        <div key={index} className="sheet-entry sheet-reaction">
          <p className="sheet-entry-title">{reaction.headline}</p>
          {reaction.detail ? <Paragraphs text={reaction.detail} /> : null}
        </div>
      ))}
    </SheetPart>
  );
}

function hasReviews(film: Film): boolean {
  const review = film.personalReview;
  const personal =
    review !== null && (!!review.text || review.audience.length > 0 || review.contentWarnings.length > 0);
  return personal || film.criticReviews.length > 0 || film.audienceReactions.length > 0 || !!film.consensus;
}

/** Reviews: the personal review (who would enjoy it, content warnings), critics, the audience, the consensus. */
export function ReviewsSection({ film }: { film: Film }) {
  if (!hasReviews(film)) return null;
  return (
    <SheetSection title="Reviews" name="reviews">
      <PersonalReview film={film} />
      <CriticReviews film={film} />
      <AudienceReactions film={film} />
      {film.consensus ? (
        <SheetPart title="Overall consensus">
          <Paragraphs text={film.consensus} className="sheet-text sheet-consensus" />
        </SheetPart>
      ) : null}
    </SheetSection>
  );
}

const RESULT_LABEL: Record<Award['result'], string> = { won: 'Won', nominated: 'Nominated' };

/** Awards, each with its category, year and whether it was won. */
export function AwardsSection({ film }: { film: Film }) {
  if (film.awards.length === 0) return null;
  return (
    <SheetSection title="Awards" name="awards">
      <ul className="sheet-list sheet-awards">
        {film.awards.map((award, index) => (
          <li key={index} className="sheet-entry">
            <span className="sheet-award-result">{RESULT_LABEL[award.result]}</span>{' '}
            <span className="sheet-name">{award.event}</span>
            {award.category || award.year !== null ? (
              <span className="sheet-detail-inline"> — {joinPresent([award.category, award.year])}</span>
            ) : null}
          </li>
        ))}
      </ul>
    </SheetSection>
  );
}
