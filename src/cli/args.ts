import { sortKeys, type SortKey } from '../shared/browse';
import { duplicateRules, type DuplicateRule } from '../shared/transfer';

/** The command line, parsed: `filmfolio [--library FILE] <command> …`. Pure: no I/O here. */

export const PAPERS = ['A4', 'Letter'] as const;
export type Paper = (typeof PAPERS)[number];

export type CliCommand =
  | {
      name: 'import';
      files: string[];
      dryRun: boolean;
      onDuplicate: DuplicateRule;
      json: boolean;
      skipRejected: boolean;
      progress: boolean;
    }
  | { name: 'export'; file: string; search: string | null; images: boolean; progress: boolean }
  | { name: 'list'; search: string | null; sort: SortKey; descending: boolean; json: boolean }
  | { name: 'show'; film: string; json: boolean }
  | { name: 'sheet'; films: string[]; out: string; paper: Paper; locale: string }
  | { name: 'check'; full: boolean; json: boolean }
  | { name: 'backup'; list: boolean; json: boolean }
  | { name: 'restore'; file: string }
  | { name: 'help'; topic: string | null }
  | { name: 'version' };

export type CommandName = Exclude<CliCommand['name'], 'help' | 'version'>;
export type ParsedArgs = { library: string | null; command: CliCommand };

/** Wrong usage: the message says what was wrong; the CLI prints it with the usage and exits 2. */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly command: CommandName | null = null,
  ) {
    super(message);
    this.name = 'UsageError';
  }
}

type FlagSpec = { value?: readonly string[] | 'any' };
const FLAGS: Record<CommandName, Record<string, FlagSpec>> = {
  import: {
    'dry-run': {},
    'on-duplicate': { value: duplicateRules },
    json: {},
    'skip-rejected': {},
    progress: {},
  },
  export: { search: { value: 'any' }, 'no-images': {}, progress: {} },
  list: { search: { value: 'any' }, sort: { value: sortKeys }, descending: {}, json: {} },
  show: { json: {} },
  sheet: { out: { value: 'any' }, paper: { value: PAPERS }, locale: { value: 'any' } },
  check: { full: {}, json: {} },
  backup: { list: {}, json: {} },
  restore: {},
};
const COMMANDS = Object.keys(FLAGS) as CommandName[];

type Tokens = {
  positionals: string[];
  flags: Map<string, string | true>;
  library: string | null;
  help: boolean;
  version: boolean;
};

function takeValue(
  argv: readonly string[],
  index: number,
  flag: string,
  inline: string | undefined,
  command: CommandName | null,
) {
  if (inline !== undefined) return { value: inline, next: index + 1 };
  const value = argv[index + 1];
  if (value === undefined || value.startsWith('--')) throw new UsageError(`--${flag} needs a value`, command);
  return { value, next: index + 2 };
}

function flagSpec(command: CommandName | null, flag: string): FlagSpec {
  const spec = command ? FLAGS[command][flag] : undefined;
  if (!spec) {
    const where = command ? `the ${command} command has no option --${flag}` : `unknown option --${flag}`;
    throw new UsageError(where, command);
  }
  return spec;
}

function checkedValue(flag: string, spec: FlagSpec, value: string, command: CommandName | null): string {
  if (spec.value === 'any' || spec.value === undefined || spec.value.includes(value)) return value;
  throw new UsageError(`--${flag} must be one of ${spec.value.join(', ')} (not "${value}")`, command);
}

function tokenize(argv: readonly string[]): Tokens & { command: CommandName | null } {
  const tokens: Tokens = { positionals: [], flags: new Map(), library: null, help: false, version: false };
  let command: CommandName | null = null;
  let index = 0;
  let optionsEnded = false;
  while (index < argv.length) {
    const arg = argv[index] as string;
    if (optionsEnded || !arg.startsWith('-') || arg === '-') {
      if (command === null && tokens.positionals.length === 0) {
        if (!COMMANDS.includes(arg as CommandName) && arg !== 'help') {
          throw new UsageError(`unknown command "${arg}"; the commands are ${COMMANDS.join(', ')}`);
        }
        if (arg === 'help') tokens.help = true;
        else command = arg as CommandName;
      } else tokens.positionals.push(arg);
      index += 1;
      continue;
    }
    if (arg === '--') {
      optionsEnded = true;
      index += 1;
      continue;
    }
    if (arg === '-h' || arg === '--help') {
      tokens.help = true;
      index += 1;
      continue;
    }
    if (arg === '--version' || arg === '-v') {
      tokens.version = true;
      index += 1;
      continue;
    }
    if (!arg.startsWith('--')) throw new UsageError(`unknown option ${arg}`, command);
    const [flag, inline] = splitFlag(arg.slice(2));
    if (flag === 'library') {
      const { value, next } = takeValue(argv, index, flag, inline, command);
      tokens.library = value;
      index = next;
      continue;
    }
    const spec = flagSpec(command, flag);
    if (spec.value === undefined) {
      if (inline !== undefined) throw new UsageError(`--${flag} takes no value`, command);
      tokens.flags.set(flag, true);
      index += 1;
    } else {
      const { value, next } = takeValue(argv, index, flag, inline, command);
      tokens.flags.set(flag, checkedValue(flag, spec, value, command));
      index = next;
    }
  }
  return { ...tokens, command };
}

