/** Field names in the collector's words, for messages that say where a problem is. */
const LABELS: Record<string, string> = {
  title: 'Title',
  originalTitle: 'Original title',
  sortTitle: 'Sort title',
  year: 'Year',
  runtimeMinutes: 'Runtime',
  genres: 'Genres',
  directors: 'Directors',
  trailer: 'Trailer',
  label: 'Label',
  url: 'Address',
  ratings: 'Ratings',
  source: 'Source',
  value: 'Value',
  scale: 'Scale',
  votes: 'Votes',
  externalIds: 'External ids',
  quip: 'Plot summary',
  synopsis: 'Synopsis',
  spoilers: 'Spoilers',
  heading: 'Heading',
  body: 'Text',
  cast: 'Cast',
  person: 'Person',
  character: 'Character',
  description: 'Description',
  crew: 'Crew',
  job: 'Job',
  quotes: 'Quotes',
  speaker: 'Speaker',
  text: 'Text',
  context: 'Context',
  boxOffice: 'Box office',
  budget: 'Budget',
  domestic: 'Domestic gross',
  worldwide: 'Worldwide gross',
  amount: 'Amount',
  currency: 'Currency',
  personalReview: 'Personal review',
  audience: 'Who would enjoy',
  contentWarnings: 'Content warnings',
  criticReviews: 'Critic reviews',
  outlet: 'Outlet',
  score: 'Score',
  audienceReactions: 'Audience reactions',
  headline: 'Headline',
  detail: 'Detail',
  consensus: 'Consensus',
  awards: 'Awards',
  event: 'Event',
  category: 'Category',
  result: 'Result',
  trivia: 'Behind the scenes',
  whereToWatch: 'How to watch',
  note: 'Note',
  providers: 'Providers',
  name: 'Name',
  kind: 'Kind',
  similar: 'Similar films',
  reason: 'Why',
  filmId: 'Linked film',
  products: 'Products',
  soundtrack: 'Soundtrack',
  tracks: 'Tracks',
  performer: 'Performer',
  faq: 'FAQ',
  question: 'Question',
  answer: 'Answer',
  bonus: 'Bonus content',
  userRating: 'Your rating',
  watched: 'Watched',
  date: 'Date',
  copies: 'Copies',
  medium: 'Medium',
  edition: 'Edition',
  region: 'Region',
  location: 'Location',
  barcode: 'Barcode',
  acquired: 'Acquired',
  price: 'Price',
  loans: 'Loans',
  copyIndex: 'Copy',
  borrower: 'Borrower',
  lentOn: 'Lent on',
  dueOn: 'Due on',
  returnedOn: 'Returned on',
  tags: 'Tags',
  notes: 'Notes',
  poster: 'Poster',
};

/** `cast[2].person` → "Cast 3 › Person": the place of a problem, as a person reads it. */
export function pathLabel(path: string): string {
  const parts = path.match(/[^.[\]]+|\[\d+\]/g) ?? [];
  const words: string[] = [];
  for (const part of parts) {
    const index = /^\[(\d+)\]$/.exec(part);
    if (index) words[words.length - 1] = `${words.at(-1) ?? ''} ${Number(index[1]) + 1}`;
    else words.push(LABELS[part] ?? part);
  }
  return words.join(' › ') || 'The film';
}

/** The DOM id of the field editing `path`; problems in the summary jump to it. */
export function fieldId(path: string): string {
  return `field-${path.replace(/[^A-Za-z0-9_-]+/g, '-')}`;
}

/** The path one step up: `cast[2].person` → `cast[2]` → `cast` → ''. */
export function parentPath(path: string): string {
  return path.replace(/(\.[^.[\]]+|\[\d+\])$/, '').replace(/^[^.[\]]+$/, '');
}
