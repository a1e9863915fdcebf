import type { Channel } from '../shared/contract';
import type { Handlers } from './handlers';

/**
 * Every channel that changes the library or replaces it. While an import holds its transaction open,
 * a write on the same connection would join that transaction (and vanish if the import is cancelled),
 * switching libraries (or restoring a backup) would close the file under it; an export or a backup
 * would copy films not yet committed.
 */
export const WRITE_CHANNELS = [
  'library:open-sample',
  'library:open',
  'library:create',
  'library:switch',
  'films:create',
  'films:update',
  'films:delete',
  'films:trash',
  'films:restore',
  'trash:empty',
  'films:lend',
  'films:return',
  'films:bulk-edit',
  'posters:save-thumbnail',
  'transfer:commit-import',
  'transfer:export',
  'backups:create',
  'backups:restore',
] as const satisfies readonly Channel[];

/** A write refused because an import is being written; the window may try again once it has finished. */
export class ImportRunningError extends Error {
  readonly code = 'BUSY';
  constructor() {
    super('An import is running; try again when it has finished.');
    this.name = 'ImportRunningError';
  }
}

/** The handlers, with each write channel refusing (BUSY) while `importRunning()` is true. */
export function guardWrites(handlers: Handlers, importRunning: () => boolean): Handlers {
  const guarded: Record<string, unknown> = { ...handlers };
  for (const channel of WRITE_CHANNELS) {
    const handler = handlers[channel] as (...args: unknown[]) => unknown;
    guarded[channel] = (...args: unknown[]) => {
      if (importRunning()) throw new ImportRunningError();
      return handler(...args);
    };
  }
  return guarded as Handlers;
}
