/** The exercise's model as the grader rebuilds it (an exercise whose result carries a model summary). */
import type { StudioExercise } from '../../studio-view.js';
import { h, richText } from '../h.js';
import type { Panel } from './panel.js';

function modelNode(m: NonNullable<StudioExercise['model']>): HTMLElement {
  if (m.unavailable) return h('section', { class: 'pictures model' }, h('h3', {}, 'Your model'), h('p', { class: 'muted' }, `No summary yet: ${m.unavailable}`));
  return h(
    'section',
    { class: 'pictures model' },
    h('h3', {}, 'Your model, as the grader rebuilds it'),
    h(
      'table',
      {},
      h('tr', {}, h('th', {}, 'layer'), h('th', {}, 'type'), h('th', {}, 'output shape'), h('th', {}, 'parameters')),
      ...m.layers.map((l) => h('tr', {}, h('td', {}, l.name), h('td', {}, l.className), h('td', {}, l.outputShape), h('td', { class: 'n' }, l.params.toLocaleString('en-US')))),
      h('tr', {}, h('th', {}, 'total'), h('td'), h('td'), h('th', { class: 'n' }, (m.parameters ?? 0).toLocaleString('en-US'))),
    ),
    m.sizeChart ? h('img', { class: 'chart', src: m.sizeChart, alt: `Your model has ${m.parameters} parameters; LeNet-5 about 60 thousand, VGG16 138 million, GPT-4 a reported 1.8 trillion (log scale)` }) : null,
    h('p', { class: 'preview-note' }, ...richText('Accuracy is graded by `npm run grade` and `npm run train` (and by your instructor), which train this model on all of MNIST as the grader does; Train, below, trains it here in your browser.')),
  );
}

export const modelPanel: Panel = {
  applies: (e) => e.model !== undefined,
  render: (e) => modelNode(e.model!),
};
