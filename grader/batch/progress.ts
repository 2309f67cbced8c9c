/**
 * Progress of a batch on stderr: a bar redrawn in place with the ETA on a terminal, one plain
 * line per submission otherwise (CI logs, files). The ETA is the mean time per submission so far,
 * times those left, divided by the jobs running at once (the mean already reflects the overlap).
 */
export interface Progress {
  done(student: string, outcome: string): void;
  finish(): void;
}

export interface ProgressOptions {
  total: number;
  /** Already graded by an earlier run (shown, not counted in the ETA). */
  skipped: number;
  stream?: NodeJS.WriteStream | { isTTY?: boolean; columns?: number; write(s: string): boolean };
  now?: () => number;
}

export function createProgress(o: ProgressOptions): Progress {
  const stream = o.stream ?? process.stderr;
  const now = o.now ?? (() => Date.now());
  const started = now();
  const todo = o.total - o.skipped;
  let completed = 0;
  const tty = Boolean(stream.isTTY);
  const line = (rawStudent: string, rawOutcome: string) => {
    const student = printable(rawStudent);
    const outcome = printable(rawOutcome).split('\n')[0];
    const elapsed = now() - started;
    const eta = completed < todo ? formatDuration((elapsed / completed) * (todo - completed)) : '0:00';
    const head = `[${completed}/${todo}]`;
    if (!tty) return `${head} ${student}: ${outcome} (elapsed ${formatDuration(elapsed)}, ETA ${eta})\n`;
    const width = Math.max(10, Math.min(30, (stream.columns ?? 80) - 60));
    const filled = todo === 0 ? width : Math.round((completed / todo) * width);
    const bar = '█'.repeat(filled) + '░'.repeat(width - filled);
    const text = `${bar} ${head} ${Math.round((100 * completed) / Math.max(1, todo))}% ETA ${eta}  ${student}: ${outcome}`;
    return `\r\x1b[2K${text.slice(0, (stream.columns ?? 80) - 1)}`;
  };
  if (o.skipped > 0) stream.write(`${o.skipped} of ${o.total} already graded (use --force to regrade them)\n`);
  return {
    done(student, outcome) {
      completed++;
      stream.write(line(student, outcome));
    },
    finish() {
      if (tty && completed > 0) stream.write('\n');
    },
  };
}

export function formatDuration(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const ss = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

/** Names and messages come from students' files: no escape sequences reach the terminal. */
function printable(s: string): string {
  return s.replace(/[\x00-\x09\x0b-\x1f\x7f-\x9f]/g, '?');
}
