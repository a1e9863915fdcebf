import { z } from 'zod';
import { filmInputSchema, type Film } from './film-schema';
import { facetQuerySchema, listQuerySchema, type Facets, type FilmPage } from './browse';
import {
  bulkEditSchema,
  filmIdsSchema,
  lendSchema,
  returnSchema,
  suggestQuerySchema,
  trashQuerySchema,
  type BulkEditResult,
  type TrashedFilm,
  type TrashPage,
} from './library-edits';
import {
  duplicateRuleSchema,
  exportRequestSchema,
  importDecisionsSchema,
  type ExportResult,
  type ImportPreviewSummary,
  type ImportResult,
  type TransferProgress,
} from './transfer';
import { settingsPatchSchema, type RecentLibrary, type Settings } from './settings';
import { backupNameSchema, type BackupSummary, type RestoreResult } from './backups';
import type { LibraryHealth } from './library-health';

/**
 * The one contract between the window and the main process: each channel's argument schema and
 * result type. The preload's API, the main handlers and the renderer's types all derive from it.
 */

/** Declares a channel: the arguments as a tuple schema, the result as a type only. */
function channel<Result>() {
  return <Args extends z.ZodTuple>(args: Args) => ({ args, result: undefined as unknown as Result });
}

const filmId = z.uuid({ error: 'must be a film id (a UUID)' });

export type LibraryInfo = { path: string; name: string; filmCount: number };

/** Text the window read from a file it was given (a browser File has no path), up to what a string can hold. */
export const MAX_IMPORT_TEXT_CHARS = 500_000_000;
const importSourceSchema = z.union([
  z.string().min(1),
  z.strictObject({ text: z.string().max(MAX_IMPORT_TEXT_CHARS), name: z.string().min(1).max(255) }),
]);

/** Which system dialogs main offers: without them the window asks for a path itself. */
export type DialogsAvailable = { files: boolean; showInFolder: boolean };

