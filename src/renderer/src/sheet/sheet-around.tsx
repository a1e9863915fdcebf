import type { Film, Provider } from '../../../shared/film-schema';
import { paragraphsOf, Paragraphs, SheetSection, WebLink } from './sheet-parts';

/** Behind the scenes: the trivia, in order. */
export function BehindTheScenesSection({ film }: { film: Film }) {
  if (film.trivia.length === 0) return null;
  return (
    <SheetSection title="Behind the scenes" name="trivia">
      <ul className="sheet-list sheet-trivia">
        {film.trivia.map((item, index) => (
          <li key={index} className="sheet-entry">
            {item}
          </li>
        ))}
      </ul>
    </SheetSection>
  );
}

const KIND_LABEL: Record<NonNullable<Provider['kind']>, string> = {
  stream: 'streaming',
  rent: 'to rent',
  buy: 'to buy',
};

/** Where to watch: the note, then each provider (with how, and its address when known). */
export function WhereToWatchSection({ film }: { film: Film }) {
  const where = film.whereToWatch;
  if (!where || (!where.note && where.providers.length === 0)) return null;
  return (
    <SheetSection title="Where to watch" name="where-to-watch">
      {where.note ? <Paragraphs text={where.note} /> : null}
      {where.providers.length > 0 ? (
        <ul className="sheet-list sheet-providers">
          {where.providers.map((provider, index) => (
            <li key={index} className="sheet-entry">
              <WebLink url={provider.url}>{provider.name}</WebLink>
              {provider.kind ? (
                <span className="sheet-detail-inline"> ({KIND_LABEL[provider.kind]})</span>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
    </SheetSection>
  );
}

/** Similar films with their years and why. */
export function SimilarSection({ film }: { film: Film }) {
  if (film.similar.length === 0) return null;
  return (
    <SheetSection title="Similar films" name="similar">
      <ul className="sheet-list sheet-similar">
        {film.similar.map((similar, index) => (
          <li key={index} className="sheet-entry">
            <span className="sheet-name">{similar.title}</span>
            {similar.year !== null ? <span className="sheet-year"> ({similar.year})</span> : null}
            {similar.reason ? <span className="sheet-detail">{similar.reason}</span> : null}
          </li>
        ))}
      </ul>
    </SheetSection>
  );
}

/** Related products. */
export function ProductsSection({ film }: { film: Film }) {
  if (film.products.length === 0) return null;
  return (
    <SheetSection title="Related products" name="products">
      <ul className="sheet-list sheet-products">
        {film.products.map((product, index) => (
          <li key={index} className="sheet-entry">
            <span className="sheet-name">
              <WebLink url={product.url}>{product.name}</WebLink>
            </span>
            {product.description ? <span className="sheet-detail">{product.description}</span> : null}
          </li>
        ))}
      </ul>
    </SheetSection>
  );
}

/**
 * The soundtrack note is often "intro:" + "where to find it"; when its first paragraph ends with a
 * colon the tracks go between the two, as on the fact page. Otherwise the note comes first.
 */
function splitSoundtrackNote(note: string | null): { before: string[]; after: string[] } {
  const paragraphs = note ? paragraphsOf(note) : [];
  const [first, ...rest] = paragraphs;
  if (first !== undefined && rest.length > 0 && first.endsWith(':')) return { before: [first], after: rest };
  return { before: paragraphs, after: [] };
}

/** The soundtrack: the note and the tracks with their performers. */
export function SoundtrackSection({ film }: { film: Film }) {
  const soundtrack = film.soundtrack;
  if (!soundtrack || (!soundtrack.note && soundtrack.tracks.length === 0)) return null;
  const { before, after } = splitSoundtrackNote(soundtrack.note);
  return (
    <SheetSection title="Soundtrack" name="soundtrack">
      {before.map((paragraph, index) => (
        <p key={`before-${index}`} className="sheet-text">
          {paragraph}
        </p>
      ))}
      {soundtrack.tracks.length > 0 ? (
        <ol className="sheet-list sheet-tracks">
          {soundtrack.tracks.map((track, index) => (
            <li key={index} className="sheet-entry">
              <span className="sheet-name">“{track.title}”</span>
              {track.performer ? (
                <span className="sheet-detail-inline"> — performed by {track.performer}</span>
              ) : null}
            </li>
          ))}
        </ol>
      ) : null}
      {after.map((paragraph, index) => (
        <p key={`after-${index}`} className="sheet-text">
          {paragraph}
        </p>
      ))}
    </SheetSection>
  );
}

/** Questions and answers; an answer whose question is only implied prints alone. */
export function FaqSection({ film }: { film: Film }) {
  if (film.faq.length === 0) return null;
  return (
    <SheetSection title="FAQ" name="faq">
      {film.faq.map((entry, index) => (
        <div key={index} className="sheet-entry sheet-faq-entry">
          {entry.question ? <p className="sheet-entry-title sheet-question">{entry.question}</p> : null}
          <Paragraphs text={entry.answer} />
        </div>
      ))}
    </SheetSection>
  );
}

/** Bonus content, kept as given (even when it plainly belongs to another film). */
export function BonusSection({ film }: { film: Film }) {
  if (film.bonus.length === 0) return null;
  return (
    <SheetSection title="Bonus content" name="bonus">
      {film.bonus.map((bonus, index) => (
        <div key={index} className="sheet-entry sheet-bonus">
          <p className="sheet-entry-title">
            <WebLink url={bonus.url}>{bonus.title}</WebLink>
          </p>
          {bonus.description ? <Paragraphs text={bonus.description} /> : null}
        </div>
      ))}
    </SheetSection>
  );
}
