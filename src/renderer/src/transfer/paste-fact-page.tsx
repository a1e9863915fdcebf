import { useEffect, useId, useState } from 'react';
import type { FilmSummary } from '../../../shared/browse';
import { parseFactPage, type FactPageResult } from '../../../shared/fact-page';
import { openNewFilmDraft } from '../edit/new-film-draft';
import { useApi } from '../shell/api-context';
import { notesWithLines } from './unplaced-lines';

type Reading = { status: 'read'; result: FactPageResult } | { status: 'failed'; message: string };

/** A film in the library with the page's title (and year, when both have one). */
function useSameFilms(title: string | null, year: number | null): FilmSummary[] {
  const api = useApi();
  const [found, setFound] = useState<FilmSummary[]>([]);
  useEffect(() => {
    if (!title) return undefined;
    let current = true;
    api.films
      .list({ search: title, limit: 20 })
      .then((page) => {
        const same = page.films.filter(
          (film) =>
            film.title.toLowerCase() === title.toLowerCase() &&
            (year === null || film.year === null || film.year === year),
        );
        if (current) setFound(same);
      })
      // Only a hint: without it the person still sees the film before saving.
      .catch(() => undefined);
    return () => {
      current = false;
    };
  }, [api, title, year]);
  return title ? found : [];
}

/** A short description of what the page gave, so a wrong paste is seen before opening the editor. */
function FilmFacts({ result }: { result: FactPageResult }) {
  const { film } = result;
  const facts = [
    film.year !== null ? ['Year', String(film.year)] : null,
    film.directors.length > 0 ? ['Directed by', film.directors.join(', ')] : null,
    film.runtimeMinutes !== null ? ['Runtime', `${film.runtimeMinutes} min`] : null,
    film.genres.length > 0 ? ['Genres', film.genres.join(', ')] : null,
    film.cast.length > 0 ? ['Cast', `${film.cast.length} people`] : null,
    film.quotes.length > 0 ? ['Quotes', String(film.quotes.length)] : null,
  ].filter((fact): fact is [string, string] => fact !== null);
  return (
    <dl className="film-facts">
      {facts.map(([label, value]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

function ReadPage({ result, onImport }: { result: FactPageResult; onImport: () => void }) {
  const [keep, setKeep] = useState(true);
  const same = useSameFilms(result.film.title, result.film.year);
  const open = () => {
    const notes = keep ? notesWithLines(result.film.notes, result.unplaced) : result.film.notes;
    const kept =
      keep && result.unplaced.length > 0
        ? ` Its ${result.unplaced.length} unplaced lines are at the end of Notes.`
        : '';
    openNewFilmDraft({
      draft: { ...result.film, notes },
      notice: `Read from a pasted fact page: check it, then Save to add it to the library.${kept}`,
    });
  };
  return (
    <section className="paste-result" aria-label="The film the page describes">
      <h3>
        {result.film.title}
        {result.film.year !== null ? ` (${result.film.year})` : ''}
      </h3>
      <FilmFacts result={result} />
      {same.length > 0 ? (
        <p className="paste-duplicate" role="note">
          Your library already has{' '}
          {same.map((film) => `“${film.title}”${film.year ? ` (${film.year})` : ''}`).join(', ')}. Opening the
          page in the editor makes another film; to update yours, import the page instead.
        </p>
      ) : null}
      {result.warnings.length > 0 ? (
        <section className="findings findings-warning" aria-label="What the reader noticed">
          <h3>What the reader noticed</h3>
          <ul>
            {result.warnings.map((warning) => (
              <li key={warning}>{warning}</li>
            ))}
          </ul>
        </section>
      ) : null}
      {result.unplaced.length > 0 ? (
        <section className="findings unplaced" aria-label="Lines not placed in any field">
          <h3>
            Lines not placed in any field <span className="muted">({result.unplaced.length})</span>
          </h3>
          <ul>
            {result.unplaced.map((line) => (
              <li key={line.line}>
                <span className="finding-path">line {line.line}</span> {line.text}
              </li>
            ))}
          </ul>
          <label className="check">
            <input type="checkbox" checked={keep} onChange={(event) => setKeep(event.target.checked)} />
            Keep these lines in the film’s notes
          </label>
        </section>
      ) : (
        <p className="muted">Every line of the page found its field.</p>
      )}
      <div className="actions">
        <button type="button" className="primary" onClick={open}>
          Open in the editor
        </button>
        <button type="button" onClick={onImport}>
          Import it, checking for duplicates
        </button>
      </div>
    </section>
  );
}

/**
 * "Paste a fact page": the text of a film's fact page (saved from the web, kept in notes) read into
 * a film, shown with the lines no field took, then opened in the editor as a new, unsaved film.
 */
export function PasteFactPage({ onImport }: { onImport: (text: string) => void }) {
  const textId = useId();
  const [text, setText] = useState('');
  const [reading, setReading] = useState<Reading | null>(null);
  const read = () => {
    try {
      setReading({ status: 'read', result: parseFactPage(text) });
    } catch (error) {
      setReading({ status: 'failed', message: (error as Error).message });
    }
  };
  return (
    <section className="paste-panel" aria-label="Paste a fact page">
      <h2>Paste a fact page</h2>
      <div className="paste-columns">
        <div className="paste-input">
          <label htmlFor={textId}>
            The page’s text{' '}
            <span className="muted">
              (headings like “Cast” or “How to Watch …”, lines like “Director: …”)
            </span>
          </label>
          <textarea
            id={textId}
            value={text}
            spellCheck={false}
            onChange={(event) => {
              setText(event.target.value);
              setReading(null);
            }}
          />
          <div className="actions">
            <button type="button" className="primary" disabled={text.trim() === ''} onClick={read}>
              Read the page
            </button>
            <span className="muted">
              {text ? `${text.split('\n').length.toLocaleString('en')} lines` : ''}
            </span>
          </div>
          {reading?.status === 'failed' ? (
            <p role="alert" className="import-message">
              This text cannot be read as a fact page: {reading.message}.
            </p>
          ) : null}
        </div>
        {reading?.status === 'read' ? (
          <ReadPage result={reading.result} onImport={() => onImport(text)} />
        ) : (
          <p className="muted paste-hint">
            The film it describes is shown here first; nothing is saved until you press Save in the editor.
          </p>
        )}
      </div>
    </section>
  );
}
