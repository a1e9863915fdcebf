import { describe, expect, it } from 'vitest';
import { renderSheetDocument, type SheetDocumentOptions } from '../../src/main/sheet/render-html';
import { cssString } from '../../src/renderer/src/sheet/sheet-css';
import { completeFilm } from '../../src/shared/film';
import { filmInputSchema, type Film } from '../../src/shared/film-schema';
import { HOSTILE_TEXT, hostileFilm } from '../fixtures/sheet/hostile-film';
import { sampleFilm } from '../support/temp-library';

const theWork = (): Film => completeFilm(filmInputSchema.parse(sampleFilm()), '2026-11-26T00:00:00.000Z');
const second = completeFilm(filmInputSchema.parse({ title: 'Second', year: 1999 }));
const options: SheetDocumentOptions = {
  paper: 'A4',
  libraryName: 'Home shelf',
  date: '2026-11-26',
  locale: 'en-US',
  toc: 'pages',
};

const styleOf = (html: string) => /<style>([\s\S]*)<\/style>/.exec(html)?.[1] ?? '';
const bodyOf = (html: string) => /<body[^>]*>([\s\S]*)<\/body>/.exec(html)?.[1] ?? '';

describe('renderSheetDocument', () => {
  it('makes one film a standalone sheet: its styles inline, no script allowed, nothing fetched', () => {
    const html = renderSheetDocument([theWork()], options);
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="en"><head><meta charSet="utf-8"/>')).toBe(true);
    expect(html).toContain(
      `<meta http-equiv="Content-Security-Policy" content="default-src &#x27;none&#x27;; style-src &#x27;unsafe-inline&#x27;; img-src data:"/>`,
    );
    expect(html).toContain('<title>The Work — film sheet</title>');
    expect(html).not.toMatch(/<script|<link|src="http/);
    expect(styleOf(html)).toContain('size: A4 portrait');
    expect(styleOf(html)).toContain('@top-left { content: "The Work"');
    expect(styleOf(html)).toContain('@bottom-right { content: "Page " counter(page) " of " counter(pages)');
    expect(bodyOf(html)).toMatch(/^<article class="film-sheet"/);
    expect(bodyOf(html)).toContain('Domestic gross</dt><dd>$5,853</dd>');
    expect(bodyOf(html)).not.toContain('sheet-cover');
  });

  it('typesets for US Letter when asked', () => {
    expect(styleOf(renderSheetDocument([theWork()], { ...options, paper: 'Letter' }))).toContain(
      'size: letter portrait',
    );
  });

  it('makes several films a catalogue: cover, contents, a named page per sheet', () => {
    const html = renderSheetDocument([theWork(), second], { ...options, startPages: [3, 9] });
    expect(html).toContain('<title>Home shelf — film catalogue</title>');
    expect(bodyOf(html)).toContain('<h1 class="sheet-cover-title">Home shelf</h1>');
    expect(bodyOf(html)).toContain('November 26, 2026');
    expect([...html.matchAll(/sheet-contents-page">(\d+)</g)].map((match) => match[1])).toEqual(['3', '9']);
    expect(html).toContain('style="page:sheet-film-1"');
    expect(styleOf(html)).toContain('@page sheet-film-1 { @top-left { content: "Second"; } }');
    expect(styleOf(html)).toContain('@page sheet-cover');
  });

  it('never guesses page numbers: without measured pages the contents are a list', () => {
    for (const html of [
      renderSheetDocument([theWork(), second], options),
      renderSheetDocument([theWork(), second], { ...options, toc: 'list', startPages: [3, 9] }),
    ]) {
      expect(bodyOf(html)).not.toContain('sheet-contents-page');
      expect(bodyOf(html).match(/class="sheet-contents-entry"/g)).toHaveLength(2);
    }
  });

  it('keeps markup in film text as text, in the body and in the running heads', () => {
    const film = hostileFilm();
    const html = renderSheetDocument([film, { ...film, id: '00000000-0000-4000-8000-0000000000ab' }], {
      ...options,
      libraryName: HOSTILE_TEXT,
    });
    expect(bodyOf(html)).not.toMatch(/<(script|img|style)\b/i);
    expect(bodyOf(html)).not.toMatch(/href="javascript/i);
    expect(bodyOf(html)).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(styleOf(html)).not.toMatch(/<\/?(style|script)/i);
    expect(html.match(/<style>/g)).toHaveLength(1);
  });

  it('prints part of a catalogue for measuring: its sheets as in the whole, linked, not shown', () => {
    const third = completeFilm(filmInputSchema.parse({ title: 'Third' }));
    const films = [theWork(), second, third];
    const whole = renderSheetDocument(films, { ...options, startPages: [3, 9, 12] });
    const front = renderSheetDocument(films, { ...options, part: { first: 0, count: 1, frontMatter: true } });
    const rest = renderSheetDocument(films, { ...options, part: { first: 1, count: 2, frontMatter: false } });
    const ids = (html: string) => [...bodyOf(html).matchAll(/ id="(sheet-\d+)"/g)].map((match) => match[1]);
    expect(ids(whole)).toEqual(['sheet-1', 'sheet-2', 'sheet-3']);
    expect(ids(front)).toEqual(['sheet-1']);
    expect(ids(rest)).toEqual(['sheet-2', 'sheet-3']);
    // The first part opens as the whole does; the others hold only sheets, under the same names.
    expect(bodyOf(front)).toContain('<h1 class="sheet-cover-title">Home shelf</h1>');
    expect(bodyOf(front).match(/class="sheet-contents-entry"/g)).toHaveLength(3);
    expect(bodyOf(rest)).not.toMatch(/sheet-cover|sheet-contents/);
    expect(bodyOf(rest)).toContain(
      '<div id="sheet-2" class="sheet-catalogue-sheet" style="page:sheet-film-1">',
    );
    // Laid out as the whole is, but drawn invisibly on paper: a part is only read for its pages.
    const hidden = '\n@media print { .sheet-catalogue { visibility: hidden; } }';
    expect(styleOf(rest)).toBe(styleOf(whole) + hidden);
    expect(styleOf(front)).toBe(styleOf(whole) + hidden);
    expect(styleOf(whole)).not.toContain('visibility: hidden');
    // Chromium writes a destination only for a linked element: the links are there, never shown.
    expect(bodyOf(rest)).toMatch(
      /^<div class="sheet-catalogue"><nav hidden=""><a href="#sheet-2"><\/a><a href="#sheet-3"><\/a><\/nav>/,
    );
  });

  it('leaves sheets far off screen unlaid until scrolled to, but never on paper', () => {
    const css = styleOf(renderSheetDocument([theWork(), second], options));
    const screen = /@media screen \{([^}]*\})\s*\}/.exec(css)?.[1] ?? '';
    expect(screen).toContain('.sheet-catalogue-sheet > .film-sheet { content-visibility: auto;');
    expect(css.match(/content-visibility/g)).toHaveLength(1);
  });

  it('refuses to print nothing', () => {
    expect(() => renderSheetDocument([], options)).toThrow(/choose at least one film/);
  });
});

describe('cssString', () => {
  it('quotes text for CSS so it can neither end the string nor the style element', () => {
    expect(cssString('The Work')).toBe('"The Work"');
    expect(cssString('a"b\\c')).toBe('"a\\22 b\\5c c"');
    expect(cssString('</style><script>')).toBe('"\\3c /style\\3e \\3c script\\3e "');
    expect(cssString('two\nlines\u0000')).toBe('"two\\a lines\uFFFD"');
  });
});
