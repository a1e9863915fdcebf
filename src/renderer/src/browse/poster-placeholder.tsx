import type { CSSProperties } from 'react';

/** The first letters of a title's first two words that count ("The Work" → "W"; "Silent Harbour" → "SH"). */
export function titleInitials(title: string): string {
  const words = title
    .normalize('NFC')
    .split(/\s+/)
    .filter((word) => /[\p{L}\p{N}]/u.test(word))
    .filter(
      (word, index, all) =>
        !(index === 0 && all.length > 1 && /^(the|a|an|le|la|les|der|die|das|el)$/i.test(word)),
    );
  return words
    .slice(0, 2)
    .map((word) => [...word.replace(/^[^\p{L}\p{N}]+/u, '')][0] ?? '')
    .join('')
    .toLocaleUpperCase();
}

/** A calm hue for a title, the same every time (a card keeps its colour). */
export function titleHue(title: string): number {
  let hash = 0;
  for (const char of title) hash = (hash * 31 + (char.codePointAt(0) ?? 0)) >>> 0;
  return hash % 360;
}

/** A typographic stand-in for a poster: the title's initials on a tinted card. */
export function PosterPlaceholder({ title, year }: { title: string; year: number | null }) {
  return (
    <div
      className="poster-placeholder"
      style={{ '--poster-hue': titleHue(title) } as CSSProperties}
      aria-hidden="true"
    >
      <span className="poster-initials">{titleInitials(title)}</span>
      {year === null ? null : <span className="poster-year">{year}</span>}
    </div>
  );
}
