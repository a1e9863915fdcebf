/**
 * How text typed or pasted into a token box becomes tokens. Lines and semicolons always separate.
 * A comma separates too, as in "Drama, Comedy" or a pasted credit list, except before a name
 * suffix: "Sammy Davis, Jr." is one person, and "Sammy Davis, Jr., Frank Sinatra" two.
 */

const LIST_BREAK = /[;\r\n]+/;
/** Suffixes written after a comma in names; a lone word, with or without its full stop. */
const NAME_SUFFIX = /^(?:jr|sr|jnr|snr|esq|ii|iii|iv)\.?$/i;

/** The parts of one line, a comma before a name suffix kept inside its part. */
function splitLine(line: string): string[] {
  const parts: string[] = [];
  for (const part of line.split(',')) {
    const previous = parts.length - 1;
    if (previous >= 0 && parts[previous]!.trim() !== '' && NAME_SUFFIX.test(part.trim())) {
      parts[previous] = `${parts[previous]},${part}`;
    } else {
      parts.push(part);
    }
  }
  return parts;
}

/** Every token in the text, trimmed, empty ones left out. */
export function splitTokens(text: string): string[] {
  return text
    .split(LIST_BREAK)
    .flatMap(splitLine)
    .map((part) => part.trim())
    .filter((part) => part !== '');
}

/**
 * Text still being typed: the tokens it already holds, and the last part, the one the suggestions
 * are for. "Drama, Com" is "Drama" done and "Com" being typed.
 */
export function splitTyping(text: string): { done: string[]; typing: string } {
  const parts = text.split(LIST_BREAK).flatMap(splitLine);
  const typing = parts.pop() ?? '';
  return { done: parts.map((part) => part.trim()).filter((part) => part !== ''), typing: typing.trim() };
}
