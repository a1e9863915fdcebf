import type { Paper } from './paper';

/**
 * The sheet's styles as text, so the window (a <style> element) and Node (the standalone .html
 * document) use the very same rules. Everything is scoped under `.film-sheet` / `.sheet-*` so it
 * never touches the rest of the app.
 *
 * Paper: `@page` sets the size and margins; the running title and the page numbers are CSS page
 * margin boxes (`@top-left`, `@bottom-right` with `counter(page)` / `counter(pages)`), which Chromium
 * prints since version 131. So a sheet prints the same from the app, from `page.pdf()` /
 * `webContents.printToPDF` (no header/footer templates needed: leave `displayHeaderFooter` off) and
 * from any current Chromium-based browser opening the .html file. Browsers without margin boxes
 * simply print no running head.
 */

const SANS = `system-ui, 'Segoe UI', 'Helvetica Neue', Arial, 'Liberation Sans', 'DejaVu Sans', sans-serif`;
const SERIF = `Charter, 'Bitstream Charter', 'Iowan Old Style', Georgia, Cambria, 'Liberation Serif', 'DejaVu Serif', serif`;

/** Text as a CSS string literal; quotes, backslashes, `<` and control characters are escaped. */
export function cssString(text: string): string {
  const escaped = Array.from(text, (char) => {
    const code = char.codePointAt(0) ?? 0;
    if (code === 0) return '\uFFFD';
    return /["\\<>&]/.test(char) || code < 0x20 || code === 0x7f ? `\\${code.toString(16)} ` : char;
  }).join('');
  return `"${escaped}"`;
}

/** Keeps a running head on one line: long titles are cut with an ellipsis. */
function runningText(text: string, max = 70): string {
  const single = text.replace(/\s+/g, ' ').trim();
  return single.length > max ? `${single.slice(0, max - 1).trimEnd()}…` : single;
}

const MARGIN_BOX = `font: 8pt/1.2 ${SANS}; color: #444; letter-spacing: 0.02em;`;

/**
 * The page rule: paper size, margins, and the running heads. `title` runs top left, `corner` top
 * right, and every page is numbered "n of N" at the bottom right.
 */
export function pageCss(options: { paper: Paper; title: string; corner: string }): string {
  return `
@page {
  size: ${options.paper === 'A4' ? 'A4' : 'letter'} portrait;
  margin: 20mm 22mm 20mm 22mm;
  @top-left { content: ${cssString(runningText(options.title))}; ${MARGIN_BOX} vertical-align: bottom; padding-bottom: 5mm; }
  @top-right { content: ${cssString(runningText(options.corner, 50))}; ${MARGIN_BOX} vertical-align: bottom; padding-bottom: 5mm; }
  @bottom-right { content: "Page " counter(page) " of " counter(pages); ${MARGIN_BOX} vertical-align: top; padding-top: 5mm; }
}`;
}

/** The page name of the n-th sheet in a catalogue (named pages carry each film's running title). */
export function sheetPageName(index: number): string {
  return `sheet-film-${index}`;
}

/** Named pages for a catalogue: a bare cover, "Contents" over the table, each film's title over its sheet. */
export function cataloguePageCss(titles: readonly string[]): string {
  const films = titles
    .map(
      (title, index) =>
        `@page ${sheetPageName(index)} { @top-left { content: ${cssString(runningText(title))}; } }`,
    )
    .join('\n');
  return `
@page sheet-cover { @top-left { content: none; } @top-right { content: none; } @bottom-right { content: none; } }
@page sheet-contents { @top-left { content: "Contents"; } }
${films}`;
}

/** The sheet itself, on screen (a sheet of paper in the window) and in print. */
export const SHEET_CSS = `
.film-sheet, .sheet-catalogue-page {
  --sheet-ink: #161513;
  --sheet-soft: #47433d;
  --sheet-rule: #bdb7ad;
  --sheet-paper: #fffefb;
  color: var(--sheet-ink);
  background: var(--sheet-paper);
  font-family: ${SERIF};
  font-size: 15px;
  line-height: 1.5;
  text-align: left;
  color-scheme: light;
  overflow-wrap: break-word;
}
.film-sheet {
  max-width: 48rem;
  margin: 0 auto 2rem;
  padding: 2.75rem 3.25rem 3rem;
  border: 1px solid #ddd8ce;
  box-shadow: 0 1px 3px rgb(0 0 0 / 0.08);
}
.film-sheet *, .sheet-catalogue-page * { box-sizing: border-box; }
:where(.film-sheet) :where(p, ul, ol, dl, figure, blockquote) { margin: 0; padding: 0; }
.film-sheet a.sheet-link { color: inherit; text-decoration: underline; text-decoration-thickness: 0.06em; text-underline-offset: 0.15em; }

.sheet-title-block { margin-bottom: 1.1em; }
.sheet-title {
  font-family: ${SERIF};
  font-size: 2.4em;
  line-height: 1.1;
  font-weight: 700;
  letter-spacing: -0.01em;
  margin: 0;
}
.sheet-byline {
  font-family: ${SANS};
  font-size: 0.78em;
  letter-spacing: 0.08em;
  text-transform: uppercase;
  color: var(--sheet-soft);
  margin-top: 0.45em !important;
}

.sheet-overview {
  display: flex;
  gap: 1.25em;
  align-items: flex-start;
  border-top: 2px solid var(--sheet-ink);
  border-bottom: 1px solid var(--sheet-ink);
  padding: 0.8em 0;
  margin-bottom: 1.4em;
  break-inside: avoid;
}
.sheet-poster { width: 8.5em; height: auto; flex: none; border: 1px solid var(--sheet-rule); }
.sheet-facts {
  flex: 1;
  display: grid;
  grid-template-columns: fit-content(13em) 1fr;
  column-gap: 1.1em;
  row-gap: 0.22em;
}
.sheet-fact { display: contents; }
.sheet-fact dt {
  font-family: ${SANS};
  font-size: 0.72em;
  letter-spacing: 0.07em;
  text-transform: uppercase;
  color: var(--sheet-soft);
  padding-top: 0.28em;
}
.sheet-fact dd { margin: 0; }
.sheet-money dd { font-variant-numeric: tabular-nums lining-nums; }
.sheet-own + .sheet-part { margin-top: 0.4em; }

.sheet-section { margin-top: 1.5em; }
.sheet-overview + .sheet-section, .sheet-title-block + .sheet-section { margin-top: 0; }
.sheet-heading {
  font-family: ${SANS};
  font-size: 0.8em;
  font-weight: 700;
  letter-spacing: 0.12em;
  text-transform: uppercase;
  margin: 0 0 0.7em;
  padding-bottom: 0.3em;
  border-bottom: 1px solid var(--sheet-ink);
  break-after: avoid;
}
.sheet-subheading {
  font-family: ${SERIF};
  font-size: 1.05em;
  font-weight: 700;
  font-style: italic;
  margin: 1em 0 0.35em;
  break-after: avoid;
}
.sheet-heading + .sheet-part > .sheet-subheading,
.sheet-story-part:first-child > .sheet-subheading { margin-top: 0; }
.sheet-minor-heading {
  font-family: ${SANS};
  font-size: 0.72em;
  font-weight: 700;
  letter-spacing: 0.08em;
  text-transform: uppercase;
  color: var(--sheet-soft);
  margin: 0.9em 0 0.3em;
  break-after: avoid;
}

.sheet-text { margin: 0 0 0.6em; white-space: pre-line; orphans: 3; widows: 3; }
.sheet-text:last-child { margin-bottom: 0; }
.sheet-quip { font-style: italic; font-size: 1.05em; }

.sheet-list { list-style: none; }
.sheet-list > .sheet-entry { margin-bottom: 0.45em; padding-left: 1em; text-indent: -1em; }
.sheet-list > .sheet-entry > * { text-indent: 0; }
.sheet-list > .sheet-entry:last-child { margin-bottom: 0; }
.sheet-trivia > .sheet-entry::before, .sheet-audience > .sheet-entry::before,
.sheet-content-warnings > .sheet-entry::before {
  content: '–';
  display: inline-block;
  width: 1em;
  text-indent: 0;
}
.sheet-tracks { counter-reset: track; }
.sheet-tracks > .sheet-entry::before {
  counter-increment: track;
  content: counter(track) '.';
  display: inline-block;
  width: 1.4em;
  text-indent: 0;
  font-family: ${SANS};
  font-size: 0.85em;
  color: var(--sheet-soft);
}
.sheet-tracks > .sheet-entry { padding-left: 1.2em; text-indent: -1.2em; }
.sheet-entry { break-inside: avoid; }
.sheet-name { font-weight: 700; }
.sheet-character, .sheet-year, .sheet-job { color: var(--sheet-soft); }
.sheet-detail { display: block; color: var(--sheet-soft); font-size: 0.93em; line-height: 1.45; margin-top: 0.1em; }
.sheet-detail-inline { color: var(--sheet-soft); }
.sheet-entry-title { font-weight: 700; margin-bottom: 0.2em !important; break-after: avoid; }
.sheet-score { font-weight: 400; color: var(--sheet-soft); }
.sheet-address { color: var(--sheet-soft); font-size: 0.9em; overflow-wrap: anywhere; }
.sheet-critic, .sheet-reaction, .sheet-faq-entry, .sheet-bonus { margin-bottom: 0.85em; }
.sheet-critic:last-child, .sheet-reaction:last-child, .sheet-faq-entry:last-child, .sheet-bonus:last-child { margin-bottom: 0; }
.sheet-faq-entry { padding-left: 0.9em; border-left: 2px solid var(--sheet-rule); }

.sheet-quote { margin: 0 0 0.9em; padding-left: 0.9em; border-left: 2px solid var(--sheet-ink); }
.sheet-quote:last-child { margin-bottom: 0; }
.sheet-quote-text { font-size: 1.08em; font-style: italic; line-height: 1.4; }
.sheet-quote-source { font-size: 0.88em; margin-top: 0.25em; color: var(--sheet-soft); }
.sheet-quote-source .sheet-name { color: var(--sheet-ink); font-style: normal; }

.sheet-aside { margin-top: 0.6em; }
.sheet-text + .sheet-list, .sheet-list + .sheet-text { margin-top: 0.6em; }
.sheet-providers { display: flex; flex-wrap: wrap; gap: 0.25em 1.6em; }
.sheet-list.sheet-providers > .sheet-entry { margin: 0; padding: 0; text-indent: 0; }
.sheet-award-result {
  font-family: ${SANS};
  font-size: 0.72em;
  font-weight: 700;
  letter-spacing: 0.08em;
  text-transform: uppercase;
  border: 1px solid var(--sheet-ink);
  padding: 0 0.35em;
  vertical-align: 0.1em;
}

.sheet-table { width: 100%; border-collapse: collapse; font-size: 0.88em; margin-top: 0.2em; }
.sheet-table th {
  font-family: ${SANS};
  font-size: 0.85em;
  text-align: left;
  text-transform: uppercase;
  letter-spacing: 0.06em;
  color: var(--sheet-soft);
  border-bottom: 1px solid var(--sheet-ink);
  padding: 0.2em 0.5em 0.2em 0;
}
.sheet-table td { border-bottom: 1px solid var(--sheet-rule); padding: 0.25em 0.5em 0.25em 0; vertical-align: top; }
.sheet-table tr { break-inside: avoid; }
.sheet-stars { letter-spacing: 0.05em; }

.sheet-catalogue-page {
  max-width: 48rem;
  margin: 0 auto 2rem;
  padding: 2.75rem 3.25rem;
  border: 1px solid #ddd8ce;
}
.sheet-cover { text-align: left; padding-top: 6rem; padding-bottom: 6rem; }
.sheet-cover-kicker {
  font-family: ${SANS};
  font-size: 0.8em;
  letter-spacing: 0.12em;
  text-transform: uppercase;
  color: var(--sheet-soft);
  margin: 0 0 0.6em;
}
.sheet-cover-title { font-size: 3em; line-height: 1.05; margin: 0 0 0.4em; border-bottom: 2px solid var(--sheet-ink); padding-bottom: 0.3em; }
.sheet-cover-meta { font-family: ${SANS}; font-size: 0.95em; color: var(--sheet-soft); margin: 0.2em 0; }
.sheet-contents-title {
  font-family: ${SANS};
  font-size: 0.8em;
  font-weight: 700;
  letter-spacing: 0.12em;
  text-transform: uppercase;
  border-bottom: 1px solid var(--sheet-ink);
  padding-bottom: 0.3em;
  margin: 0 0 0.8em;
}
.sheet-contents-list { list-style: none; margin: 0; padding: 0; }
.sheet-contents-entry { break-inside: avoid; margin: 0 0 0.22em; }
.sheet-contents-entry a { color: inherit; text-decoration: none; display: flex; align-items: baseline; gap: 0.4em; }
.sheet-contents-film { flex: 0 1 auto; }
.sheet-contents-extra { color: var(--sheet-soft); }
/*
 * The leader is lifted off the baseline with relative positioning, not a transform: when Chromium
 * prints, a transformed box escapes each page's culling, so all the contents' dotted leaders were
 * drawn (clipped away) on every page of a catalogue: 11,000 dots a page, 60% of a 100-film
 * catalogue's PDF and a third of its print time. Its top offset moves the line by the same 0.25em.
 */
.sheet-contents-leader { flex: 1 1 auto; border-bottom: 1px dotted var(--sheet-soft); min-width: 1.5em; position: relative; top: -0.25em; }
.sheet-contents-page { flex: none; font-variant-numeric: tabular-nums lining-nums; width: 2.6em; text-align: right; }

@media print {
  .film-sheet, .sheet-catalogue-page {
    font-size: 11pt;
    line-height: 1.42;
    max-width: none;
    margin: 0;
    padding: 0;
    border: 0;
    box-shadow: none;
    background: none;
    -webkit-print-color-adjust: economy;
    print-color-adjust: economy;
  }
  .film-sheet { --sheet-soft: #333; --sheet-rule: #999; }
  .sheet-title { font-size: 26pt; }
  .sheet-poster { width: 34mm; }
  .sheet-section { margin-top: 14pt; }
  .sheet-catalogue-page { break-after: page; }
  .sheet-cover { page: sheet-cover; padding-top: 70mm; }
  .sheet-cover-title { font-size: 34pt; }
  .sheet-contents { page: sheet-contents; }
  .sheet-catalogue-sheet { break-before: page; }
  .film-sheet a.sheet-link[href^='http://']::after,
  .film-sheet a.sheet-link[href^='https://']::after {
    content: ' (' attr(href) ')';
    font-size: 0.85em;
    color: var(--sheet-soft);
    overflow-wrap: anywhere;
    word-break: break-all;
    font-weight: 400;
    font-style: normal;
  }
}
`;

/**
 * The sheet view around the sheet: its toolbar on screen, and in print nothing but the sheet (no
 * bars, no scroll boxes that would cut the document to one screenful).
 */
export const SHEET_VIEW_CSS = `
.sheet-view { padding: 0 0 2rem; }
.sheet-toolbar {
  position: sticky;
  top: -1rem;
  z-index: 1;
  display: flex;
  align-items: center;
  gap: 0.75rem;
  flex-wrap: wrap;
  max-width: 48rem;
  margin: -1rem auto 1rem;
  padding: 0.6rem 0;
  background: var(--paper, #fbfaf7);
}
.sheet-toolbar .sheet-toolbar-spacer { flex: 1; }
.sheet-toolbar label { display: inline-flex; align-items: center; gap: 0.4rem; }
.sheet-toolbar select { font: inherit; }
.sheet-view-notice { max-width: 48rem; margin: 0 auto 1rem; }
@media print {
  .top-bar, .sheet-toolbar { display: none !important; }
  html, body, .app, .app-main { display: block !important; height: auto !important; overflow: visible !important; padding: 0 !important; background: none !important; }
  .sheet-view { padding: 0; }
}
`;
