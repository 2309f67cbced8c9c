import type { SummaryInput } from '../../../grader/outputs/html/render-summary.js';

export function summaryInput(hostile?: string): SummaryInput {
  const names = ['alice', 'bob', 'carol', 'dave', 'erin', 'frank', 'grace', 'heidi', 'ivan', 'judy', 'mallory', 'niaj'];
  const rows: SummaryInput['rows'] = names.map((student, i) => {
    const score = Math.round((60 - ((i * 17) % 45)) * 10) / 10;
    return { student, score, maxScore: 60, perExercise: { convolution: Math.min(20, score / 3), convolution2d: Math.min(14, score / 4), cnn: score / 6 } };
  });
  rows.push({ student: hostile ? `eve ${hostile}` : 'eve', score: 0, maxScore: 60, perExercise: {}, error: hostile ? `error ${hostile}` : 'the submission folder holds no .ts files' });
  return {
    title: hostile ? `Class ${hostile}` : 'CNN lecture — exercise sheet 3 (winter 2026)',
    exercises: [
      { id: 'convolution', title: '1D convolution and smoothing' },
      { id: 'convolution2d', title: '2D convolution' },
      { id: 'cnn', title: 'A CNN for MNIST' },
    ],
    rows,
    checkPassRates: [
      { id: 'convolution.commutative', title: 'Convolution is commutative', exercise: 'convolution', passRate: 0.42 },
      { id: 'convolution.worked-examples', title: 'Worked examples from the slides', exercise: 'convolution', passRate: 0.92 },
      { id: 'convolution2d.matches-scipy', title: hostile ? `title ${hostile}` : 'Matches scipy.signal.convolve2d', exercise: 'convolution2d', passRate: 0.25 },
      { id: 'cnn.accuracy', title: 'Test accuracy on MNIST', exercise: 'cnn', passRate: 0.67 },
    ],
    mistakes: [
      { id: 'convolution.no-flip', title: 'No flip: a cross-correlation', count: 5 },
      { id: 'convolution.slide-divisor', title: hostile ? `mistake ${hostile}` : 'The slide’s /4', count: 3 },
    ],
    similarPairs: [
      {
        a: hostile ? `a ${hostile}` : 'mallory',
        b: 'niaj',
        similarity: 0.93,
        regions: [
          {
            aText: hostile ? `// ${hostile}\nreturn x;` : 'export function convolve(a, v, mode = "full") {\n  const out = new Array(a.length + v.length - 1).fill(0);\n  for (let i = 0; i < a.length; i++)\n    for (let j = 0; j < v.length; j++) out[i + j] += a[i] * v[j];',
            bText: hostile ? `/* ${hostile} */` : 'export function convolve(sig, ker, mode = "full") {\n  const res = new Array(sig.length + ker.length - 1).fill(0);\n  for (let i = 0; i < sig.length; i++)\n    for (let j = 0; j < ker.length; j++) res[i + j] += sig[i] * ker[j];',
          },
        ],
      },
    ],
  };
}
