import { describe, expect, it } from 'vitest';
import { findFilmTitle, readSectionHeading } from '../../src/shared/fact-page/headings';
import { groupUnderHeadings, splitPageLines, stripQuoteMarks } from '../../src/shared/fact-page/lines';
import { crewFromPerformer, parseCastLine, parseQuoteLine } from '../../src/shared/fact-page/people-readers';
import {
  findProviderNames,
  parseProductLine,
  parseSimilarLine,
  parseTrackLine,
} from '../../src/shared/fact-page/extra-readers';
import {
  parseAudienceReactionLine,
  parseAwardLine,
  parseCriticReviewLine,
} from '../../src/shared/fact-page/review-readers';

describe('readSectionHeading', () => {
  it.each([
    ['🎯 Quick Overview', 'overview', null],
    ['Quick Overview', 'overview', null],
    ['😅 Plot Summary – Badly Explained', 'quip', null],
    ['Plot Summary - Badly Explained', 'quip', null],
    ['🍿 The Work: Detailed Plot Synopsis', 'synopsis', 'The Work'],
    ['Dear Zachary: A Letter: Detailed Plot Synopsis', 'synopsis', 'Dear Zachary: A Letter'],
    ['⚠️ Spoilers and Ending Explained', 'spoilers', null],
    ['🎬 Cast & Characters', 'cast', null],
    ['💬 Memorable Quotes', 'quotes', null],
    ['💰Box Office', 'boxOffice', null],
    ['💥 The Work Reviews', 'reviews', 'The Work'],
    ['Professional Reviews', 'criticReviews', null],
    ['Personal Review', 'personalReview', null],
    ['Audience Reactions', 'audienceReactions', null],
    ['Awards', 'awards', null],
    ['🛠️ Behind the Scenes', 'trivia', null],
    ['🖥️ How to Watch The Work?', 'whereToWatch', 'The Work'],
    ['🎥 Similar Movies', 'similar', null],
    ['🛒 The Work Related Products', 'products', 'The Work'],
    ['🎧 Soundtrack', 'soundtrack', null],
    ['🤨 FAQ', 'faq', null],
    ['🔥 Bonus Content', 'bonus', null],
    ['✨ Rate', 'rate', null],
    ['## Soundtrack', 'soundtrack', null],
    ['🎲 Fun Facts', 'unknown', null],
  ])('reads %j as %s', (line, kind, title) => {
    expect(readSectionHeading(line)).toEqual({ kind, title });
  });

  it.each([
    'Trailer',
    '- Director: Jairus McLeary, Gethin Aldous',
    'An Unprecedented Retreat Inside Folsom Prison',
    'Audience Reviews',
    'The film got great reviews from critics and audiences alike, and it kept getting them for years.',
  ])('does not read %j as a heading', (line) => {
    expect(readSectionHeading(line)).toBeNull();
  });
});

describe('findFilmTitle', () => {
  it('takes the title most headings agree on and names the others', () => {
    const lines = splitPageLines('🍿 Heat: Detailed Plot Synopsis\nHow to Watch Heat?\n💥 Cold Reviews');
    expect(findFilmTitle(lines)).toEqual({ title: 'Heat', otherTitles: ['Cold'] });
  });

  it('finds none in a page without titled headings', () => {
    expect(findFilmTitle(splitPageLines('FAQ\nSoundtrack'))).toEqual({ title: null, otherTitles: [] });
  });
});

describe('stripQuoteMarks', () => {
  it.each([
    ['“Includes strong language (profanity).”', 'Includes strong language (profanity).'],
    ['"Straight quotes."', 'Straight quotes.'],
    ['“‘The Work’ is intense, never closed.', '‘The Work’ is intense, never closed.'],
    ['They called it “the room”', 'They called it “the room”'],
    ['No quotes at all.', 'No quotes at all.'],
  ])('turns %j into %j', (text, stripped) => {
    expect(stripQuoteMarks(text)).toBe(stripped);
  });
});

