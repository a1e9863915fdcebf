import type { ReactNode } from 'react';
import { webAddress } from './web-address';

/**
 * The sheet's building blocks. Film text always arrives here as React text children (escaped),
 * never as markup: imported text is text.
 */

/** A section with its heading; the caller renders it only when it has something to say. */
export function SheetSection({
  title,
  name,
  children,
}: {
  title: string;
  name: string;
  children: ReactNode;
}) {
  return (
    <section className={`sheet-section sheet-section-${name}`} aria-label={title}>
      <h2 className="sheet-heading">{title}</h2>
      {children}
    </section>
  );
}

/** A titled part inside a section (Personal review, Crew, …). */
export function SheetPart({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div className="sheet-part">
      <h3 className="sheet-subheading">{title}</h3>
      {children}
    </div>
  );
}

/** Splits text on blank lines into paragraphs; single line breaks stay (CSS pre-line). */
export function paragraphsOf(text: string): string[] {
  return text
    .split(/\n\s*\n/)
    .map((part) => part.trim())
    .filter((part) => part !== '');
}

/** Free text as paragraphs. */
export function Paragraphs({ text, className }: { text: string; className?: string }) {
  return (
    <>
      {paragraphsOf(text).map((paragraph, index) => (
        <p key={index} className={className ?? 'sheet-text'}>
          {paragraph}
        </p>
      ))}
    </>
  );
}

/**
 * A link when the address is http or https. Any other address (javascript:, file:, …) is shown as
 * plain text after the label, so the record's value stays visible but nothing else is ever clickable.
 */
export function WebLink({ url, children }: { url: string | null; children: ReactNode }) {
  const href = webAddress(url);
  if (href !== null) {
    return (
      <a className="sheet-link" href={href} rel="noreferrer noopener" target="_blank">
        {children}
      </a>
    );
  }
  if (!url) return <>{children}</>;
  return (
    <>
      {children} <span className="sheet-address">({url})</span>
    </>
  );
}

/** Joins present values with a separator; absent ones leave no stray punctuation. */
export function joinPresent(
  values: readonly (string | number | null | undefined)[],
  separator = ', ',
): string {
  return values.filter((value) => value !== null && value !== undefined && value !== '').join(separator);
}