export const contract = {
  'library:info': channel<LibraryInfo>()(z.tuple([])),
  'library:open-sample': channel<{ added: number }>()(z.tuple([])),
  'films:list': channel<FilmPage>()(z.tuple([listQuerySchema])),
  'films:facets': channel<Facets>()(z.tuple([facetQuerySchema.optional()])),
  /** The exact number of films a search and filter find (a big search's first page leaves it for later). */
  'films:count': channel<number>()(z.tuple([facetQuerySchema])),
  'films:ids': channel<string[]>()(z.tuple([listQuerySchema])),
  'films:get': channel<Film | null>()(z.tuple([filmId])),
  'films:create': channel<Film>()(z.tuple([filmInputSchema])),
  'films:update': channel<Film>()(
    z.tuple([filmInputSchema.and(z.object({ id: filmId })), z.iso.datetime({ offset: true }).nullable()]),
  ),
  'films:delete': channel<boolean>()(z.tuple([filmId])),
  'films:trash': channel<TrashedFilm[]>()(z.tuple([filmIdsSchema])),
  'films:restore': channel<number>()(z.tuple([filmIdsSchema])),
  'trash:list': channel<TrashPage>()(z.tuple([trashQuerySchema])),
  'trash:empty': channel<number>()(z.tuple([filmIdsSchema.nullable()])),
  'films:suggest': channel<string[]>()(z.tuple([suggestQuerySchema])),
  'films:lend': channel<Film>()(z.tuple([lendSchema, z.iso.datetime({ offset: true }).nullable()])),
  'films:return': channel<Film>()(z.tuple([returnSchema, z.iso.datetime({ offset: true }).nullable()])),
  'films:bulk-edit': channel<BulkEditResult>()(z.tuple([bulkEditSchema])),
  'posters:save-thumbnail': channel<null>()(z.tuple([filmId, z.string().max(1_000_000)])),
  // Library files in and out. A job id (chosen by the window) lets it poll progress and cancel.
  // A path (from a dialog or the menu), or the text of a file the window read itself (a drop, a paste).
  'transfer:preview-import': channel<ImportPreviewSummary>()(
    z.tuple([importSourceSchema, duplicateRuleSchema, z.string().max(100).nullable()]),
  ),
  'transfer:summarize-import': channel<ImportPreviewSummary>()(z.tuple([z.uuid(), importDecisionsSchema])),
  'transfer:commit-import': channel<ImportResult>()(
    z.tuple([z.uuid(), importDecisionsSchema, z.string().max(100).nullable()]),
  ),
  'transfer:export': channel<ExportResult>()(z.tuple([exportRequestSchema, z.string().max(100).nullable()])),
  'transfer:progress': channel<TransferProgress | null>()(z.tuple([z.string().max(100)])),
  'transfer:cancel': channel<boolean>()(z.tuple([z.string().max(100)])),
  // The system's file dialogs for import and export (src/main/transfer-handlers.ts); absent outside the desktop app.
  'dialog:available': channel<DialogsAvailable>()(z.tuple([])),
  'dialog:open-library-file': channel<string | null>()(z.tuple([])),
  'dialog:save-library-file': channel<string | null>()(z.tuple([z.string().min(1).max(255)])),
  'dialog:show-in-folder': channel<boolean>()(z.tuple([z.string().min(1).max(4096)])),
  // The desktop app around the library (src/main/desktop-handlers.ts): settings, library files, printing.
  'settings:get': channel<Settings>()(z.tuple([])),
  'settings:set': channel<Settings>()(z.tuple([settingsPatchSchema])),
  'library:recent': channel<RecentLibrary[]>()(z.tuple([])),
  'library:open': channel<LibraryInfo | null>()(z.tuple([])),
  'library:create': channel<LibraryInfo | null>()(z.tuple([])),
  'library:switch': channel<LibraryInfo>()(
    z.tuple([z.string({ error: 'must be the path of a recent library' }).min(1).max(4096)]),
  ),
  'window:print': channel<boolean>()(z.tuple([])),
  'window:save-pdf': channel<string | null>()(z.tuple([])),
  // Backups and the health of the library file (src/main/backup-handlers.ts). A backup is named, never a path.
  'backups:list': channel<BackupSummary[]>()(z.tuple([])),
  'backups:create': channel<BackupSummary>()(z.tuple([])),
  'backups:restore': channel<RestoreResult>()(z.tuple([backupNameSchema])),
  'library:health': channel<LibraryHealth>()(z.tuple([])),
};

export type Contract = typeof contract;
export type Channel = keyof Contract;
export type ArgsOf<C extends Channel> = z.input<Contract[C]['args']>;
export type ParsedArgsOf<C extends Channel> = z.output<Contract[C]['args']>;
export type ResultOf<C extends Channel> = Contract[C]['result'];

/**
 * BUSY: an import is being written, try again after it; REJECTED: an import file or its films were
 * refused, nothing written; CANCELLED: the person stopped an import or export, nothing written.
 */
export type ErrorCode =
  | 'VALIDATION'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'STALE'
  | 'UNKNOWN_CHANNEL'
  | 'FAILED'
  | 'BUSY'
  | 'REJECTED'
  | 'CANCELLED';
export type ApiErrorShape = { code: ErrorCode; message: string; details?: unknown };
/** What crosses IPC: a value, or an error that keeps its code and details (a thrown Error would not). */
export type Outcome<T> = { ok: true; value: T } | { ok: false; error: ApiErrorShape };

type CamelCase<S extends string> = S extends `${infer Head}-${infer Tail}`
  ? `${Head}${Capitalize<CamelCase<Tail>>}`
  : S;
type NamespaceOf<C extends string> = C extends `${infer N}:${string}` ? N : never;
type VerbOf<C extends string> = C extends `${string}:${infer V}` ? CamelCase<V> : never;

