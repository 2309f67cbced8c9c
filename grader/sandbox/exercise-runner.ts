/**
 * One exercise of one submission: its child process (started on first use, restarted after a
 * timeout or crash), its queue of calls (one at a time, so each call's clock starts when it is
 * sent), its time budget, and its verdict on loading. Everything the child says is checked here.
 */
import type { CallOutcome } from '../core/submission.js';
import { ChildHandle, type ExitInfo, type Received } from './child-handle.js';
import type { LaunchPlan } from './launch.js';
import { TRANSFER_LIMITS, STARTUP_TIMEOUT_MS } from './options.js';
import { describeNonPlain } from '../core/plain-data.js';
import { argumentsChanged } from '../core/arguments-changed.js';
import { OutputBuffer, sanitizeText } from './sanitize.js';

export interface RunnerSettings {
  sourceName: string;
  plan: LaunchPlan;
  callTimeoutMs: number;
  loadTimeoutMs: number;
  budgetMs: number;
  outputCapBytes: number;
}

export class ExerciseRunner {
  readonly output: OutputBuffer;
  private child: ChildHandle | null = null;
  private loadFailure: string | null = null;
  private spentMs = 0;
  private nextId = 1;
  private tail: Promise<unknown> = Promise.resolve();
  private closed = false;
  private readonly all = new Set<ChildHandle>();

  constructor(private readonly s: RunnerSettings) {
    this.output = new OutputBuffer(s.outputCapBytes);
  }

  /** Queued behind earlier calls of this exercise. */
  call(name: string, args: unknown[] | undefined): Promise<CallOutcome> {
    const run = this.tail.then(() => this.run(name, args));
    this.tail = run.catch(() => {});
    return run;
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.killChildren();
  }

  /** Ends the child once the queued calls are done, keeping the output, budget and load verdict: a later call starts a new one. */
  release(): Promise<void> {
    const released = this.tail.then(() => this.killChildren());
    this.tail = released;
    return released;
  }

  private async killChildren(): Promise<void> {
    const children = [...this.all];
    for (const c of children) c.kill();
    this.child = null;
    await Promise.race([Promise.all(children.map((c) => c.closed)), new Promise((r) => setTimeout(r, 5_000).unref())]);
  }

  private remaining(): number {
    return this.s.budgetMs - this.spentMs;
  }

  private async run(name: string, args: unknown[] | undefined): Promise<CallOutcome> {
    if (this.closed) return { kind: 'crashed', message: 'the grader closed this submission before the call' };
    if (this.loadFailure !== null) return { kind: 'missing', message: this.loadFailure };
    if (this.remaining() <= 0) return { kind: 'timeout', ms: this.s.budgetMs };
    const child = await this.ready();
    if (!(child instanceof ChildHandle)) return child;
    if (this.remaining() <= 0) return { kind: 'timeout', ms: this.s.budgetMs };

    const id = this.nextId++;
    const limit = Math.min(this.s.callTimeoutMs, this.remaining());
    const started = performance.now();
    child.send(args === undefined ? { id, name } : { id, name, args });
    const r = await child.receive(limit);
    this.spentMs += performance.now() - started;
    if (this.closed && r.type !== 'message') return CLOSED;
    switch (r.type) {
      case 'timeout':
        this.discard(child);
        // When what ran out was the exercise's budget (not the call's own limit), say the budget.
        return { kind: 'timeout', ms: limit < this.s.callTimeoutMs ? this.s.budgetMs : Math.round(limit) };
      case 'gone':
        this.discard(child);
        return { kind: 'crashed', message: crashMessage(r.exit) };
      case 'bad':
        this.discard(child);
        return r.message.includes('larger than the limit')
          ? { kind: 'threw', message: `returned a value larger than the limit (${clean(r.message)})` }
          : { kind: 'crashed', message: `the process running your code sent something the grader could not read: ${clean(r.message)}` };
      case 'message': {
        const outcome = checkReply(r.message, id, args);
        if (outcome === null) {
          this.discard(child);
          return { kind: 'crashed', message: 'the process running your code sent a message the grader did not expect' };
        }
        return outcome;
      }
    }
  }

