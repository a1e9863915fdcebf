import type { Film } from '../../../shared/film-schema';
import {
  BehindTheScenesSection,
  BonusSection,
  FaqSection,
  ProductsSection,
  SimilarSection,
  SoundtrackSection,
  WhereToWatchSection,
} from './sheet-around';
import { CollectionSection } from './sheet-collection';
import { FactBox, SheetTitle } from './sheet-overview';
import { CastSection, QuotesSection } from './sheet-people';
import { AwardsSection, BoxOfficeSection, ReviewsSection } from './sheet-reception';
import { QuipSection, SpoilersSection, SynopsisSection } from './sheet-story';

/** The id of a film's sheet element, for linking to it on screen. */
export function sheetAnchor(film: Film): string {
  return `film-${film.id}`;
}

/**
 * A film as a printed document: the fact page's sections in its order, then the collector's own.
 * Every section renders only when it has content, so an empty one leaves no heading behind.
 * Read-only; the same markup serves the screen (browse's detail pane, the sheet view) and paper.
 * Its look is SHEET_CSS (./sheet-css): render `<style>{SHEET_CSS}</style>` once beside it.
 */
export function FilmSheet({ film, locale }: { film: Film; locale?: string }) {
  return (
    <article className="film-sheet" id={sheetAnchor(film)}>
      <SheetTitle film={film} />
      <FactBox film={film} locale={locale} />
      <QuipSection film={film} />
      <SynopsisSection film={film} />
      <SpoilersSection film={film} />
      <CastSection film={film} />
      <QuotesSection film={film} />
      <BoxOfficeSection film={film} locale={locale} />
      <ReviewsSection film={film} />
      <AwardsSection film={film} />
      <BehindTheScenesSection film={film} />
      <WhereToWatchSection film={film} />
      <SimilarSection film={film} />
      <ProductsSection film={film} />
      <SoundtrackSection film={film} />
      <FaqSection film={film} />
      <BonusSection film={film} />
      <CollectionSection film={film} locale={locale} />
    </article>
  );
}
