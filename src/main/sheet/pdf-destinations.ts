/**
 * Reads where a printed PDF's named destinations land: Chromium writes one for every element a
 * link points at (`<a href="#sheet-3">` → `/Dests << /sheet-3 [page /XYZ …] >>`), so printing a
 * catalogue once tells on which page each sheet starts. Only the classic structure Chromium's PDF
 * writer (Skia) produces is read: an `xref` table, a catalog with `/Pages` and `/Dests`. Anything
 * else is reported as unreadable rather than guessed at.
 */

export type PdfPages = {
  pageCount: number;
  /** Destination name → the 1-based page it points at. */
  destinations: Map<string, number>;
};

export class UnreadablePdfError extends Error {
  constructor(detail: string) {
    super(`The printed PDF could not be read for page numbers (${detail}).`);
    this.name = 'UnreadablePdfError';
  }
}

type ObjectTable = { text: string; offsets: Map<number, number> };

/** The object offsets from the PDF's last cross-reference table. */
function readObjectTable(pdf: Uint8Array): ObjectTable {
  const text = new TextDecoder('latin1').decode(pdf);
  const start = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(text);
  if (!start) throw new UnreadablePdfError('no startxref');
  const xref = /^xref\s+(\d+)\s+(\d+)\s+/.exec(text.slice(Number(start[1])));
  if (!xref) throw new UnreadablePdfError('no classic xref table');
  const first = Number(xref[1]);
  const entries = text.slice(Number(start[1]) + xref[0].length).match(/^\d{10} \d{5} [nf]/gm) ?? [];
  const offsets = new Map<number, number>();
  entries.slice(0, Number(xref[2])).forEach((entry, index) => {
    if (entry.endsWith('n')) offsets.set(first + index, Number(entry.slice(0, 10)));
  });
  return { text, offsets };
}

/** An object's dictionary text (up to its stream or its end). */
function objectText(table: ObjectTable, objectNumber: number): string {
  const offset = table.offsets.get(objectNumber);
  if (offset === undefined) throw new UnreadablePdfError(`object ${objectNumber} is missing`);
  const end = table.text.indexOf('endobj', offset);
  const body = table.text.slice(offset, end < 0 ? undefined : end);
  const stream = body.search(/\bstream\r?\n/);
  return stream < 0 ? body : body.slice(0, stream);
}

function reference(dictionary: string, key: string): number | null {
  const match = new RegExp(`/${key}\\s+(\\d+)\\s+\\d+\\s+R`).exec(dictionary);
  return match ? Number(match[1]) : null;
}

/** Page object numbers in reading order: the page tree walked depth first. */
function pageOrder(table: ObjectTable, node: number, seen = new Set<number>()): number[] {
  if (seen.has(node)) throw new UnreadablePdfError('the page tree loops');
  seen.add(node);
  const dictionary = objectText(table, node);
  if (/\/Type\s*\/Page(?![A-Za-z])/.test(dictionary)) return [node];
  const kids = /\/Kids\s*\[([^\]]*)\]/.exec(dictionary);
  if (!kids) throw new UnreadablePdfError(`page tree node ${node} has no kids`);
  const children = [...kids[1]!.matchAll(/(\d+)\s+\d+\s+R/g)].map((match) => Number(match[1]));
  return children.flatMap((child) => pageOrder(table, child, seen));
}

/** `#xx` escapes in a PDF name, decoded. */
function decodeName(name: string): string {
  return name.replace(/#([0-9A-Fa-f]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

function destinationsDictionary(table: ObjectTable, catalog: string): string {
  const inline = /\/Dests\s*<<([\s\S]*?)>>/.exec(catalog);
  if (inline) return inline[1]!;
  const dests = reference(catalog, 'Dests');
  return dests === null ? '' : objectText(table, dests);
}

/** The page count of a printed PDF and the page each named destination points at. */
export function readPdfPages(pdf: Uint8Array): PdfPages {
  const table = readObjectTable(pdf);
  const trailer = table.text.slice(table.text.lastIndexOf('trailer'));
  const root = reference(trailer, 'Root');
  if (root === null) throw new UnreadablePdfError('no document catalog');
  const catalog = objectText(table, root);
  const pagesRoot = reference(catalog, 'Pages');
  if (pagesRoot === null) throw new UnreadablePdfError('no page tree');
  const pages = pageOrder(table, pagesRoot);
  const pageIndex = new Map(pages.map((page, index) => [page, index + 1]));
  const destinations = new Map<string, number>();
  const entries = destinationsDictionary(table, catalog).matchAll(
    /\/([^\s/[\]<>()]+)\s*\[\s*(\d+)\s+\d+\s+R/g,
  );
  for (const [, name, page] of entries) {
    const number = pageIndex.get(Number(page));
    if (number !== undefined) destinations.set(decodeName(name!), number);
  }
  return { pageCount: pages.length, destinations };
}
