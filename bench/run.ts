/**
 * `npm run bench [-- conv2d grade grade-full sandbox cnn cnn-profile batch studio studio-train mutation]`: the project's figures, printed
 * as tables. With no names, runs every section but `mutation` (an hour or more) and `studio-train`. The README records the output.
 */
import os from 'node:os';

const SECTIONS: Record<string, () => Promise<void>> = {
  async conv2d() {
    const { benchConvolve2d } = await import('./convolve2d.js');
    console.log('\nReference convolve2d, 1024×1024 image, mode "same" (best and median of 5, ms; scipy best of 5):');
    console.table((await benchConvolve2d()).map((f) => ({ kernel: `${f.kernel}×${f.kernel}`, boundary: f.boundary, bestMs: f.ours.bestMs, medianMs: f.ours.medianMs, scipyMs: f.scipyMs === undefined ? 'n/a' : Math.round(f.scipyMs * 10) / 10 })));
  },
  async grade() {
    const { benchGrade } = await import('./grade.js');
    console.log('\nGrading solutions/ on convolution, convolution2d, filters, augment (every check), seconds per run:');
    console.table(await benchGrade());
  },
  async 'grade-full'() {
    const { benchGradeFull } = await import('./grade.js');
    console.log('\nA full `grade solutions` (every exercise, the CNN on all of MNIST), in a child process; peak RSS of its process tree:');
    const { atPeak, ...figure } = await benchGradeFull();
    console.table([figure]);
    console.log(`At the peak: ${atPeak}`);
  },
  async sandbox() {
    const { benchSandbox } = await import('./sandbox.js');
    console.log('\nIsolation overhead per mode (3,000 calls per figure; medians of 5 fresh submissions for open and first call):');
    const { figures, note } = await benchSandbox();
    console.table(figures);
    if (note) console.log(note);
  },
  async cnn() {
    const { benchCnn } = await import('./cnn.js');
    console.log('\nReference CNN on all of MNIST, and the same network in PyTorch:');
    const figures = await benchCnn();
    console.table(Object.entries(figures).map(([figure, value]) => ({ figure, value })));
  },
  async 'cnn-profile'() {
    const { profileCnnStep } = await import('./cnn-profile.js');
    const profile = await profileCnnStep();
    console.log(`\nOne training step of the reference CNN on ${profile.backend}: ${profile.msPerStep} ms, by kernel and input shapes:`);
    console.table(profile.kernels);
  },
  async batch() {
    const { benchBatch, benchBatchCnn } = await import('./batch.js');
    const trainSamples = process.env.BENCH_TRAIN_SAMPLES ? Number(process.env.BENCH_TRAIN_SAMPLES) : undefined;
    console.log('\nBatch grading of generated submissions: six exercises without the CNN (1 and 2 jobs), then all seven with the CNN (1 job, a different model per submission):');
    console.table([...(await benchBatch()), await benchBatchCnn({ trainSamples })]);
  },
  async studio() {
    const { benchStudio } = await import('./studio.js');
    console.log('\nnpm run studio: save-to-render latency in Chromium, 20 saves per file (alternately wrong and right):');
    const figures = await benchStudio();
    if (typeof figures === 'string') console.log(figures);
    else {
      console.table(figures.single);
      console.log('Bursts of saves 0.3 s apart (six per burst, ten bursts per file), from the last save to the page showing its verdict:');
      console.table(figures.burst);
    }
  },
  async 'studio-train'() {
    const { benchStudioTraining } = await import('./studio-train.js');
    console.log(`\nThe studio's Train button in headless Chromium, the reference CNN on ${process.env.BENCH_BROWSER_DIGITS ?? '2,000'} digits (BENCH_BROWSER_DIGITS), on ${process.env.BENCH_BROWSER_BACKENDS ?? 'webgl,wasm'} (BENCH_BROWSER_BACKENDS):`);
    const figures = await benchStudioTraining();
    if (typeof figures === 'string') console.log(figures);
    else for (const f of figures) console.log(`- ${f.backend}\n  ${f.result}\n  ${f.epochs}\n  load average ${f.load}`);
  },
  async mutation() {
    const { benchMutation } = await import('./mutation.js');
    console.log('\nMutation testing: StrykerJS mutates solutions/<exercise>.ts, the checks grade each mutant against the intact reference (survivors in reports/mutation/summary.md):');
    console.table((await benchMutation()).map(({ survivors: _s, date: _d, ...figures }) => ({ ...figures, score: `${figures.score}%` })));
  },
};
/** Sections a bare `npm run bench` leaves out (an hour or more; minutes of software WebGL). */
const ON_REQUEST = new Set(['mutation', 'studio-train']);

const wanted = process.argv.slice(2).filter((a) => a !== '--');
const unknown = wanted.filter((w) => !(w in SECTIONS));
if (unknown.length) {
  console.error(`bench: unknown section(s) ${unknown.join(', ')}; choose from ${Object.keys(SECTIONS).join(', ')}`);
  process.exit(2);
}
console.log(`Machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${os.platform()}`);
for (const name of wanted.length ? wanted : Object.keys(SECTIONS).filter((s) => !ON_REQUEST.has(s))) await SECTIONS[name]();
