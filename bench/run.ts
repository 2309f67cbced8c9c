/**
 * `npm run bench [-- conv2d grade cnn batch]`: the project's speed figures, printed as tables.
 * With no names, runs every section. The README's performance section records the output.
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
  async sandbox() {
    const { benchSandbox } = await import('./sandbox.js');
    console.log('\nIsolation overhead per mode (3,000 calls per figure; medians of 5 fresh submissions for open and first call):');
    const { figures, note } = await benchSandbox();
    console.table(figures);
    if (note) console.log(note);
  },
  async cnn() {
    const { benchCnn } = await import('./cnn.js');
    console.log('\nReference CNN on all of MNIST:');
    console.table([await benchCnn()]);
  },
  async batch() {
    const { benchBatch, benchBatchCnn } = await import('./batch.js');
    const trainSamples = process.env.BENCH_TRAIN_SAMPLES ? Number(process.env.BENCH_TRAIN_SAMPLES) : undefined;
    console.log('\nBatch grading of generated submissions: six exercises without the CNN (1 and 2 jobs), then all seven with the CNN (1 job, a different model per submission):');
    console.table([...(await benchBatch()), await benchBatchCnn({ trainSamples })]);
  },
};

const wanted = process.argv.slice(2).filter((a) => a !== '--');
const unknown = wanted.filter((w) => !(w in SECTIONS));
if (unknown.length) {
  console.error(`bench: unknown section(s) ${unknown.join(', ')}; choose from ${Object.keys(SECTIONS).join(', ')}`);
  process.exit(2);
}
console.log(`Machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${os.platform()}`);
for (const name of wanted.length ? wanted : Object.keys(SECTIONS)) await SECTIONS[name]();
