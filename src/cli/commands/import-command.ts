import type { Library } from '../../main/library';
import { commitImport, previewImport, summarizePreview } from '../../main/library/transfer';
import type { ImportResult } from '../../shared/transfer';
import type { CliCommand } from '../args';
import { EXIT, progressReporter, type CliIo, type ExitStatus } from '../io';
import { countsLine, previewMessages, previewText } from '../preview-text';

type ImportCommand = Extract<CliCommand, { name: 'import' }>;

function resultText(result: ImportResult): string {
  const backup = result.backupPath ? `\nBackup taken first: ${result.backupPath}` : '';
  return `Imported. ${countsLine(result.counts)}${backup}\n`;
}

/**
 * `filmfolio import`: reads every file (library JSON or fact page), prints the preview when asked
 * (--dry-run), and writes all of it in one transaction, or nothing when a film was rejected
 * (unless --skip-rejected).
 */
export async function importCommand(
  library: Library,
  command: ImportCommand,
  io: CliIo,
  signal?: AbortSignal,
): Promise<ExitStatus> {
  const reading = command.progress ? progressReporter(io, 'Checking') : undefined;
  const preview = await previewImport(
    library,
    command.files.map((path) => ({ path })),
    { signal, onProgress: reading && ((done, total, phase) => phase === 'checking' && reading(done, total)) },
  );
  const decisions = { rule: command.onDuplicate, skipRejected: command.skipRejected };
  const summary = summarizePreview(preview, decisions);
  const rejected = summary.counts.rejected > 0 && !command.skipRejected;
  const { problems, warnings } = previewMessages(summary);
  if (command.dryRun) {
    io.out(command.json ? `${JSON.stringify({ preview: summary }, null, 2)}\n` : previewText(summary));
    return rejected ? EXIT.rejected : EXIT.ok;
  }
  if (rejected) {
    if (command.json) io.out(`${JSON.stringify({ preview: summary, result: null }, null, 2)}\n`);
    io.err(`${problems.join('\n')}\n`);
    io.err(
      `Nothing was imported: ${summary.counts.rejected} of ${summary.counts.total} films were rejected. ` +
        'Fix the file, or add --skip-rejected to import the others.\n',
    );
    return EXIT.rejected;
  }
  if (warnings.length > 0) io.err(`Warnings:\n${warnings.map((w) => `  ${w}`).join('\n')}\n`);
  const result = await commitImport(library, preview, decisions, {
    signal,
    onProgress: command.progress ? progressReporter(io, 'Writing') : undefined,
  });
  io.out(command.json ? `${JSON.stringify({ preview: summary, result }, null, 2)}\n` : resultText(result));
  return EXIT.ok;
}
