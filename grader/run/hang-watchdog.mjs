// The watchdog thread of hang-guard.ts: four times a second it reads the stamp of the student's
// code running on the main thread; past its limit it says what hung and ends the process, the
// only way to stop a synchronous loop from outside. Plain JavaScript: a worker does not inherit tsx.
import { writeSync } from 'node:fs';
import { workerData } from 'node:worker_threads';

const { buffer, command } = workerData;
const clock = new Float64Array(buffer, 0, 2);
const length = new Int32Array(buffer, 16, 1);
const text = new Uint8Array(buffer, 20);
const sleep = new Int32Array(new SharedArrayBuffer(4));

for (;;) {
  Atomics.wait(sleep, 0, 0, 250);
  const [started, limitMs] = [clock[0], clock[1]];
  if (started > 0 && Date.now() - started > limitMs) {
    const what = new TextDecoder().decode(text.slice(0, Atomics.load(length, 0)));
    writeSync(2, `\n✗ ${command} stopped: ${what} did not finish within ${limitMs / 1000} s. An endless loop? The course grader stops it there too and counts a timeout. Fix it, then run ${command} again.\n\n`);
    process.kill(process.pid, 'SIGKILL');
  }
}
