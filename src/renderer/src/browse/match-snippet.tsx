import { Fragment, type ReactNode } from 'react';
import { MATCH_END, MATCH_START, searchFields, type FilmSummary } from '../../../shared/browse';

const SPLIT = new RegExp(`${MATCH_START}(.*?)${MATCH_END}`, 'gs');

/** Strips the match markers: the text as stored. */
export const plainSnippet = (snippet: string) =>
  snippet.replaceAll(MATCH_START, '').replaceAll(MATCH_END, '');

/** A snippet with the matched words in <mark>; the index's line breaks between values read as " · ". */
export function Marked({ snippet }: { snippet: string }) {
  const parts: ReactNode[] = [];
  let last = 0;
  for (const found of snippet.matchAll(SPLIT)) {
    parts.push(snippet.slice(last, found.index));
    parts.push(<mark key={found.index}>{found[1]}</mark>);
    last = found.index + found[0].length;
  }
  parts.push(snippet.slice(last));
  return (
    <>
      {parts.map((part, i) =>
        typeof part === 'string' ? <Fragment key={`t${i}`}>{part.replaceAll('\n', ' · ')}</Fragment> : part,
      )}
    </>
  );
}

/**
 * The title, with the searched words marked when the title is what matched. (The title snippet
 * starts with the title; an original title may follow on the next line.)
 */
export function FilmTitle({ film }: { film: FilmSummary }) {
  const match = film.match;
  if (match?.field === 'title') {
    const firstLine = match.snippet.split('\n')[0] ?? '';
    if (plainSnippet(firstLine) === film.title.normalize('NFC')) return <Marked snippet={firstLine} />;
  }
  return <>{film.title}</>;
}

/**
 * Keeps one word before the first marked one, so the mark shows even in a narrow column (with the
 * field's name before it, the table's title column has room for about 30 letters).
 */
export function leadUpToMark(snippet: string, wordsBefore = 1): string {
  const first = snippet.indexOf(MATCH_START);
  if (first < 0) return snippet;
  const before = snippet.slice(0, first).split(/(?<=\s)/);
  if (before.length <= wordsBefore) return snippet;
  return `…${before.slice(-wordsBefore).join('')}${snippet.slice(first)}`;
}

/** "matched a quote: …the marked words…", unless the title itself matched in full. */
export function MatchNote({ film }: { film: FilmSummary }) {
  const match = film.match;
  if (!match) return null;
  const lines = match.snippet.split('\n');
  const shown = match.field === 'title' ? lines.slice(1).join('\n') : match.snippet;
  if (match.field === 'title' && !shown.includes(MATCH_START)) return null;
  return (
    <span className="match-note">
      <span className="match-field">
        matched {match.field === 'title' ? 'the original title' : searchFields[match.field]}:
      </span>{' '}
      <Marked snippet={leadUpToMark(shown)} />
    </span>
  );
}
