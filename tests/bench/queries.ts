/**
 * The fixed searches the bench times: what a collector types. Each list has 50: titles, people,
 * characters, words of quotes (or of the story, where a dataset has no quotes), prefixes as typed
 * letter by letter, and names typed without their diacritics (or with them).
 */

/** For generated films (tests/bench/vocabulary.ts). */
export const GENERATED_QUERIES: readonly string[] = [
  // titles
  'forgotten lighthouse',
  'garden kyoto',
  'the velvet requiem',
  'marathon',
  'labyrinth of havana',
  'falling angel',
  'citadel',
  'ballad',
  'broken heart 3',
  'echo prague',
  // people
  'Lindqvist',
  'Anna Moreau',
  'kenji tanaka',
  'Okafor',
  'Van Dijk',
  "O'Connell",
  'Sandoval',
  'Greta Weber',
  'Ishikawa',
  'Achterberg',
  // characters
  'Inspector Dubois',
  'Captain',
  'Sister Rossi',
  'Madame',
  'Judge Keller',
  'Professor',
  // quote words
  'freedom',
  'tomorrow darling',
  'courage',
  'ridiculous',
  'goodbye forever',
  'impossible',
  // prefixes
  'li',
  'mor',
  'ka',
  'fr',
  'har',
  'ligh',
  'sec',
  'wh',
  'tan',
  'crim',
  // diacritics
  'zoe',
  'Zoë',
  'bjorn',
  'muller',
  'Müller',
  'ibanez',
  'reykjavik',
  'cafe',
];

/** For the Wikipedia set: real titles and names; its films have no quotes or characters. */
export const REAL_QUERIES: readonly string[] = [
  // titles
  'casablanca',
  'godfather',
  'star wars',
  'jaws',
  'wizard of oz',
  'titanic',
  'rocky',
  'batman',
  'alien',
  'psycho',
  // people
  'humphrey bogart',
  'meryl streep',
  'tom hanks',
  'john wayne',
  'bette davis',
  'denzel washington',
  'marilyn monroe',
  'cary grant',
  'scarlett johansson',
  'samuel jackson',
  // story words
  'detective',
  'vampire',
  'heist',
  'world war',
  'pirates',
  'zombie',
  // characters (in the extract text)
  'sherlock holmes',
  'dracula',
  'tarzan',
  'superman',
  'frankenstein',
  'zorro',
  // prefixes
  'bog',
  'stre',
  'ha',
  'wa',
  'ca',
  'godf',
  'ter',
  'sp',
  'mo',
  'jo',
  // diacritics
  'amelie',
  'zoe saldana',
  'beyonce',
  'penelope cruz',
  'renee zellweger',
  'chloe sevigny',
  'Zoë',
  'Pokémon',
];

/** The lists by name, so a child process can be told which one to time. */
export const QUERY_LISTS = { generated: GENERATED_QUERIES, real: REAL_QUERIES } as const;
export type QueryList = keyof typeof QUERY_LISTS;
