/**
 * The studio as a function: watches the student's folder, re-runs the public checks on every
 * save (debounced; a newer save abandons the run going on at its next check) and pushes each exercise's result to
 * the open pages as soon as it is known, the saved exercise first.
 */
import path from 'node:path';
import { watch } from 'chokidar';
import type { ExerciseId } from '../core/contract.js';
import { isExerciseId } from '../exercises/registry.js';
import { Runner } from './runner.js';
import { studioConfig } from './studio-config.js';
import { startServer, type Broadcast } from './server.js';
import { studioExercise, type StudioExercise } from './studio-view.js';

export interface StudioOptions {
  /** The student's folder: exercises/. */
  folder: string;
  /** 0 picks a free port. */
  port?: number;
  /** A check running longer than this is stopped (default 10 s). */
  checkTimeoutMs?: number;
  /** Saves closer together than this are taken as one (default 60 ms). */
  debounceMs?: number;
}

/** What the page shows above the exercises: is a run going on, and since which save. */
export interface StudioStatus {
  /** The exercises with public checks, in the lecture's order: the page's tabs. */
  exercises: ExerciseId[];
  run: number;
  running: boolean;
  /** The exercise files saved that started this run ([] for the first run). */
  saved: ExerciseId[];
  /** When the save was noticed (ms since epoch). */
  savedAt: number;
  current?: { exercise: ExerciseId; checkId: string };
  seconds?: number;
}

export interface Studio {
  /** The link to open: the page on 127.0.0.1 with the run's token. */
  url: string;
  token: string;
  close(): Promise<void>;
}

export async function startStudio(o: StudioOptions): Promise<Studio> {
  const folder = path.resolve(o.folder);
  const views = new Map<ExerciseId, StudioExercise>();
  let status: StudioStatus = { exercises: [], run: 0, running: false, saved: [], savedAt: Date.now() };
  let server: Awaited<ReturnType<typeof startServer>> | undefined;
  const tell = (m: Broadcast) => server?.broadcast(m);
  const setStatus = (s: Partial<StudioStatus>) => tell({ event: 'status', data: (status = { ...status, ...s }) });
  let saved: ExerciseId[] = [];
  let queue = Promise.resolve();
  let savedAt = Date.now();

  const runner = new Runner(
    { folder, config: await studioConfig(), checkTimeoutMs: o.checkTimeoutMs ?? 10_000, pictureTimeoutMs: 15_000 },
    {
      runStart: (run) => setStatus({ run, running: true, saved, savedAt, current: undefined, seconds: undefined }),
      checkStart: (run, exercise, checkId) => run === status.run && setStatus({ current: { exercise, checkId } }),
      // Views are made in order (pictures take a moment to encode), so 'done' comes after the last one.
      exercise: (run, result, extras) => {
        queue = queue.then(async () => {
          if (run !== status.run) return; // a newer save came: its pictures need not be encoded
          const view = await studioExercise(result, extras, run);
          if (run !== status.run) return;
          views.set(result.exercise, view);
          tell({ event: 'exercise', data: view });
        });
      },
      runEnd: (run, seconds) => {
        queue = queue.then(() => void (run === status.run && setStatus({ running: false, current: undefined, seconds })));
      },
    },
  );
  status.exercises = runner.exercises;
  // The server first: a port in use then leaves nothing running.
  server = await startServer({
    port: o.port ?? 0,
    runner,
    snapshot: () => [{ event: 'status', data: status }, ...[...views.values()].map((v) => ({ event: 'exercise' as const, data: v }))],
  });
  runner.prepare();

  const pending = new Set<ExerciseId>();
  let timer: NodeJS.Timeout | undefined;
  const watcher = watch(folder, { ignoreInitial: true, depth: 0 });
  watcher.on('all', (_event, file) => {
    const name = path.basename(file).replace(/\.(ts|js|mjs)$/, '');
    if (!isExerciseId(name)) return;
    pending.add(name);
    clearTimeout(timer);
    timer = setTimeout(() => {
      saved = [...pending];
      savedAt = Date.now();
      pending.clear();
      void runner.grade(saved);
    }, o.debounceMs ?? 60);
  });
  await new Promise<void>((resolve) => watcher.once('ready', () => resolve()));
  void runner.grade();

  return {
    url: server.url,
    token: server.token,
    async close() {
      clearTimeout(timer);
      await watcher.close();
      runner.close();
      await server?.close();
    },
  };
}
