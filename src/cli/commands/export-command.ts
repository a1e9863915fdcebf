import { resolve } from 'node:path';
import type { Library } from '../../main/library';
import { fileSize } from '../../shared/file-size';
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
  io.out(
    `Exported ${result.films} film${result.films === 1 ? '' : 's'} to ${result.path} (${fileSize(result.bytes)}).\n`,
  );
  return EXIT.ok;
}
