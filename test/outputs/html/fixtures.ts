/** Hand-built grading results for the report tests and the sample render. */
import type { CheckResult, CheckStatus, GradeResult } from '../../../grader/core/result.js';
import type { Verdict, Visibility, CheckKind } from '../../../grader/checks/types.js';
import type { ExerciseId } from '../../../grader/core/contract.js';
import type { RobustnessReport, TrainingReport } from '../../../grader/outputs/html/artifacts.js';
import { sampleDigit5 } from '../../../datasets/sample-images.js';
import { exerciseModule } from '../../../grader/exercises/registry.js';

export const HOSTILE = '<script>alert("pwned")</script><img src=x onerror=alert(1)>';

function check(exercise: ExerciseId, name: string, o: { title: string; description?: string; points: number; visibility?: Visibility; kind?: CheckKind; verdict: Verdict; score?: number; status?: CheckStatus }): CheckResult {
  const passed = o.verdict.status === 'passed';
  return {
    status: o.status ?? o.verdict.status,
    check: { id: `${exercise}.${name}`, exercise, title: o.title, description: o.description ?? `What ${o.title} checks.`, points: o.points, visibility: o.visibility ?? 'public', kind: o.kind ?? 'property' },
    verdict: o.verdict,
    score: o.score ?? (passed ? o.points : 0),
    seconds: 0.12,
  };
}

function exercise(id: ExerciseId, checks: CheckResult[], output?: string): GradeResult['exercises'][number] {
  const { title, slides } = exerciseModule(id);
  return { exercise: id, title, slides, score: checks.reduce((s, c) => s + c.score, 0), maxScore: checks.reduce((s, c) => s + c.check.points, 0), checks, output };
}

function total(submission: string, exercises: GradeResult['exercises']): GradeResult {
  return {
    submission,
    startedAt: '2026-11-24T10:15:00.000Z',
    seconds: 42.3,
    seed: 20261124,
    score: exercises.reduce((s, e) => s + e.score, 0),
    maxScore: exercises.reduce((s, e) => s + e.maxScore, 0),
    exercises,
    environment: { node: 'v20.20.2', sandbox: 'process (permission model)', backend: 'wasm' },
  };
}

export function passingResult(): GradeResult {
  return total('alice', [
    exercise('convolution', [
      check('convolution', 'worked-examples', { title: 'Worked examples from the slides', points: 3, kind: 'example', verdict: { status: 'passed' } }),
      check('convolution', 'commutative', { title: 'Convolution is commutative', points: 2, verdict: { status: 'passed' } }),
      check('convolution', 'matches-numpy', { title: 'Matches numpy.convolve on random signals', points: 4, visibility: 'hidden', kind: 'differential', verdict: { status: 'passed' } }),
    ]),
  ]);
}

/** A 28×28 digit with the sample 5's strokes moved right by `dx` columns. */
function shiftedDigit(dx: number): number[] {
  return sampleDigit5().flatMap((row) => row.map((_, c) => row[c - dx] ?? 0));
}

export function trainingArtifact(): TrainingReport {
  const confusion = Array.from({ length: 10 }, (_, t) => Array.from({ length: 10 }, (_, p) => (t === p ? 960 + ((t * 7) % 30) : (t * 3 + p * 5) % 11 === 0 ? 6 + t : (t + p) % 4 === 0 ? 1 : 0)));
  confusion[4][9] = 23;
  confusion[9][4] = 17;
  confusion[7][2] = 12;
  return {
    backend: 'wasm',
    seed: 20261124,
    settings: { epochs: 5, batchSize: 64, optimizer: 'adam', learningRate: 0.001 },
    epochs: [1, 2, 3, 4, 5].map((epoch) => ({ epoch, loss: 0.9 / epoch ** 1.3 + 0.03, accuracy: 1 - 0.12 / epoch ** 1.2, seconds: 21 })),
    testAccuracy: 0.9812,
    confusion,
    misclassified: [
      { index: 247, label: 4, predicted: 9, pixels: shiftedDigit(2) },
      { index: 321, label: 2, predicted: 7, pixels: shiftedDigit(-3) },
      { index: 449, label: 3, predicted: 5, pixels: shiftedDigit(4) },
      { index: 582, label: 8, predicted: 2, pixels: shiftedDigit(0) },
      { index: 659, label: 2, predicted: 1, pixels: shiftedDigit(1) },
      { index: 684, label: 7, predicted: 3, pixels: shiftedDigit(-1) },
    ],
    parameterCount: 225_034,
    layers: [
      { name: 'conv2d_Conv2D1', className: 'Conv2D', outputShape: [null, 26, 26, 32], params: 320 },
      { name: 'max_pooling2d_MaxPooling2D1', className: 'MaxPooling2D', outputShape: [null, 13, 13, 32], params: 0 },
      { name: 'conv2d_Conv2D2', className: 'Conv2D', outputShape: [null, 11, 11, 64], params: 18_496 },
      { name: 'max_pooling2d_MaxPooling2D2', className: 'MaxPooling2D', outputShape: [null, 5, 5, 64], params: 0 },
      { name: 'flatten_Flatten1', className: 'Flatten', outputShape: [null, 1600], params: 0 },
      { name: 'dense_Dense1', className: 'Dense', outputShape: [null, 128], params: 204_928 },
      { name: 'dense_Dense2', className: 'Dense', outputShape: [null, 10], params: 1_290 },
    ],
    trainSeconds: 104.6,
    samplesPerSecond: 2868,
  };
}

