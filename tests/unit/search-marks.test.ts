import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  learnChars,
  matchingForm,
  phrasePattern,
  phrasesOf,
  snippet,
  tokenize,
} from '../../src/main/library/search-marks';
import { searchWords } from '../../src/main/library/search-text';

/**
 * Browse marks the words typed in JavaScript; these tests hold it to FTS5 itself: over tricky
 * texts, the films found and the snippets must be exactly what snippet() of an FTS5 index with
 * the search index's tokenizer gives.
 */

const MARKS = { open: '[', close: ']', ellipsis: '…', size: 10 };

const TEXTS = [
  'Chloë Dubois meets Zoë in the café near the Øresund bridge.',
  'CHLOË AND ZOË: a Müller–Ibáñez story. Then Björn arrives; Sørensen leaves.',
  'Ligatures: the ﬁnal ﬂight of Æsop and the Œuvre of straße STRASSE Straße.',
  "O'Connell's friend d'Artagnan said: l'amour, c'est tout. Rock'n'roll!",
  'A well-known self-made co-operative re-enters the half-life of x-ray vision.',
  '東京物語 is a film by 小津安二郎; 千と千尋の神隠し too. Кино и Москва. Ελληνικά ΣΟΦΙΑ σοφία.',
  'Emoji 🎬🍿 mid😀word and ❤️ hearts, the 🎬 film festival 2024 in Cannes.',
  'Combining: Chloe\u0308 and cafe\u0301 with marks, i\u0307stanbul, İstanbul and ıstanbul.',
  'First sentence about the lighthouse. Second sentence: the keeper of the lighthouse waits. ' +
    'Third one, much longer, with many more words than ten before the lighthouse appears again at the end.',
  'the the the the the the the the the the the the the the the the the the the the the the',
  'Van Dijk and van dijk and VAN DIJK, vandijk, Van-Dijk, Van  Dijk.\nVan\tDijk',
  'Numbers 3 and 33, broken heart 3, ½ and ² and ⅓, Ⅻ, ١٢٣ digits.',
  '  leading spaces and trailing punctuation...   ',
  'Anna Annabelle Ann an ANNA-Maria; anna. The annals of Annapolis.',
  'Tanaka Kenji; Stanley Tan; tan-lines; TAN; tandem; Tân; tấn.',
  'ǅemal ǈubica ǋegoš, Ǆ ǆ, ﬀ ﬃ ʼn, ŉ, Ⓐ ⓐ, ＦＵＬＬＷＩＤＴＨ ｆｕｌｌ',
  'Lindqvist, Åkesson, Ångström, Œdipus, Ðorđe, Łódź, Đuro, Þór, ħ.',
  `${'word '.repeat(40)}needle ${'word '.repeat(40)}needle and haystack.`,
  'Ends with the match: needle',
  // Long texts (a full film's story or cast): snippets found far in, around sentence starts and
  // near the end, where only the words of the window are read one by one.
  Array.from(
    { length: 30 },
    (_, i) =>
      `Sentence ${i} tells of the harbour${i % 7 === 3 ? ' and the lighthouse keeper' : ''}: ` +
      `nothing happens here.${i % 11 === 5 ? ' Müller waits.' : ''}`,
  ).join(' '),
  `${Array.from({ length: 80 }, (_, i) => `Person${i} Name${i % 9}`).join('\n')}\nKenji Tanaka\nAnna Moreau`,
  `${'word. '.repeat(25)}the keeper: lighthouse lighthouse, keeper. ${'word '.repeat(3)}keeper`,
];

const SEARCHES = [
  'chloe',
  'Chloë',
  'zoe',
  'cafe',
  'oresund',
  'øresund',
  'muller ibanez',
  'bjorn sorensen',
  'final flight',
  'ﬁnal',
  'aesop',
  'æsop',
  'oeuvre',
  'strasse',
  'straße',
  "O'Connell",
  'artagnan',
  "l'amour",
  'rock roll',
  'well known',
  'co-operative',
  'x-ray',
  '東京',
  '小津',
  'москва',
  'σοφια',
  'ΣΟΦΙΑ',
  'film',
  'mid',
  'word',
  'istanbul',
  'i',
  'lighthouse',
  'keeper lighthouse',
  'the',
  'van dijk',
  'dijk van',
  '3',
  'broken heart 3',
  'an',
  'anna an',
  'ann anna',
  'tan',
  'tân',
  'dzemal',
  'ǆemal',
  'full',
  'ｆｕｌｌ',
  'lodz',
  'dorde',
  'duro',
  'thor',
  'angstrom',
  'needle',
  'haystack word',
  'e\u0301',
  'xyzzy',
  'harbour',
  'keeper harbour',
  'sentence',
  'name3',
  'person7',
  'kenji tanaka',
  'moreau',
  'happens',
];

