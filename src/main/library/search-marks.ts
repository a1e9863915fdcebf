import type Database from 'better-sqlite3';
import { noteOwnChanges } from './browse-cache';
import { prepared } from './film-rows';

/**
 * The search index's tokenizer (unicode61, remove_diacritics 2) and FTS5's snippet(), in
 * JavaScript: which field of a film on a page holds a word typed, and that field's snippet with
 * the words marked, without writing the page's texts into a full-text index per search.
 *
 * So that words split and fold exactly as in the index, nothing about Unicode is guessed here:
 * the first time a character outside ASCII is met, SQLite's own tokenizer is asked what it is (a
 * word character and what it folds to, a mark that folds into the word before it, or a
 * separator), and the answer is kept for the life of the process (the tokenizer never changes).
 * The snippet follows fts5SnippetFunction and fts5HighlightCb of SQLite's fts5_aux.c step by step.
 */

type Sqlite = Database.Database;

/** What the tokenizer makes of one character: starts or continues a word (folded), continues one only, or separates. */
type CharKind = { starts: boolean; continues: boolean; fold: string };

const SEPARATOR: CharKind = { starts: false, continues: false, fold: '' };
const kinds = new Map<number, CharKind>();
// ASCII: letters and digits are word characters (A–Z folding to a–z); everything else separates.
for (let code = 0; code < 128; code += 1) {
  const char = String.fromCharCode(code);
  const word = /[A-Za-z0-9]/.test(char);
  kinds.set(code, word ? { starts: true, continues: true, fold: char.toLowerCase() } : SEPARATOR);
}

/** Connections that have the tables characters are learnt through. */
const withCharTables = new WeakSet<Sqlite>();

/**
 * Asks SQLite's tokenizer about characters not met yet. Each is written alone (a word character
 * gives one term, its fold) and between two letters ("a" + it + "b": a mark that joins words
 * gives one term, a separator two) into a temp contentless index, read back through fts5vocab.
 */
function learn(sqlite: Sqlite, codes: readonly number[]): void {
  if (!withCharTables.has(sqlite)) {
    sqlite.exec(`CREATE VIRTUAL TABLE IF NOT EXISTS temp.browse_chars USING fts5 (text, content = '',
        tokenize = 'unicode61 remove_diacritics 2');
      CREATE VIRTUAL TABLE IF NOT EXISTS temp.browse_char_terms USING fts5vocab (temp, browse_chars, instance)`);
    withCharTables.add(sqlite);
  }
  const changes = () => prepared(sqlite, 'SELECT total_changes()').pluck().get() as number;
  const before = changes();
  const add = prepared(sqlite, 'INSERT INTO temp.browse_chars (rowid, text) VALUES (?, ?)');
  const terms = prepared(sqlite, 'SELECT doc, term FROM temp.browse_char_terms ORDER BY doc, offset');
  const clear = prepared(sqlite, "INSERT INTO temp.browse_chars (browse_chars) VALUES ('delete-all')");
  try {
    sqlite.transaction(() => {
      codes.forEach((code, index) => {
        const char = String.fromCodePoint(code);
        add.run(2 * index, char);
        add.run(2 * index + 1, `a${char}b`);
      });
      const found = new Map<number, string[]>();
      for (const { doc, term } of terms.all() as { doc: number; term: string }[]) {
        const list = found.get(doc);
        if (list) list.push(term);
        else found.set(doc, [term]);
      }
      codes.forEach((code, index) => {
        const alone = found.get(2 * index) ?? [];
        const between = found.get(2 * index + 1) ?? [];
        if (alone.length === 1) kinds.set(code, { starts: true, continues: true, fold: alone[0] ?? '' });
        else if (between.length === 1) {
          kinds.set(code, { starts: false, continues: true, fold: (between[0] ?? 'ab').slice(1, -1) });
        } else kinds.set(code, SEPARATOR);
      });
      clear.run();
    })();
  } finally {
    noteOwnChanges(sqlite, changes() - before);
  }
}

/** Makes sure every character of `texts` is known. */
export function learnChars(sqlite: Sqlite, texts: Iterable<string>): void {
  const unknown = new Set<number>();
  for (const text of texts) {
    for (let at = 0; at < text.length; at += 1) {
      const unit = text.charCodeAt(at);
      if (unit < 128) continue;
      const code = text.codePointAt(at) ?? unit;
      if (code > 0xffff) at += 1;
      if (!kinds.has(code)) unknown.add(code);
    }
  }
  if (unknown.size > 0) learn(sqlite, withNeighbours(unknown));
}

