/**
 * What a person sees of one incoming record when they click one of its problems: the record as
 * the file holds it (a library file's film as indented JSON, or a fact page's lines around the
 * one named), with the line of the problem's field marked. Only possible when the window read the
 * file's text itself (a dropped or picked file); a file opened through the system dialog stays in main.
 */

export type ExcerptLine = { number: number; text: string };
export type RecordExcerpt = { lines: ExcerptLine[]; marked: number | null };

/** Long values (a poster's data URL) are cut: the excerpt is there to find a field, not to read it all. */
const MAX_VALUE_CHARS = 160;
const PAGE_CONTEXT_LINES = 3;

type Printed = { lines: string[]; lineOf: Map<string, number> };

function printValue(value: unknown): string {
  const text = JSON.stringify(value) ?? 'null';
  return text.length > MAX_VALUE_CHARS
    ? `${text.slice(0, MAX_VALUE_CHARS)}… (${text.length.toLocaleString('en')} characters)`
    : text;
}

/** Pretty-prints like JSON.stringify(value, null, 2), remembering the line each path starts on. */
function print(
  value: unknown,
  path: string,
  indent: string,
  prefix: string,
  out: Printed,
  last: boolean,
): void {
  out.lineOf.set(path, out.lines.length);
  const comma = last ? '' : ',';
  const entries: [string, string, unknown][] = Array.isArray(value)
    ? value.map((item, index) => [`${path}[${index}]`, '', item])
    : typeof value === 'object' && value !== null
      ? Object.entries(value).map(([key, item]) => [`${path}.${key}`, `${JSON.stringify(key)}: `, item])
      : [];
  const isContainer = typeof value === 'object' && value !== null;
  if (!isContainer || entries.length === 0) {
    out.lines.push(
      `${indent}${prefix}${isContainer ? (Array.isArray(value) ? '[]' : '{}') : printValue(value)}${comma}`,
    );
    return;
  }
  const [open, close] = Array.isArray(value) ? ['[', ']'] : ['{', '}'];
  out.lines.push(`${indent}${prefix}${open}`);
  entries.forEach(([childPath, key, item], index) =>
    print(item, childPath, `${indent}  `, key, out, index === entries.length - 1),
  );
  out.lines.push(`${indent}${close}${comma}`);
}

const LAST_STEP = /(\.[^.[\]]+|\[\d+\])$/;

/** The line of `path`, or of the nearest enclosing path printed (a missing field marks its parent). */
function lineOfPath(lineOf: Map<string, number>, path: string): number | null {
  let prefix = path;
  for (;;) {
    const line = lineOf.get(prefix);
    if (line !== undefined) return line;
    const shorter = prefix.replace(LAST_STEP, '');
    if (shorter === prefix || shorter === '') return null;
    prefix = shorter;
  }
}

/** The film at `place` (`films[2]`) of a library file's text, with the line of `fieldPath` marked. */
export function libraryRecordExcerpt(
  text: string,
  place: string,
  fieldPath: string | null,
): RecordExcerpt | null {
  const index = /^films\[(\d+)\]$/.exec(place);
  if (!index) return null;
  let film: unknown;
  try {
    film = (JSON.parse(text.replace(/^\uFEFF/, '')) as { films?: unknown[] }).films?.[Number(index[1])];
  } catch {
    // A film that is not even JSON is reported with its byte offset; there is no record to show.
    return null;
  }
  if (film === undefined) return null;
  const printed: Printed = { lines: [], lineOf: new Map() };
  print(film, place, '', '', printed, true);
  const marked = fieldPath && fieldPath !== place ? lineOfPath(printed.lineOf, fieldPath) : null;
  return {
    lines: printed.lines.map((line, number) => ({ number: number + 1, text: line })),
    marked: marked === null ? null : marked + 1,
  };
}

/** The lines of a fact page around `line N` (1-based), that line marked. */
export function pageLineExcerpt(text: string, path: string): RecordExcerpt | null {
  const match = /^line (\d+)$/.exec(path);
  if (!match) return null;
  const line = Number(match[1]);
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  if (line < 1 || line > lines.length) return null;
  const from = Math.max(1, line - PAGE_CONTEXT_LINES);
  const to = Math.min(lines.length, line + PAGE_CONTEXT_LINES);
  return {
    lines: lines.slice(from - 1, to).map((text, offset) => ({ number: from + offset, text })),
    marked: line,
  };
}
