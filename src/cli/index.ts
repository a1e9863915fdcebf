import { processIo } from './io';
import { runCli } from './run-cli';

/** The `filmfolio` command: `bin/filmfolio.js` loads the build of this file (out/cli/index.js). */
const interrupt = new AbortController();
// Ctrl-C cancels an import or export cleanly (rolled back, no half file); a second one quits at once.
process.once('SIGINT', () => {
  process.stderr.write('\nCancelling… (press Ctrl-C again to quit at once)\n');
  interrupt.abort();
  process.once('SIGINT', () => process.exit(130));
});

void runCli(process.argv.slice(2), processIo, process.env, interrupt.signal).then(
  (status) => {
    process.exitCode = status;
  },
  (error: unknown) => {
    process.stderr.write(
      `filmfolio: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exitCode = 1;
  },
);
