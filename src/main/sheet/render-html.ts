import { createElement, type ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import type { Film } from '../../shared/film-schema';
import {
  FilmCatalogue,
  type CataloguePart,
  type ContentsStyle,
} from '../../renderer/src/sheet/film-catalogue';
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
  /**
   * Only part of a catalogue, for `paginateCatalogue`'s measuring print: some of its sheets, with
   * or without the cover and contents. Running heads and anchors stay those of the whole catalogue.
   */
  part?: CataloguePart;
};

/**
 * The document itself: no script may run and nothing may load from outside (inline styles and
 * inline `data:` posters only), so a sheet file is safe to open and print in any browser.
 */
const CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

/**
 * The page around the sheet when the file is opened on screen: a desk under the paper.
 *
 * On screen a catalogue's sheets are laid out only when scrolled near (`content-visibility:
 * auto`, on the sheet itself so its shadow is not clipped). Printing lays the document out for the
 * screen again after each pass it makes for paper (two per print), and without this each of those
 * was a full layout of every sheet: about a second each for 100 full films (loading the document
 * gets quicker the same way). Paper is untouched: the rule is for screens only, so printing lays
 * out every sheet.
 */
const DOCUMENT_CSS = `
html { background: #ece8e1; }
body.sheet-document { margin: 0; padding: 2rem 1rem; }
@media screen {
  .sheet-catalogue-sheet > .film-sheet { content-visibility: auto; contain-intrinsic-size: auto 4000px; }
}
@media print {
  html { background: none; }
  body.sheet-document { padding: 0; }
}`;

/**
 * A part printed only to measure where its sheets start is laid out as on paper but draws nothing:
 * `visibility` never moves a box, and Chromium still writes the destinations of hidden elements,
 * so the print skips painting, recording and compressing pages nobody reads (its PDF is a seventh
 * the size).
 */
const MEASURING_CSS = `
@media print { .sheet-catalogue { visibility: hidden; } }`;

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
  const measuring = options.part ? MEASURING_CSS : '';
  return `${page}\n${catalogue}\n${SHEET_CSS}\n${DOCUMENT_CSS}${measuring}`;
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
    part: options.part,
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