export function robustnessArtifact(): RobustnessReport {
  return {
    shifts: [0, 1, 2, 3, 4, 5, 6].map((shift) => ({ shift, cnn: 0.98 - 0.012 * shift ** 1.6, dense: 0.97 - 0.1 * shift ** 1.15 })),
    rotations: [-45, -30, -15, 0, 15, 30, 45].map((degrees) => ({ degrees, cnn: 0.98 - 0.00016 * degrees ** 2, dense: 0.97 - 0.00028 * degrees ** 2 })),
    denseParameters: 101_770,
    cnnParameters: 225_034,
  };
}

/** A mixed result: failures with counterexamples and diagnoses, an error, a training run. */
export function failingResult(label = 'bob'): GradeResult {
  return total(label, [
    exercise('convolution', [
      check('convolution', 'worked-examples', { title: 'Worked examples from the slides', points: 3, kind: 'example', verdict: { status: 'passed' } }),
      check('convolution', 'commutative', {
        title: 'Convolution is commutative',
        description: 'convolve(a, v) = convolve(v, a): flipping one sequence and sliding it over the other does not depend on which one you flip.',
        points: 2,
        verdict: {
          status: 'failed',
          message: 'convolve(a, v) ≠ convolve(v, a): the values differ at index 0',
          counterexample: { input: { a: [1, 2], v: [0, 1] }, expected: [0, 1, 2], got: [1, 2, 0], expectedIs: 'other-side', calls: [] },
          diagnosis: [{ mistakeId: 'convolution.no-flip', title: 'No flip: a cross-correlation', explanation: 'Your convolve matches a cross-correlation: the kernel slides over the signal without being flipped first. Did you flip the kernel (v[m − 1 − j])?' }],
          replay: { seed: -1289312, path: '12:0:0:1' },
        },
      }),
      check('convolution', 'matches-numpy', { title: 'Matches numpy.convolve on random signals', points: 4, visibility: 'hidden', kind: 'differential', verdict: { status: 'passed' } }),
    ], 'debug: kernel = [0, 1]\ndebug: result = [1, 2, 0]'),
    exercise('convolution2d', [
      check('convolution2d', 'matches-scipy', {
        title: 'Matches scipy.signal.convolve2d',
        points: 4,
        visibility: 'hidden',
        kind: 'differential',
        verdict: {
          status: 'failed',
          message: "convolve2d(image, kernel, { mode: 'same' }) differs from scipy at [0][0]",
          counterexample: {
            input: { image: [[1, 2, 3], [4, 5, 6], [7, 8, 9]], kernel: [[1, 0], [0, -1]], options: { mode: 'same', boundary: 'fill' } },
            expected: [[1, 2, 3], [4, 4, 4], [7, 4, 4]],
            got: [[1, 2, 3], [4, 4, 4], [4, 4, -9]],
            calls: [],
          },
          replay: { seed: 99, path: '3:1' },
        },
      }),
      check('convolution2d', 'big', {
        title: 'Large images',
        points: 1,
        kind: 'differential',
        verdict: { status: 'failed', message: 'wrong value', counterexample: { input: { image: Array.from({ length: 30 }, (_, r) => Array.from({ length: 30 }, (_, c) => r * c)) }, expected: 1, got: Number.NaN, calls: [] } },
      }),
      check('convolution2d', 'invalid-input', {
        title: 'Invalid input throws an Error naming the argument',
        points: 1,
        kind: 'errors',
        status: 'timed-out',
        verdict: { status: 'errored', message: 'correlate2d did not finish within 5000 ms (the process running it was killed)' },
      }),
    ]),
    exercise('cnn', [
      check('cnn', 'accuracy', {
        title: 'Test accuracy on MNIST',
        description: 'The grader trains your model on the 60,000 training digits with its own seed and scores accuracy on the 10,000 test digits: 90% earns nothing, 98% earns everything.',
        points: 10,
        kind: 'training',
        score: 9.8,
        verdict: { status: 'passed', fraction: 0.98, message: 'test accuracy 98.1% (full points from 98%)', artifacts: { training: trainingArtifact(), robustness: robustnessArtifact() } },
      }),
    ]),
  ]);
}

/** The failing result with `s` in every place a student controls. */
export function hostileResult(s = HOSTILE): GradeResult {
  const r = failingResult(s);
  const commutative = r.exercises[0].checks[1];
  if (commutative.verdict.status !== 'failed') throw new Error('fixture changed');
  commutative.verdict.message = `message ${s}`;
  commutative.verdict.counterexample = { input: { [`key${s}`]: s, a: [s] }, expected: `expected ${s}`, got: { [s]: s, nested: [[s]] }, calls: [] };
  commutative.verdict.replay = { seed: 1, path: s };
  r.exercises[0].output = `printed ${s}`;
  const training = r.exercises[2].checks[0].verdict;
  if (training.status !== 'passed') throw new Error('fixture changed');
  const t = training.artifacts!.training as TrainingReport;
  t.layers[0].name = `layer ${s}`;
  t.stoppedEarly = `stopped ${s}`;
  training.artifacts!.extra = `artifact ${s}`;
  const errored = r.exercises[1].checks[2].verdict;
  if (errored.status !== 'errored') throw new Error('fixture changed');
  errored.message = `threw ${s}`;
  r.exercises[1].checks[0] = { ...r.exercises[1].checks[0], check: { ...r.exercises[1].checks[0].check, title: `title ${s}` } };
  r.environment.sandbox = `sandbox ${s}`;
  return r;
}
