import type { CliCommand } from '../args';
import { EXIT, type CliIo, type ExitStatus } from '../io';
import { backupCommand } from './backup-command';
import { checkCommand } from './check-command';
import { restoreCommand } from './restore-command';

/** The commands about the library file itself: they look at it before (or instead of) opening it. */
export type FileCommand = Extract<CliCommand, { name: 'check' | 'backup' | 'restore' }>;

export function isFileCommand(command: CliCommand): command is FileCommand {
  return command.name === 'check' || command.name === 'backup' || command.name === 'restore';
}

/** Runs `check`, `backup` or `restore` on the library at `path`; a refusal is printed, exit 1. */
export async function runFileCommand(
  path: string,
  command: FileCommand,
  io: CliIo,
  env: Record<string, string | undefined>,
): Promise<ExitStatus> {
  try {
    if (command.name === 'check') return await checkCommand(path, command, io);
    if (command.name === 'backup') return await backupCommand(path, command, io, env);
    return await restoreCommand(path, command, io, env);
  } catch (error) {
    io.err(`filmfolio: ${error instanceof Error ? error.message : String(error)}\n`);
    return EXIT.rejected;
  }
}