describe('groupUnderHeadings', () => {
  const groups = (text: string) =>
    groupUnderHeadings(splitPageLines(text)).map(({ heading, body }) => [
      heading?.text ?? null,
      body.map((line) => line.text),
    ]);

  it('puts paragraphs under the heading above them', () => {
    expect(groups('Part One\nFirst paragraph.\nSecond paragraph.\n\nPart Two\nThird.')).toEqual([
      ['Part One', ['First paragraph.', 'Second paragraph.']],
      ['Part Two', ['Third.']],
    ]);
  });

  it('makes each paragraph after a blank line a group of its own', () => {
    expect(groups('First.\n\nSecond.')).toEqual([
      [null, ['First.']],
      [null, ['Second.']],
    ]);
  });

  it('keeps a heading-like line with nothing under it as text', () => {
    expect(groups('Coming soon')).toEqual([[null, ['Coming soon']]]);
  });
});

describe('parseCastLine', () => {
  it.each([
    [
      '- Richard ‘Rick’ Misener (Richard ‘Rick’ Misener): An incarcerated man (one of many).',
      {
        person: 'Richard ‘Rick’ Misener',
        character: 'Richard ‘Rick’ Misener',
        description: 'An incarcerated man (one of many).',
      },
    ],
    ['Rob Allbee (Himself)', { person: 'Rob Allbee', character: 'Himself', description: null }],
    ['- Jane Doe: The narrator.', { person: 'Jane Doe', character: null, description: 'The narrator.' }],
    ['- Jane Doe', { person: 'Jane Doe', character: null, description: null }],
  ])('reads %j', (line, member) => {
    expect(parseCastLine(line)).toEqual(member);
  });

  it('refuses a sentence', () => {
    expect(
      parseCastLine('The cast is made up of real inmates and volunteers, none of them actors.'),
    ).toBeNull();
  });
});

describe('parseQuoteLine', () => {
  it.each([
    [
      '- Manny: “We’re all locked up in some way.” – An incarcerated man reflecting.',
      {
        speaker: 'Manny',
        text: 'We’re all locked up in some way.',
        context: 'An incarcerated man reflecting.',
      },
    ],
    [
      'James: "Straight quotes." - hyphen context',
      { speaker: 'James', text: 'Straight quotes.', context: 'hyphen context' },
    ],
    ['Rob: “Em dash.” — context', { speaker: 'Rob', text: 'Em dash.', context: 'context' }],
    ['“No speaker, no context.”', { speaker: null, text: 'No speaker, no context.', context: null }],
    [
      'James: “The anger… it’s just pain.” – He said “pain” twice.',
      { speaker: 'James', text: 'The anger… it’s just pain.', context: 'He said “pain” twice.' },
    ],
  ])('reads %j', (line, quote) => {
    expect(parseQuoteLine(line)).toEqual(quote);
  });

  it('refuses a line without a quotation', () => {
    expect(parseQuoteLine('- Manny said something memorable.')).toBeNull();
  });
});

describe('crewFromPerformer', () => {
  it.each([
    [
      'Jairus McLeary & Gethin Aldous (Directors/Sound Design)',
      [
        { person: 'Jairus McLeary', job: 'Sound Design' },
        { person: 'Gethin Aldous', job: 'Sound Design' },
      ],
    ],
    [
      'Jane Doe (Director/Composer/Editor)',
      [
        { person: 'Jane Doe', job: 'Composer' },
        { person: 'Jane Doe', job: 'Editor' },
      ],
    ],
    ['The Participants of Folsom Prison', []],
    ['Blanket Fort Media (Label)', []],
  ])('credits %j', (performer, credits) => {
    expect(crewFromPerformer(performer)).toEqual(credits);
  });
});

describe('parseAwardLine', () => {
  it.each([
    [
      '- SXSW Film Festival (Grand Jury Prize, Documentary Feature Competition)- 2017',
      {
        event: 'SXSW Film Festival',
        category: 'Grand Jury Prize, Documentary Feature Competition',
        year: 2017,
        result: 'won',
      },
    ],
    [
      'Academy Awards (Best Documentary, Nominated) – 2018',
      { event: 'Academy Awards', category: 'Best Documentary', year: 2018, result: 'nominated' },
    ],
    [
      'Sundance (Audience Award)',
      { event: 'Sundance', category: 'Audience Award', year: null, result: 'won' },
    ],
    ['Peabody Award - 2019', { event: 'Peabody Award', category: null, year: 2019, result: 'won' }],
    ['Berlinale (2016)', { event: 'Berlinale', category: null, year: 2016, result: 'won' }],
  ])('reads %j', (line, award) => {
    expect(parseAwardLine(line)).toEqual(award);
  });

  it.each(['Won lots of prizes', 'Oscar (Best Picture)- 1492'])('refuses %j', (line) => {
    expect(parseAwardLine(line)).toBeNull();
  });
});