/** Characters learnt together: the block of 128 code points around each one met. */
const BLOCK = 128;

/**
 * The blocks nearly every library's texts hold beyond ASCII: Latin-1 ("é", "ü", "ñ"), Latin
 * Extended-A ("ł", "ő", "š") and punctuation ("’", "—", "…"). Of 20,000 films of the bench's
 * generated libraries, 99-100 % hold Latin-1, 15-17 % punctuation and 4-15 % Latin Extended-A.
 */
const COMMON_BLOCKS = [0x80, 0x100, 0x2000];

/**
 * Learns the common blocks at once, so the first searches after a library opens do not each stop
 * to learn one: meeting Latin-1, punctuation and Latin Extended-A on the pages of three searches
 * cost those searches 2-5 ms each. About 12 ms for the first library a process opens (the temp
 * tables made, the statements prepared); nothing for the next (what was learnt is kept).
 */
export function learnCommonChars(sqlite: Sqlite): void {
  learnChars(sqlite, [COMMON_BLOCKS.map((first) => String.fromCodePoint(first + 1)).join('')]);
}

/**
 * The characters not known yet in the blocks of `codes`. Asking SQLite costs about the same for a
 * block as for one character (a transaction over a temp index), and a text's characters come
 * from few blocks (Latin-1, Latin Extended, punctuation): so the first search to meet "é" learns
 * the rest of Latin-1 with it, instead of a later search stopping for "ü". Surrogates are never
 * characters of their own.
 */
function withNeighbours(codes: ReadonlySet<number>): number[] {
  const all = new Set<number>();
  for (const code of codes) {
    const first = code - (code % BLOCK);
    for (let near = first; near < first + BLOCK; near += 1) {
      if ((near < 0xd800 || near > 0xdfff) && !kinds.has(near)) all.add(near);
    }
    all.add(code);
  }
  return [...all];
}

const NON_ASCII = /[^\0-\x7f]/gu;
/** Separators in a text's matching form: ASCII other than letters and digits (non-ASCII separators become spaces). */
const SEPARATORS = '[\\0-/:-@\\[-`{-\\x7f]';

/**
 * A pattern that finds any phrase in a text's matching form (see matchingForm), as FTS5 would find
 * it: at the start of a word, the phrase's terms in a row, the last as a prefix. Terms hold no
 * ASCII but letters and digits (the tokenizer splits there), so nothing in them needs escaping.
 */
export function phrasePattern(phrases: readonly Phrase[]): RegExp {
  const each = phrases.map((phrase) =>
    phrase.map((term, index) => (index < phrase.length - 1 ? `${term}${SEPARATORS}+` : term)).join(''),
  );
  return new RegExp(`(?:^|${SEPARATORS})(?:${each.join('|')})`, 'u');
}

/**
 * A text with every character replaced by what the tokenizer folds it to (ASCII letters lowered,
 * other separators turned into spaces): a regular expression then finds the words typed in it at
 * C speed instead of tokenizing in JavaScript. Undefined when a character is not known yet or
 * cannot be written so (a mark that folds to something, a fold that lower-casing would change):
 * the text is then tokenized. `unknown` collects the characters not known yet.
 */
export function matchingForm(text: string, unknown: Set<number>): string | undefined {
  let plain = true;
  const folded = text.replace(NON_ASCII, (char) => {
    const code = char.codePointAt(0) as number;
    const kind = kinds.get(code);
    if (!kind) {
      unknown.add(code);
      plain = false;
      return ' ';
    }
    if (kind === SEPARATOR) return ' ';
    if (!kind.starts && kind.fold === '') return '';
    if (!kind.starts || kind.fold.toLowerCase() !== kind.fold || kind.fold.length === 0) plain = false;
    return kind.fold;
  });
  return plain ? folded.toLowerCase() : undefined;
}

/** One word of a text: where it is (string offsets) and its folded form, as the index holds it. */
export type Token = { start: number; end: number; term: string };

