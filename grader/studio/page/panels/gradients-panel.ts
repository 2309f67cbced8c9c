/** The gradient check value by value (an exercise whose result carries gradient errors). */
import type { StudioExercise } from '../../studio-view.js';
import { h } from '../h.js';
import type { Panel } from './panel.js';

function gradientsNode(g: NonNullable<StudioExercise['gradients']>): HTMLElement {
  const heading = h('h3', {}, 'The gradient check, value by value');
  const intro = h('p', { class: 'muted' }, `On one layer (${g.layer}): your conv2dBackward against the centred difference of your conv2dForward, for every value of x, w and b; ${g.tolerance}.`);
  if (g.unavailable) return h('section', { class: 'pictures gradients' }, heading, intro, h('p', { class: 'unavailable' }, g.unavailable));
  const exp = (v: number) => (v === 0 ? '0 (exact)' : v.toExponential(2));
  return h(
    'section',
    { class: 'pictures gradients' },
    heading,
    intro,
    h(
      'table',
      { class: 'model' },
      h('tr', {}, h('th', {}, 'parameter'), h('th', {}, 'values'), h('th', {}, 'largest relative error'), h('th', {}, 'where'), h('th', {}, 'values that fail')),
      ...g.parameters.map((p) =>
        h('tr', { 'data-parameter': p.name }, h('td', {}, p.name), h('td', { class: 'n' }, String(p.values)), h('td', { class: 'n' }, exp(p.maxRelativeError)), h('td', { class: 'n' }, p.maxRelativeError > 0 ? `#${p.worstIndex}` : '–'), h('td', { class: 'n' }, String(p.aboveTolerance))),
      ),
    ),
    g.chart ? h('img', { class: 'chart', src: g.chart, alt: `Largest relative error per parameter: ${g.parameters.map((p) => `${p.name} ${exp(p.maxRelativeError)}`).join(', ')}` }) : null,
  );
}

export const gradientsPanel: Panel = {
  applies: (e) => e.gradients !== undefined,
  render: (e) => gradientsNode(e.gradients!),
};