describe('parseCriticReviewLine', () => {
  it.each([
    [
      '- The Daily Reel: “A masterclass.',
      { outlet: 'The Daily Reel', text: 'A masterclass.', url: null, score: null },
    ],
    ['Variety (4/5): “Closed quote.”', { outlet: 'Variety', text: 'Closed quote.', url: null, score: '4/5' }],
  ])('reads %j', (line, review) => {
    expect(parseCriticReviewLine(line)).toEqual(review);
  });
});

describe('parseAudienceReactionLine', () => {
  it.each([
    [
      'Viewers were moved.: The film’s honesty was praised.',
      { headline: 'Viewers were moved.', detail: 'The film’s honesty was praised.' },
    ],
    ['Moved: praised', { headline: 'Moved', detail: 'praised' }],
    ['Everyone cried.', { headline: 'Everyone cried.', detail: null }],
  ])('reads %j', (line, reaction) => {
    expect(parseAudienceReactionLine(line)).toEqual(reaction);
  });
});

describe('parseSimilarLine', () => {
  it.each([
    [
      '- Dear Zachary: A Letter to a Son About His Father (2008): A profoundly raw documentary.',
      {
        title: 'Dear Zachary: A Letter to a Son About His Father',
        year: 2008,
        reason: 'A profoundly raw documentary.',
        filmId: null,
      },
    ],
    ['12 Angry Men (1957)', { title: '12 Angry Men', year: 1957, reason: null, filmId: null }],
    ['- Heat: Same tension.', { title: 'Heat', year: null, reason: 'Same tension.', filmId: null }],
  ])('reads %j', (line, similar) => {
    expect(parseSimilarLine(line)).toEqual(similar);
  });
});

describe('parseProductLine', () => {
  it.each([
    [
      '- Johnny Cash – At Folsom Prison (Vinyl Record): The legendary live album: recorded live.',
      {
        name: 'Johnny Cash – At Folsom Prison (Vinyl Record)',
        description: 'The legendary live album: recorded live.',
        url: null,
      },
    ],
    ['- A Poster', { name: 'A Poster', description: null, url: null }],
  ])('reads %j', (line, product) => {
    expect(parseProductLine(line)).toEqual(product);
  });

  it.each(['Check these out:', 'A sentence without a list marker'])('refuses %j', (line) => {
    expect(parseProductLine(line)).toBeNull();
  });
});

describe('parseTrackLine', () => {
  it.each([
    [
      '- “The Weight of the Past” – performed by Jairus McLeary & Gethin Aldous (Directors/Sound Design)',
      {
        title: 'The Weight of the Past',
        performer: 'Jairus McLeary & Gethin Aldous (Directors/Sound Design)',
      },
    ],
    ['"Straight" - by Someone', { title: 'Straight', performer: 'Someone' }],
    ['“Alone”', { title: 'Alone', performer: null }],
    ['- Unquoted Song — performed by A Band', { title: 'Unquoted Song', performer: 'A Band' }],
  ])('reads %j', (line, track) => {
    expect(parseTrackLine(line)).toEqual(track);
  });

  it('refuses a sentence', () => {
    expect(
      parseTrackLine('You can find the complete soundtrack on Amazon Music and Apple Music.'),
    ).toBeNull();
  });
});

describe('findProviderNames', () => {
  it('names the services in the order the text names them, once each', () => {
    const text =
      'Stream it on Netflix or Amazon Prime Video, rent on Apple TV+, Apple TV and Vudu; Netflix again.';
    expect(findProviderNames(text)).toEqual([
      'Netflix',
      'Amazon Prime Video',
      'Apple TV+',
      'Apple TV',
      'Vudu',
    ]);
  });

  it('does not find "Max" inside other words', () => {
    expect(findProviderNames('the maximum-security prison, Maxine')).toEqual([]);
  });
});
