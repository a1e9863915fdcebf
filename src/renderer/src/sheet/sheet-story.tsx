import type { Film, Section } from '../../../shared/film-schema';
import { Paragraphs, SheetSection } from './sheet-parts';

/** Headed parts of a synopsis or of the spoilers, in order. */
function StoryParts({ parts }: { parts: readonly Section[] }) {
  return (
    <>
      {parts.map((part, index) => (
        <div key={index} className="sheet-story-part">
          {part.heading ? <h3 className="sheet-subheading">{part.heading}</h3> : null}
          <Paragraphs text={part.body} />
        </div>
      ))}
    </>
  );
}

/** The plot summary, badly explained: the one-paragraph quip. */
export function QuipSection({ film }: { film: Film }) {
  if (!film.quip) return null;
  return (
    <SheetSection title="Plot summary, badly explained" name="quip">
      <Paragraphs text={film.quip} className="sheet-text sheet-quip" />
    </SheetSection>
  );
}

/** The detailed plot synopsis. */
export function SynopsisSection({ film }: { film: Film }) {
  if (film.synopsis.length === 0) return null;
  return (
    <SheetSection title="Synopsis" name="synopsis">
      <StoryParts parts={film.synopsis} />
    </SheetSection>
  );
}

/** Spoilers and the ending explained; empty stays empty (never filled from other sections). */
export function SpoilersSection({ film }: { film: Film }) {
  if (film.spoilers.length === 0) return null;
  return (
    <SheetSection title="Spoilers and ending explained" name="spoilers">
      <StoryParts parts={film.spoilers} />
    </SheetSection>
  );
}