type ApiShape<Wrap extends 'outcome' | 'value'> = {
  [N in NamespaceOf<Channel>]: {
    [C in Channel as C extends `${N}:${string}` ? VerbOf<C> : never]: (
      ...args: ArgsOf<C>
    ) => Promise<Wrap extends 'outcome' ? Outcome<ResultOf<C>> : ResultOf<C>>;
  };
};

/** `window.filmfolio` as the preload exposes it: `films:list` is `bridge.films.list(query)`, answering an Outcome. */
export type FilmfolioBridge = ApiShape<'outcome'>;
/** The renderer's API: the bridge with each Outcome unwrapped into a value or a thrown ApiError. */
export type FilmfolioApi = ApiShape<'value'>;

export class ApiError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export type Invoke = (channel: Channel, args: unknown[]) => Promise<Outcome<unknown>>;

const camelCase = (verb: string) => verb.replace(/-([a-z])/g, (_, letter: string) => letter.toUpperCase());

type Methods = Record<string, Record<string, (...args: unknown[]) => Promise<unknown>>>;

function mapChannels(method: (channel: Channel) => (...args: unknown[]) => Promise<unknown>): Methods {
  const api: Methods = {};
  for (const name of Object.keys(contract) as Channel[]) {
    const [namespace, verb] = name.split(':') as [string, string];
    api[namespace] ??= {};
    api[namespace][camelCase(verb)] = method(name);
  }
  return api;
}

/**
 * Builds the bridge from the contract over any `invoke` (IPC in the preload, a Playwright binding in
 * e2e tests). Errors travel as Outcomes because contextBridge keeps only an Error's message.
 */
export function createApi(invoke: Invoke): FilmfolioBridge {
  return mapChannels(
    (name) =>
      (...args) =>
        invoke(name, args),
  ) as unknown as FilmfolioBridge;
}

/** The renderer's side: resolves each call to its value, or throws ApiError with code and details. */
export function unwrapBridge(bridge: FilmfolioBridge): FilmfolioApi {
  const methods = bridge as unknown as Methods;
  return mapChannels((name) => {
    const [namespace, verb] = name.split(':') as [string, string];
    const call = methods[namespace]?.[camelCase(verb)];
    return async (...args) => {
      if (!call) throw new ApiError('UNKNOWN_CHANNEL', `The bridge has no ${name}.`);
      const outcome = (await call(...args)) as Outcome<unknown>;
      if (outcome.ok) return outcome.value;
      throw new ApiError(outcome.error.code, outcome.error.message, outcome.error.details);
    };
  }) as unknown as FilmfolioApi;
}

/** A located problem: `films[12].boxOffice.worldwide.amount: expected a whole number`. */
export type Problem = { path: string; message: string };

/** Formats a path like `films[12].boxOffice.worldwide.amount`. */
export function formatPath(path: readonly PropertyKey[]): string {
  return path
    .map((part, index) =>
      typeof part === 'number' ? `[${part}]` : `${index === 0 ? '' : '.'}${String(part)}`,
    )
    .join('');
}

/** Plain sentences for each problem zod found, each with its place. */
export function problemsOf(error: z.ZodError, prefix: readonly PropertyKey[] = []): Problem[] {
  return error.issues.map((issue) => ({
    path: formatPath([...prefix, ...issue.path]),
    message: describeIssue(issue),
  }));
}

function describeIssue(issue: z.core.$ZodIssue): string {
  const got =
    'input' in issue && issue.input !== undefined ? `, got ${JSON.stringify(issue.input)?.slice(0, 80)}` : '';
  if (issue.code === 'invalid_type') {
    // A schema's own wording ("expected a whole number") beats zod's generic one.
    const expected = issue.message.startsWith('Invalid input')
      ? `expected a ${issue.expected}`
      : issue.message;
    return issue.input === undefined ? `is required (${expected})` : `${expected}${got}`;
  }
  if (issue.code === 'unrecognized_keys')
    return `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.join(', ')}`;
  return `${issue.message}${got}`;
}