  /**
   * The live child with the module loaded, starting one if needed. If it cannot load, the
   * outcome instead: `missing` (remembered in loadFailure), or `timeout` when the exercise's
   * budget, not the module, ran out.
   */
  private async ready(): Promise<ChildHandle | CallOutcome> {
    if (this.child?.alive) return this.child;
    this.child = null;
    const child = new ChildHandle(this.s.plan, this.output, TRANSFER_LIMITS.maxFrameBytes);
    this.all.add(child);
    void child.closed.then(() => this.all.delete(child));

    const start = await child.receive(STARTUP_TIMEOUT_MS);
    if (this.closed) return CLOSED;
    if (!isEvent(start, 'started')) {
      this.discard(child);
      const why = start.type === 'gone' ? exitWords(start.exit) : start.type === 'timeout' ? `it did not start within ${STARTUP_TIMEOUT_MS} ms` : 'it said something unexpected';
      if (start.type === 'gone' && start.exit.spawnError) throw new Error(`sandbox: cannot start a child process: ${start.exit.spawnError}`);
      if (start.type === 'gone' || start.type === 'timeout') {
        // Nothing of the student's ran yet: a fault of the machine or the sandbox set-up.
        throw new Error(`sandbox: the child process for ${this.s.sourceName} failed before loading it: ${why}. Output: ${this.output.text().slice(-500)}`);
      }
      this.loadFailure = `${this.s.sourceName}: the process running your code ${why}`;
      return { kind: 'missing', message: this.loadFailure };
    }

    const limit = Math.min(this.s.loadTimeoutMs, this.remaining());
    const t0 = performance.now();
    const r = await child.receive(limit);
    this.spentMs += performance.now() - t0;
    if (this.closed) return CLOSED;
    if (isEvent(r, 'loaded')) {
      this.child = child;
      return child;
    }
    this.discard(child);
    if (r.type === 'timeout' && limit < this.s.loadTimeoutMs) return { kind: 'timeout', ms: this.s.budgetMs };
    if (r.type === 'timeout') this.loadFailure = `${this.s.sourceName} did not finish loading within ${Math.round(limit)} ms (an endless loop at the top level?)`;
    else if (r.type === 'gone') this.loadFailure = `${this.s.sourceName} stopped the process while loading: ${exitWords(r.exit)}`;
    else if (isEvent(r, 'load-failed')) this.loadFailure = `${this.s.sourceName} failed to load: ${clean(String((r.message as { message?: unknown }).message))}`;
    else this.loadFailure = `${this.s.sourceName}: the process running your code sent something unexpected while loading`;
    return { kind: 'missing', message: this.loadFailure };
  }

  private discard(child: ChildHandle): void {
    child.kill();
    if (this.child === child) this.child = null;
  }
}

const CLOSED: CallOutcome = { kind: 'crashed', message: 'the grader closed this submission during the call' };

function isEvent(r: Received, event: string): r is { type: 'message'; message: { event: string } } {
  return r.type === 'message' && typeof r.message === 'object' && r.message !== null && (r.message as { event?: unknown }).event === event;
}

function clean(s: string): string {
  const t = sanitizeText(s, TRANSFER_LIMITS.maxMessageChars);
  return t === '' ? '(no message)' : t;
}

/**
 * The child's reply to call `id` (made with `sent`), validated, or null when it is not a reply to
 * that call. Whether the call changed its arguments is decided here, from the arguments' state the
 * child sends back: the child runs student code, so no verdict of its own is taken. An `after`
 * that is missing, malformed or not plain data counts as changed.
 */
function checkReply(message: unknown, id: number, sent: unknown[] | undefined): CallOutcome | null {
  if (typeof message !== 'object' || message === null || Object.getPrototypeOf(message) !== Object.prototype) return null;
  const m = message as { id?: unknown; outcome?: unknown };
  if (m.id !== id || typeof m.outcome !== 'object' || m.outcome === null) return null;
  const o = m.outcome as { kind?: unknown; value?: unknown; message?: unknown };
  switch (o.kind) {
    case 'returned': {
      const problem = describeNonPlain(o.value, TRANSFER_LIMITS);
      if (problem) return { kind: 'threw', message: `returned a value that is not plain data: ${problem}` };
      if (sent === undefined) return { kind: 'returned', value: o.value };
      const after = (o as { after?: unknown }).after;
      const readable = Array.isArray(after) && describeNonPlain(after, TRANSFER_LIMITS) === null;
      return { kind: 'returned', value: o.value, mutated: !readable || argumentsChanged(sent, after) };
    }
    case 'threw':
      return { kind: 'threw', message: clean(typeof o.message === 'string' ? o.message : ''), ...((o as { isError?: unknown }).isError === true ? { isError: true } : {}) };
    case 'missing':
      return { kind: o.kind, message: clean(typeof o.message === 'string' ? o.message : '') };
    default:
      return null;
  }
}

const SIGNAL_NAMES: Record<number, string> = { 4: 'SIGILL', 5: 'SIGTRAP', 6: 'SIGABRT', 9: 'SIGKILL', 11: 'SIGSEGV', 24: 'SIGXCPU', 25: 'SIGXFSZ', 31: 'SIGSYS' };

function signalWords(sig: string): string {
  switch (sig) {
    case 'SIGABRT': case 'SIGTRAP': case 'SIGILL': return `was aborted (${sig}): it probably ran out of memory`;
    case 'SIGKILL': return 'was killed (SIGKILL): out of memory?';
    case 'SIGSEGV': return 'crashed (SIGSEGV): out of memory or stack?';
    case 'SIGXFSZ': return 'was stopped for writing a file (SIGXFSZ)';
    default: return `was stopped by signal ${sig}`;
  }
}

function exitWords(e: ExitInfo): string {
  if (e.fatal !== undefined) return `stopped on an error thrown outside any call: ${clean(e.fatal)}`;
  if (e.signal) return signalWords(e.signal);
  if (e.code !== null && e.code > 128 && SIGNAL_NAMES[e.code - 128]) return signalWords(SIGNAL_NAMES[e.code - 128]!);
  if (e.code !== null) return `exited with code ${e.code} (process.exit?)`;
  return 'ended';
}

function crashMessage(e: ExitInfo): string {
  return `the process running your code ${exitWords(e)}`;
}
