/**
 * The processes that started the grader, as Linux's /proc tells (elsewhere: the parent's pid
 * only). `npm run grade -- batch …` is npm → tsx → the grader, all in one process group: when npm
 * or tsx is killed outright (SIGKILL cannot be caught or forwarded), the grader outlives them
 * unless it watches them.
 */
import { readFileSync } from 'node:fs';

export interface ProcessStat {
  comm: string;
  state: string;
  ppid: number;
  pgrp: number;
  /** Start time in clock ticks since boot: with the pid, names one process for good. */
  start: string;
}

export function processStat(pid: number): ProcessStat | undefined {
  let text: string;
  try {
    text = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return undefined;
  }
  // "pid (comm) state ppid pgrp session tty tpgid flags minflt cminflt majflt cmajflt utime stime cutime cstime priority nice threads itrealvalue starttime …"
  const close = text.lastIndexOf(')');
  const fields = text.slice(close + 2).split(' ');
  return { comm: text.slice(text.indexOf('(') + 1, close), state: fields[0]!, ppid: Number(fields[1]), pgrp: Number(fields[2]), start: fields[19]! };
}

/** The command's launchers: npm, npx and tsx (all Node), not a shell or terminal the user keeps. */
const LAUNCHER = /^(node|npm|npx|tsx)/;

/**
 * The grader's ancestors that belong to the command the user typed: in the grader's process
 * group, and Node processes (npm, tsx), up to the first that is not. A shell script that starts a
 * batch in the background and exits is not among them.
 */
export function launchers(pid = process.pid): { pid: number; start: string }[] {
  const self = processStat(pid);
  if (!self) return [];
  const found: { pid: number; start: string }[] = [];
  for (let p = self.ppid; p > 1; ) {
    const s = processStat(p);
    if (!s || s.pgrp !== self.pgrp || !LAUNCHER.test(s.comm)) break;
    found.push({ pid: p, start: s.start });
    p = s.ppid;
  }
  return found;
}

/**
 * Calls `onGone` (once) when the parent or a launcher above it ends, checking every `everyMs`.
 * Returns the function that stops watching.
 */
export function watchLaunchers(onGone: (who: string) => void, everyMs = 1000): () => void {
  const watched = launchers();
  // Without /proc, the parent alone: a change of parent means it ended.
  const parent = processStat(process.pid) ? undefined : process.ppid;
  const timer = setInterval(() => {
    const ended = (w: { pid: number; start: string }) => {
      const s = processStat(w.pid);
      return !s || s.start !== w.start || s.state === 'Z';
    };
    const gone = parent !== undefined && process.ppid !== parent ? { pid: parent } : watched.find(ended);
    if (!gone) return;
    clearInterval(timer);
    onGone(`the end of the process that started it (pid ${gone.pid})`);
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
