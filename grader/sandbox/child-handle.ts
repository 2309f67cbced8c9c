/**
 * One child process seen from the grader: started detached (its own process group), output
 * drained into a capped buffer, messages read from fd 3 one at a time, every error handled.
 * It never throws after construction; what happens to the child comes out of `receive`.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import type { Socket } from 'node:net';
import { FrameDecoder, encodeFrame } from './framing.js';
import type { LaunchPlan } from './launch.js';
import type { OutputBuffer } from './sanitize.js';
import { killGroup, trackGroup, untrackGroup } from './cleanup.js';

export interface ExitInfo {
  code: number | null;
  signal: NodeJS.Signals | null;
  /** The child's last words (an uncaught error), if it sent any. */
  fatal?: string;
  /** The process could not be started at all (a fault of the grader's machine). */
  spawnError?: string;
}

export type Received =
  | { type: 'message'; message: unknown }
  | { type: 'bad'; message: string }
  | { type: 'gone'; exit: ExitInfo }
  | { type: 'timeout' };

export class ChildHandle {
  private readonly proc: ChildProcess;
  private readonly channel: Socket;
  private readonly inbox: Received[] = [];
  private waiter: ((r: Received) => void) | null = null;
  /** Received but not yet handed on (deliverAfterOutput). */
  private pending = 0;
  private exit: ExitInfo | null = null;
  private fatal: string | undefined;
  private closedResolve!: () => void;
  /** Resolves when the process has exited and its pipes are closed. */
  readonly closed = new Promise<void>((r) => (this.closedResolve = r));

  constructor(plan: LaunchPlan, output: OutputBuffer, maxFrameBytes: number) {
    this.proc = spawn(plan.command, plan.args, {
      stdio: ['ignore', 'pipe', 'pipe', 'pipe'],
      env: plan.env,
      cwd: plan.cwd,
      detached: true,
    });
    const pid = this.proc.pid;
    if (pid !== undefined) trackGroup(pid);
    this.proc.on('error', (e) => this.finish({ code: null, signal: null, spawnError: e.message }));
    for (const s of [this.proc.stdout!, this.proc.stderr!]) {
      s.on('data', (c: Buffer) => output.append(c));
      s.on('error', () => {});
    }
    this.channel = this.proc.stdio[3] as Socket;
    this.channel.on('error', () => {});
    const decoder = new FrameDecoder(maxFrameBytes);
    this.channel.on('data', (c: Buffer) => {
      for (const ev of decoder.push(c)) {
        if (ev.kind === 'error') {
          this.kill();
          this.deliverAfterOutput({ type: 'bad', message: ev.message });
          continue;
        }
        const m = ev.message as { event?: unknown; message?: unknown } | null;
        if (m && typeof m === 'object' && m.event === 'fatal') this.fatal = typeof m.message === 'string' ? m.message : 'an uncaught error';
        else this.deliverAfterOutput({ type: 'message', message: ev.message });
      }
    });
    this.proc.on('exit', (code, signal) => {
      // Grandchildren (mode none) would keep the pipes open: end the whole group now.
      if (pid !== undefined) killGroup(pid);
      const info = { code, signal };
      setTimeout(() => this.finish(info), 2_000).unref();
    });
    this.proc.on('close', (code, signal) => this.finish({ code, signal }));
  }

  get pid(): number | undefined {
    return this.proc.pid;
  }

  get alive(): boolean {
    return this.exit === null;
  }

  send(message: unknown): void {
    if (this.exit) return;
    try {
      for (const b of encodeFrame(message)) this.channel.write(b);
    } catch {
      /* EPIPE and friends: the exit is reported through receive() */
    }
  }

  /** The next message, or the end of the process, or a timeout after `ms`. */
  receive(ms: number): Promise<Received> {
    const next = this.inbox.shift();
    if (next) return Promise.resolve(next);
    if (this.exit && this.pending === 0) return Promise.resolve({ type: 'gone', exit: this.exit });
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.waiter = null;
        resolve({ type: 'timeout' });
      }, Math.max(0, ms));
      this.waiter = (r) => {
        clearTimeout(timer);
        this.waiter = null;
        resolve(r);
      };
    });
  }

  kill(): void {
    const pid = this.proc.pid;
    if (pid !== undefined && this.exit === null) killGroup(pid);
  }

  /**
   * Hands a frame on once this poll phase is over. The child writes its output before the frame that
   * answers a call, so the output's pipe is readable by then and its data is read in the same phase:
   * a caller that reads output() after the answer sees all of it (else, under load, the answer can
   * be handled first and the output later). The end of the process goes the same way, after them.
   */
  private deliverAfterOutput(r: Received): void {
    this.pending++;
    setImmediate(() => {
      this.pending--;
      this.deliver(r);
    });
  }

  private deliver(r: Received): void {
    if (this.waiter) this.waiter(r);
    else this.inbox.push(r);
  }

  private finish(info: ExitInfo): void {
    if (this.exit) return;
    this.exit = { ...info, fatal: this.fatal };
    if (this.proc.pid !== undefined) untrackGroup(this.proc.pid);
    this.deliverAfterOutput({ type: 'gone', exit: this.exit });
    this.closedResolve();
  }
}
