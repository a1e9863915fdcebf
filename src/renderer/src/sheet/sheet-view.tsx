import { useEffect, useState } from 'react';
import type { Film } from '../../../shared/film-schema';
import { useApi } from '../shell/api-context';
import { navigate } from '../shell/route';
import { FilmCatalogue } from './film-catalogue';
import { FilmSheet } from './film-sheet';
import { defaultPaper, PAPER_LABEL, PAPERS, type Paper } from './paper';
import { printSheets } from './print-sheets';
import { cataloguePageCss, pageCss, SHEET_CSS, SHEET_VIEW_CSS } from './sheet-css';

type Loaded = { films: Film[]; missing: number; libraryName: string };
type State =
  { status: 'loading' } | { status: 'ready'; loaded: Loaded } | { status: 'failed'; message: string };

const PAPER_SETTING = 'filmfolio.sheet.paper';

/** The paper chosen last time; storage can be unavailable (a sandboxed page), which is no reason to fail. */
function storedPaper(locale: string | undefined): Paper {
  try {
    const stored = window.localStorage.getItem(PAPER_SETTING);
    if (stored === 'A4' || stored === 'Letter') return stored;
  } catch {
    // No storage: fall through to the locale's paper.
  }
  return defaultPaper(locale);
}

function rememberPaper(paper: Paper): void {
  try {
    window.localStorage.setItem(PAPER_SETTING, paper);
  } catch {
    // No storage: the choice holds for this view only.
  }
}

/** Loads the films in the order asked; films no longer in the library are counted, not shown. */
function useSheetFilms(ids: readonly string[]): State {
  const api = useApi();
  const [state, setState] = useState<State>({ status: 'loading' });
  const key = ids.join(',');
  useEffect(() => {
    let current = true;
    const wanted = key.split(',').filter((id) => id !== '');
    Promise.all([
      Promise.all(wanted.map((id) => api.films.get(id))),
      api.library.info().then((info) => info.name),
    ])
      .then(([found, libraryName]) => {
        const films = found.filter((film): film is Film => film !== null);
        if (current)
          setState({
            status: 'ready',
            loaded: { films, missing: wanted.length - films.length, libraryName },
          });
      })
      .catch((error: unknown) => {
        if (current)
          setState({ status: 'failed', message: error instanceof Error ? error.message : String(error) });
      });
    return () => {
      current = false;
    };
  }, [api, key]);
  return state;
}

function goBack(): void {
  if (window.history.length > 1) window.history.back();
  else navigate({ view: 'browse' });
}

function viewCss(films: readonly Film[], paper: Paper, libraryName: string): string {
  const [first] = films;
  const single = films.length === 1 && first !== undefined;
  const page = pageCss({ paper, title: single ? first.title : libraryName, corner: libraryName });
  const catalogue = single ? '' : cataloguePageCss(films.map((film) => film.title));
  return `${page}\n${catalogue}\n${SHEET_CSS}\n${SHEET_VIEW_CSS}`;
}

function Toolbar(props: { paper: Paper; onPaper: (paper: Paper) => void; onPrint: (() => void) | null }) {
  return (
    <div className="sheet-toolbar" role="toolbar" aria-label="Sheet">
      <button type="button" onClick={goBack}>
        ← Back
      </button>
      <span className="sheet-toolbar-spacer" />
      <label>
        Paper
        <select value={props.paper} onChange={(event) => props.onPaper(event.target.value as Paper)}>
          {PAPERS.map((paper) => (
            <option key={paper} value={paper}>
              {PAPER_LABEL[paper]}
            </option>
          ))}
        </select>
      </label>
      <button
        type="button"
        className="primary"
        disabled={props.onPrint === null}
        onClick={props.onPrint ?? undefined}
      >
        Print…
      </button>
    </div>
  );
}

function SheetDocument({ loaded, locale }: { loaded: Loaded; locale: string | undefined }) {
  const [first] = loaded.films;
  if (loaded.films.length === 1 && first) return <FilmSheet film={first} locale={locale} />;
  return (
    <FilmCatalogue
      films={loaded.films}
      libraryName={loaded.libraryName}
      date={new Date().toISOString().slice(0, 10)}
      locale={locale}
      toc="list"
    />
  );
}

/**
 * The printable sheet of one film, or a catalogue of several, with a toolbar: back, the paper,
 * and "Print…". What prints is exactly what shows, minus the toolbar and the app's bars.
 */
export function SheetView({ ids }: { ids: string[] }) {
  const locale = typeof navigator === 'undefined' ? undefined : navigator.language;
  const state = useSheetFilms(ids);
  const [paper, setPaper] = useState<Paper>(() => storedPaper(locale));
  const choosePaper = (next: Paper) => {
    setPaper(next);
    rememberPaper(next);
  };
  const loaded = state.status === 'ready' && state.loaded.films.length > 0 ? state.loaded : null;
  return (
    <section className="sheet-view" aria-label={ids.length > 1 ? 'Film catalogue' : 'Film sheet'}>
      <style>{loaded ? viewCss(loaded.films, paper, loaded.libraryName) : SHEET_VIEW_CSS}</style>
      <Toolbar
        paper={paper}
        onPaper={choosePaper}
        onPrint={loaded ? () => printSheets({ ids: loaded.films.map((film) => film.id), paper }) : null}
      />
      {state.status === 'loading' ? <p className="sheet-view-notice muted">Preparing the sheet…</p> : null}
      {state.status === 'failed' ? (
        <p className="sheet-view-notice" role="alert">
          The sheet could not be prepared: {state.message}
        </p>
      ) : null}
      {state.status === 'ready' && state.loaded.missing > 0 ? (
        <p className="sheet-view-notice" role="alert">
          {state.loaded.missing === 1
            ? 'One film is no longer in the library; it was left out.'
            : `${state.loaded.missing} films are no longer in the library; they were left out.`}{' '}
          {state.loaded.films.length === 0 ? 'Go back and choose films to print.' : null}
        </p>
      ) : null}
      {loaded ? <SheetDocument loaded={loaded} locale={locale} /> : null}
    </section>
  );
}