let sqlite: Database.Database;

beforeAll(() => {
  sqlite = new Database(':memory:');
  sqlite.exec(`CREATE VIRTUAL TABLE t USING fts5 (text, tokenize = 'unicode61 remove_diacritics 2')`);
  const add = sqlite.prepare('INSERT INTO t (rowid, text) VALUES (?, ?)');
  TEXTS.forEach((text, index) => add.run(index + 1, text.normalize('NFC')));
  learnChars(sqlite, TEXTS);
});

afterAll(() => sqlite.close());

/** FTS5's own answer: each row found by any word typed, and its snippet. */
function fts5Snippets(search: string): Map<number, string> {
  const anyWord = searchWords(search)
    .map((word) => `"${word}"*`)
    .join(' OR ');
  const rows = sqlite
    .prepare(`SELECT rowid, snippet(t, 0, '[', ']', '…', 10) AS s FROM t WHERE t MATCH ? ORDER BY rowid`)
    .all(anyWord) as { rowid: number; s: string }[];
  return new Map(rows.map((row) => [row.rowid, row.s]));
}

describe('marking the words typed, as FTS5 does', () => {
  it('splits and folds words as the index tokenizer does', () => {
    sqlite.exec(`CREATE VIRTUAL TABLE t_vocab USING fts5vocab (t, instance)`);
    const vocab = sqlite.prepare('SELECT term FROM t_vocab WHERE doc = ? ORDER BY offset');
    TEXTS.forEach((text, index) => {
      const expected = vocab.pluck().all(index + 1) as string[];
      expect(tokenize(text.normalize('NFC')).map((token) => token.term)).toEqual(expected);
      const form = matchingForm(text.normalize('NFC'), new Set());
      if (form !== undefined) {
        expect(tokenize(text.normalize('NFC'), form).map((token) => token.term)).toEqual(expected);
      }
    });
  });

  it("learns a character's whole block at once, each character as the tokenizer treats it", () => {
    const changes = () => sqlite.prepare('SELECT total_changes()').pluck().get() as number;
    // Armenian: a block no text above holds. Meeting one letter asks SQLite about the block.
    learnChars(sqlite, ['Ա']);
    const before = changes();
    learnChars(sqlite, ['բ', 'Ֆ', '՝']);
    expect(changes()).toBe(before);
    const text = 'Աբգ Ֆոն՝բաղ';
    sqlite.exec(`CREATE VIRTUAL TABLE armenian USING fts5 (text, tokenize = 'unicode61 remove_diacritics 2');
      CREATE VIRTUAL TABLE armenian_vocab USING fts5vocab (armenian, instance)`);
    sqlite.prepare('INSERT INTO armenian (rowid, text) VALUES (1, ?)').run(text);
    const expected = sqlite.prepare('SELECT term FROM armenian_vocab ORDER BY offset').pluck().all();
    expect(tokenize(text).map((token) => token.term)).toEqual(expected);
  });

  it.each(SEARCHES)('finds and marks "%s" exactly as snippet() does', (search) => {
    const expected = fts5Snippets(search);
    const phrases = phrasesOf(sqlite, searchWords(search));
    const pattern = phrasePattern(phrases);
    const found = new Map<number, string>();
    TEXTS.forEach((raw, index) => {
      const text = raw.normalize('NFC');
      const form = matchingForm(text, new Set());
      const marked = phrases.length === 0 ? null : snippet(text, phrases, MARKS, form);
      // The quick test never rules out a text that holds a word typed.
      if (form !== undefined && phrases.length > 0) expect(pattern.test(form)).toBe(marked !== null);
      // Marked the slow way (tokenized char by char) too: the same snippet.
      if (phrases.length > 0) expect(snippet(text, phrases, MARKS)).toBe(marked);
      if (marked !== null) found.set(index + 1, marked);
    });
    expect(found).toEqual(expected);
  });
});
