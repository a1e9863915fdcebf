/** The paper sizes a sheet is typeset for. */
export type Paper = 'A4' | 'Letter';
export const PAPERS: readonly Paper[] = ['A4', 'Letter'];

/** What each paper is called in a menu. */
export const PAPER_LABEL: Record<Paper, string> = { A4: 'A4', Letter: 'US Letter' };

/** Regions whose printers load US Letter; everyone else prints on A4. */
const LETTER_REGIONS = new Set([
  'US',
  'CA',
  'MX',
  'PH',
  'CL',
  'CO',
  'VE',
  'GT',
  'PR',
  'CR',
  'PA',
  'DO',
  'SV',
  'NI',
]);

/** The paper a collector most likely has, from their locale ("en-US" → Letter, "de-DE" → A4). */
export function defaultPaper(locale: string | undefined): Paper {
  if (!locale) return 'A4';
  try {
    const region = new Intl.Locale(locale).maximize().region;
    return region !== undefined && LETTER_REGIONS.has(region) ? 'Letter' : 'A4';
  } catch {
    return 'A4';
  }
}
