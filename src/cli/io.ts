/** Where the CLI writes: data on stdout, messages (problems, warnings, progress) on stderr. */
export type CliIo = {
  out(text: string): void;
  err(text: string): void;
  /** True when stderr is a terminal (progress is then redrawn in place). */
  errIsTerminal: boolean;
};

export const processIo: CliIo = {
  out: (text) => void process.stdout.write(text),
  err: (text) => void process.stderr.write(text),
  errIsTerminal: Boolean(process.stderr.isTTY),
};

/** Exit statuses: 0 success, 1 input rejected or the work failed (nothing written), 2 wrong usage. */
export const EXIT = { ok: 0, rejected: 1, usage: 2 } as const;
export type ExitStatus = (typeof EXIT)[keyof typeof EXIT];

/** Reports `(done, total)` on stderr: redrawn on a terminal, a line per step otherwise. */
export function progressReporter(io: CliIo, label: string): (done: number, total: number) => void {
  let last = -1;
  return (done, total) => {
    const percent = total === 0 ? 100 : Math.floor((done / total) * 100);
    if (percent === last) return;
    last = percent;
    if (io.errIsTerminal) io.err(`\r${label} ${done}/${total} (${percent}%)${done >= total ? '\n' : ''}`);
    else io.err(`${label} ${done}/${total}\n`);
  };
}