function splitFlag(text: string): [string, string | undefined] {
  const equals = text.indexOf('=');
  return equals < 0 ? [text, undefined] : [text.slice(0, equals), text.slice(equals + 1)];
}

const text = (flags: Tokens['flags'], name: string) => {
  const value = flags.get(name);
  return typeof value === 'string' ? value : null;
};
const has = (flags: Tokens['flags'], name: string) => flags.has(name);

function positionals(tokens: Tokens, command: CommandName, min: number, max: number, what: string): string[] {
  const count = tokens.positionals.length;
  if (count < min) throw new UsageError(`${command} needs ${what}`, command);
  if (count > max)
    throw new UsageError(`${command} takes ${what}, not also "${tokens.positionals[max]}"`, command);
  return tokens.positionals;
}

function buildCommand(command: CommandName, tokens: Tokens): CliCommand {
  const { flags } = tokens;
  switch (command) {
    case 'import':
      return {
        name: 'import',
        files: positionals(tokens, command, 1, Infinity, 'at least one FILE'),
        dryRun: has(flags, 'dry-run'),
        onDuplicate: (text(flags, 'on-duplicate') ?? 'skip') as DuplicateRule,
        json: has(flags, 'json'),
        skipRejected: has(flags, 'skip-rejected'),
        progress: has(flags, 'progress'),
      };
    case 'export':
      return {
        name: 'export',
        file: positionals(tokens, command, 1, 1, 'one FILE')[0] as string,
        search: text(flags, 'search'),
        images: !has(flags, 'no-images'),
        progress: has(flags, 'progress'),
      };
    case 'list':
      positionals(tokens, command, 0, 0, 'no FILE (use --search to narrow the list)');
      return {
        name: 'list',
        search: text(flags, 'search'),
        sort: (text(flags, 'sort') ?? 'title') as SortKey,
        descending: has(flags, 'descending'),
        json: has(flags, 'json'),
      };
    case 'show':
      return {
        name: 'show',
        film: positionals(tokens, command, 1, 1, 'one ID or TITLE')[0] as string,
        json: has(flags, 'json'),
      };
    case 'sheet': {
      const out = text(flags, 'out');
      if (!out) throw new UsageError('sheet needs --out FILE.html', command);
      return {
        name: 'sheet',
        films: positionals(tokens, command, 1, Infinity, 'at least one ID or TITLE'),
        out,
        paper: (text(flags, 'paper') ?? 'A4') as Paper,
        locale: text(flags, 'locale') ?? 'en-US',
      };
    }
    case 'check':
      positionals(tokens, command, 0, 0, 'no FILE (name the library with --library FILE)');
      return { name: 'check', full: has(flags, 'full'), json: has(flags, 'json') };
    case 'backup':
      positionals(tokens, command, 0, 0, 'no FILE (name the library with --library FILE)');
      return { name: 'backup', list: has(flags, 'list'), json: has(flags, 'json') };
    case 'restore':
      return { name: 'restore', file: positionals(tokens, command, 1, 1, 'one backup FILE')[0] as string };
  }
}

/** Parses the arguments after `filmfolio`; throws UsageError on anything it does not understand. */
export function parseArgs(argv: readonly string[]): ParsedArgs {
  const tokens = tokenize(argv);
  if (tokens.version) return { library: tokens.library, command: { name: 'version' } };
  if (!tokens.help && tokens.command === null) throw new UsageError('say which command to run');
  if (tokens.help || tokens.command === null) {
    return {
      library: tokens.library,
      command: { name: 'help', topic: tokens.command ?? tokens.positionals[0] ?? null },
    };
  }
  return { library: tokens.library, command: buildCommand(tokens.command, tokens) };
}
