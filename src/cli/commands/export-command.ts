import { resolve } from 'node:path';
import type { Library } from '../../main/library';
import { exportLibrary } from '../../main/library/transfer';
import type { CliCommand } from '../args';
import { EXIT, progressReporter, type CliIo, type ExitStatus } from '../io';

type ExportCommand = Extract<CliCommand, { name: 'export' }>;

/** `filmfolio export`: the whole library, or what a search finds, as a library file. */
export async function exportCommand(
  library: Library,
  command: ExportCommand,
  io: CliIo,
  signal?: AbortSignal,
): Promise<ExitStatus> {
  const path = resolve(command.file);
  const result = await exportLibrary(library, path, {
    scope: command.search === null ? { kind: 'all' } : { kind: 'query', query: { search: command.search } },
    images: command.images,
    signal,
    onProgress: command.progress ? progressReporter(io, 'Writing') : undefined,
  });
  const size =
    result.bytes < 1024 * 1024
      ? `${Math.ceil(result.bytes / 1024)} KB`
      : `${(result.bytes / 1024 / 1024).toFixed(1)} MB`;
  io.out(`Exported ${result.films} film${result.films === 1 ? '' : 's'} to ${result.path} (${size}).\n`);
  return EXIT.ok;
}