export const FORM_WORDS = /[^\0-/:-@[-`{-\x7f]+/gu;
/** A word character of a matching form (anything but an ASCII separator), for patterns built from it. */
const WORD_CHAR = '[^\\0-/:-@\\[-`{-\\x7f]';

/**
 * The words of `text`, as the index's tokenizer splits and folds them (its characters learnt
 * first). Given the text's matching form of the same length (every character folded to one), the
 * words are that form's runs of word characters, found by a regular expression.
 */
export function tokenize(text: string, form?: string): Token[] {
  const tokens: Token[] = [];
  if (form !== undefined && form.length === text.length) {
    for (const found of form.matchAll(FORM_WORDS)) {
      tokens.push({ start: found.index, end: found.index + found[0].length, term: found[0] });
    }
    return tokens;
  }
  let at = 0;
  const length = text.length;
  while (at < length) {
    // Skip separators (and marks, which only continue a word) up to a word character.
    let code = text.codePointAt(at) as number;
    let kind = kinds.get(code) ?? SEPARATOR;
    if (!kind.starts) {
      at += code > 0xffff ? 2 : 1;
      continue;
    }
    const start = at;
    let term = '';
    while (at < length) {
      code = text.codePointAt(at) as number;
      kind = kinds.get(code) ?? SEPARATOR;
      if (!kind.continues) break;
      term += kind.fold;
      at += code > 0xffff ? 2 : 1;
    }
    tokens.push({ start, end: at, term });
  }
  return tokens;
}

/** A word typed as FTS5 reads `"word"*`: its terms in a row, the last one a prefix. */
export type Phrase = readonly string[];

/** Where a phrase matched: the phrase's index and the token it starts at. */
type Instance = { phrase: number; at: number };

/** Every match of any phrase in `tokens`, in FTS5's order: by position, then by phrase. */
function instancesOf(tokens: readonly Token[], phrases: readonly Phrase[]): Instance[] {
  const found: Instance[] = [];
  for (let at = 0; at < tokens.length; at += 1) {
    for (let index = 0; index < phrases.length; index += 1) {
      const phrase = phrases[index] as Phrase;
      const last = phrase.length - 1;
      if (at + last >= tokens.length) continue;
      let whole = true;
      for (let i = 0; i < last && whole; i += 1) whole = tokens[at + i]?.term === phrase[i];
      if (whole && tokens[at + last]?.term.startsWith(phrase[last] as string))
        found.push({ phrase: index, at });
    }
  }
  return found;
}

/** fts5SnippetScore: the score of a window of `size` tokens from `from`, and where to start it to centre its matches. */
function windowScore(
  instances: readonly Instance[],
  phrases: readonly Phrase[],
  tokenCount: number,
  from: number,
  size: number,
): { score: number; start: number } {
  const seen = new Set<number>();
  let score = 0;
  let first = -1;
  let last = 0;
  for (const { phrase, at } of instances) {
    if (at < from || at >= from + size) continue;
    score += seen.has(phrase) ? 1 : 1000;
    seen.add(phrase);
    if (first < 0) first = at;
    last = at + (phrases[phrase]?.length ?? 1);
  }
  let start = first - Math.trunc((size - (last - first)) / 2);
  if (start + size > tokenCount) start = tokenCount - size;
  return { score, start: Math.max(0, start) };
}

/** Positions of the tokens that start a sentence (fts5SentenceFinderCb): the first, and any after "." or ":" and a space. */
function sentenceStarts(text: string, tokens: readonly Token[]): number[] {
  const starts: number[] = tokens.length > 0 ? [0] : [];
  for (let position = 1; position < tokens.length; position += 1) {
    const start = (tokens[position] as Token).start;
    let i = start - 1;
    let code = text.charCodeAt(i);
    // Space, tab, newline, carriage return.
    while (code === 32 || code === 9 || code === 10 || code === 13) code = text.charCodeAt(--i);
    // "." or ":" (a character before the text's start reads as NaN, which is neither).
    if (i !== start - 1 && (code === 46 || code === 58)) starts.push(position);
  }
  return starts;
}

export type Marks = { open: string; close: string; ellipsis: string; size: number };

/**
 * What a snippet needs of a text's words: how many there are, where the phrases match, which words
 * start a sentence, and the words of the window shown.
 */
type Words = {
  count: number;
  /** In FTS5's order: by position, then by phrase. */
  instances: Instance[];
  /** Positions of the words that start a sentence (needed only when the text is longer than a snippet). */
  firsts: () => number[];
  /** Up to `size` words from position `from`. */
  window: (from: number, size: number) => Token[];
};

/** Every word tokenized, as FTS5 does it: for texts without a matching form. */
function tokenizedWords(text: string, phrases: readonly Phrase[]): Words {
  const tokens = tokenize(text);
  return {
    count: tokens.length,
    instances: instancesOf(tokens, phrases),
    firsts: () => sentenceStarts(text, tokens),
    window: (from, size) => tokens.slice(from, from + size),
  };
}

/** Whether a UTF-16 unit of a matching form is part of a word (what FORM_WORDS matches). */
function inWord(unit: number): boolean {
  return (
    unit >= 128 || (unit >= 48 && unit <= 57) || (unit >= 97 && unit <= 122) || (unit >= 65 && unit <= 90)
  );
}

/** Where the word before the one starting at `at` starts (`at` may be the form's end). */
function previousWordStart(form: string, at: number): number {
  let i = at - 1;
  while (i >= 0 && !inWord(form.charCodeAt(i))) i -= 1;
  while (i >= 0 && inWord(form.charCodeAt(i))) i -= 1;
  return i + 1;
}

/** "." or ":" and white space (space, tab, newline, carriage return): what ends a sentence (fts5SentenceFinderCb). */
const SENTENCE_END = /[.:][ \t\n\r]+/g;

/** Per phrase, a pattern finding it at the start of a word of a matching form (terms in a row, the last a prefix). */
const phraseFinders = new WeakMap<readonly Phrase[], RegExp[]>();

function findersOf(phrases: readonly Phrase[]): RegExp[] {
  let finders = phraseFinders.get(phrases);
  if (!finders) {
    finders = phrases.map((phrase) => {
      const terms = phrase.map((term, index) => (index < phrase.length - 1 ? `${term}${SEPARATORS}+` : term));
      return new RegExp(`(?<!${WORD_CHAR})${terms.join('')}`, 'gu');
    });
    phraseFinders.set(phrases, finders);
  }
  return finders;
}

/** Places in a matching form whose word position is counted: a match, a sentence start. */
type Place = { offset: number; phrase: number; at: number };

/**
 * The same as tokenizedWords, from the text's matching form (every character folded to one),
 * without making an object of every word: regular expressions find the matches and the sentence
 * ends, the words before each are counted by the regular expression engine, and only the words
 * of the window shown are read one by one. A long story that a page's film matched in is
 * otherwise tokenized whole, word by word in JavaScript, for a snippet of ten words.
 */
function formWords(text: string, form: string, phrases: readonly Phrase[]): Words | null {
  const places: Place[] = [];
  findersOf(phrases).forEach((finder, phrase) => {
    finder.lastIndex = 0;
    for (let found = finder.exec(form); found; found = finder.exec(form)) {
      places.push({ offset: found.index, phrase, at: 0 });
      // The next match starts at a later word (phrases may overlap, as instancesOf finds them).
      finder.lastIndex = found.index + (phrases[phrase]?.[0]?.length ?? 1);
    }
  });
  if (places.length === 0) return null;
  SENTENCE_END.lastIndex = 0;
  for (let found = SENTENCE_END.exec(text); found; found = SENTENCE_END.exec(text)) {
    const offset = found.index + found[0].length;
    if (offset < form.length && inWord(form.charCodeAt(offset))) places.push({ offset, phrase: -1, at: 0 });
  }
  places.sort((a, b) => a.offset - b.offset || a.phrase - b.phrase);
  // Each place starts a word: the words before it are the ones before the last place, and those between.
  let counted = 0;
  let from = 0;
  for (const place of places) {
    if (place.offset > from) counted += form.slice(from, place.offset).match(FORM_WORDS)?.length ?? 0;
    from = place.offset;
    place.at = counted;
  }
  const count = counted + (form.slice(from).match(FORM_WORDS)?.length ?? 0);
  return {
    count,
    instances: places.filter((place) => place.phrase >= 0).map(({ phrase, at }) => ({ phrase, at })),
    firsts: () => [
      0,
      ...new Set(places.filter((place) => place.phrase < 0 && place.at > 0).map((place) => place.at)),
    ],
    window: (start, size) => {
      // From the nearest counted place at or after the window's start (or the end), back word by word.
      const after = places.find((place) => place.at >= start);
      let at = after?.at ?? count;
      let offset = after?.offset ?? form.length;
      for (; at > start; at -= 1) offset = previousWordStart(form, offset);
      const words: Token[] = [];
      const reader = new RegExp(FORM_WORDS.source, 'gu');
      reader.lastIndex = offset;
      for (let found = reader.exec(form); found && words.length < size; found = reader.exec(form)) {
        words.push({ start: found.index, end: found.index + found[0].length, term: found[0] });
      }
      return words;
    },
  };
}

/**
 * snippet(table, 0, open, close, ellipsis, size) of a one-column index holding `text`, queried
 * with the phrases OR'ed; null when no phrase matches (the row would not be found). `form`, the
 * text's matching form when known, makes finding its words quicker.
 */
export function snippet(
  text: string,
  phrases: readonly Phrase[],
  marks: Marks,
  form?: string,
): string | null {
  const words =
    form !== undefined && form.length === text.length
      ? formWords(text, form, phrases)
      : tokenizedWords(text, phrases);
  if (words === null || words.instances.length === 0) return null;
  const { instances, count } = words;
  const { size } = marks;
  // Sentence starts matter only when the text is longer than a snippet.
  const firsts = count > size ? words.firsts() : [];
  let bestScore = 0;
  let bestStart = 0;
  for (const { at } of instances) {
    const scored = windowScore(instances, phrases, count, at, size);
    if (scored.score > bestScore) {
      bestScore = scored.score;
      bestStart = scored.start;
    }
    if (firsts.length > 0 && count > size) {
      let j = 0;
      while (j < firsts.length - 1 && (firsts[j + 1] as number) <= at) j += 1;
      const sentence = firsts[j] as number;
      if (sentence < at) {
        const score =
          windowScore(instances, phrases, count, sentence, size).score + (sentence === 0 ? 120 : 100);
        if (score > bestScore) {
          bestScore = score;
          bestStart = sentence;
        }
      }
    }
  }
  // The coalesced matches (overlapping ones merged), as fts5CInstIterNext walks them.
  const runs: { start: number; end: number }[] = [];
  for (const { phrase, at } of instances) {
    const end = at - 1 + (phrases[phrase]?.length ?? 1);
    const run = runs[runs.length - 1];
    if (run && at <= run.end) run.end = Math.max(run.end, end);
    else runs.push({ start: at, end });
  }
  let next = 0;
  const NONE = { start: -1, end: -1 };
  let run = runs[next] ?? NONE;
  const advance = () => {
    next += 1;
    run = runs[next] ?? NONE;
  };
  const rangeStart = bestStart;
  const rangeEnd = bestStart + size - 1;
  const shown = words.window(rangeStart, size);
  let out = bestStart > 0 ? marks.ellipsis : '';
  while (run.start >= 0 && run.start < bestStart) advance();
  let offset = 0;
  let open = false;
  for (let position = rangeStart; position <= rangeEnd && position < count; position += 1) {
    const { start, end } = shown[position - rangeStart] as Token;
    if (rangeStart > 0 && position === rangeStart) offset = start;
    if (open && (position <= run.start || run.start < 0) && start > offset) {
      out += marks.close;
      open = false;
    }
    if (position === run.start && !open) {
      out += text.slice(offset, start) + marks.open;
      offset = start;
      open = true;
    }
    if (position === run.end) {
      if (!open) {
        out += marks.open;
        open = true;
      }
      out += text.slice(offset, end);
      offset = end;
      advance();
    }
    if (position === rangeEnd) {
      if (open) {
        if (run.start >= 0 && position >= run.start) {
          out += text.slice(offset, end);
          offset = end;
        }
        out += marks.close;
        open = false;
      }
      out += text.slice(offset, end);
      offset = end;
    }
  }
  if (open) out += marks.close;
  out += rangeEnd >= count - 1 ? text.slice(offset) : marks.ellipsis;
  return out;
}

/** The words typed as phrases, each tokenized as FTS5 tokenizes a query's phrase. */
export function phrasesOf(sqlite: Sqlite, words: readonly string[]): Phrase[] {
  learnChars(sqlite, words);
  // A word that holds no word character (marks alone) matches nothing, as in FTS5: it is left out.
  return words.map((word) => tokenize(word).map((token) => token.term)).filter((phrase) => phrase.length > 0);
}
