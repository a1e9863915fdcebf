import { createElement, type ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import type { Film } from '../../shared/film-schema';
import { FilmCatalogue, type ContentsStyle } from '../../renderer/src/sheet/film-catalogue';
import { FilmSheet } from '../../renderer/src/sheet/film-sheet';
import type { Paper } from '../../renderer/src/sheet/paper';
import { cataloguePageCss, pageCss, SHEET_CSS } from '../../renderer/src/sheet/sheet-css';

/** How a standalone sheet document is typeset. */
export type SheetDocumentOptions = {
  paper: Paper;
  libraryName: string;
  /** The catalogue's date: ISO ("2026-11-26") is formatted for the locale, other text prints as is. */
  date: string;
  /** BCP 47 locale for money, numbers and dates ("en-US", "de-DE"). */
  locale: string;
  /** The catalogue's table of contents: with page numbers, or one line per film. */
  toc: ContentsStyle;
  /**
   * Where each film's sheet starts in the printed catalogue. Page numbers can only be known by
   * printing, so `paginateCatalogue` measures them and passes them here; without them a 'pages'
   * table of contents prints as a list rather than with guessed numbers.
   */
  startPages?: readonly number[];
};

/**
 * The document itself: no script may run and nothing may load from outside (inline styles and
 * inline `data:` posters only), so a sheet file is safe to open and print in any browser.
 */
const CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

/** The page around the sheet when the file is opened on screen: a desk under the paper. */
const DOCUMENT_CSS = `
html { background: #ece8e1; }
body.sheet-document { margin: 0; padding: 2rem 1rem; }
@media print {
  html { background: none; }
  body.sheet-document { padding: 0; }
}`;

function documentTitle(films: readonly Film[], libraryName: string): string {
  const [first] = films;
  return films.length === 1 && first ? `${first.title} — film sheet` : `${libraryName} — film catalogue`;
}

function documentCss(films: readonly Film[], options: SheetDocumentOptions): string {
  const [first] = films;
  const single = films.length === 1 && first !== undefined;
  const page = pageCss({
    paper: options.paper,
    title: single ? first.title : options.libraryName,
    corner: options.libraryName,
  });
  const catalogue = single ? '' : cataloguePageCss(films.map((film) => film.title));
  return `${page}\n${catalogue}\n${SHEET_CSS}\n${DOCUMENT_CSS}`;
}

function documentBody(films: readonly Film[], options: SheetDocumentOptions): ReactElement {
  const [first] = films;
  if (films.length === 1 && first) return createElement(FilmSheet, { film: first, locale: options.locale });
  return createElement(FilmCatalogue, {
    films,
    libraryName: options.libraryName,
    date: options.date,
    locale: options.locale,
    toc: options.toc,
    startPages: options.startPages,
  });
}

/**
 * A standalone, printable `.html` document: one film gives its sheet, several give a catalogue
 * (cover, contents, one sheet per film). Styles are inlined; film text is escaped by React.
 */
export function renderSheetDocument(films: readonly Film[], options: SheetDocumentOptions): string {
  if (films.length === 0) {
    throw new Error('There is no film to print: choose at least one film for the sheet or catalogue.');
  }
  const html = createElement(
    'html',
    { lang: 'en' },
    createElement(
      'head',
      null,
      createElement('meta', { charSet: 'utf-8' }),
      createElement('meta', { httpEquiv: 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY }),
      createElement('meta', { name: 'viewport', content: 'width=device-width, initial-scale=1' }),
      createElement('meta', { name: 'generator', content: 'Filmfolio' }),
      createElement('title', null, documentTitle(films, options.libraryName)),
      createElement('style', null, documentCss(films, options)),
    ),
    createElement('body', { className: 'sheet-document' }, documentBody(films, options)),
  );
  return `<!DOCTYPE html>\n${renderToStaticMarkup(html)}\n`;
}
