/**
 * One check of an exercise as a <details>: title, points and status; its problem, diagnoses, the
 * smallest counterexample (value tables and drawings) and the REPLAY command with a copy button.
 * Whether the student opened or closed a check is kept across redraws.
 */
import type { StudioCheck } from '../studio-view.js';
import type { ValueView } from '../../outputs/html/view/value-view.js';
import { h, richText } from './h.js';

function valueNode(v: ValueView | undefined): Node {
  if (!v) return h('span');
  if (v.table) {
    const table = h('table', { class: 'values' }, ...v.table.rows.map((row) => h('tr', {}, ...row.map((c) => h('td', { class: c.differs ? 'differs' : undefined }, c.text)))));
    return h('div', {}, table, h('div', { class: 'muted' }, v.table.shape));
  }
  return h('pre', {}, v.text ?? '');
}

function copyButton(text: string): HTMLButtonElement {
  const b = h('button', { class: 'copy', type: 'button', 'aria-label': `Copy the command ${text}` }, 'Copy');
  b.addEventListener('click', async () => {
    try {
      await navigator.clipboard.writeText(text);
      b.textContent = 'Copied';
    } catch {
      b.textContent = 'Select and copy it';
    }
    setTimeout(() => (b.textContent = 'Copy'), 1500);
  });
  return b;
}

/**
 * Which checks the student opened or closed by hand, and the status each had then: kept across
 * redraws while the status stays, dropped when it changes (a fixed check closes, a broken one opens).
 */
const byHand = new Map<string, { open: boolean; status: string }>();

export function checkNode(c: StudioCheck): HTMLElement {
  const hand = byHand.get(c.id);
  if (hand && hand.status !== c.status) byHand.delete(c.id);
  const open = hand?.status === c.status ? hand.open : c.open;
  const details = h(
    'details',
    { class: `check s-${c.status}`, 'data-check': c.id, 'data-status': c.status, open },
    h('summary', {}, h('span', { class: 'icon', 'aria-hidden': 'true' }, c.icon), h('span', { class: 'title' }, c.title), h('span', { class: 'pts' }, `${c.score} / ${c.points} · ${c.statusLabel}`)),
    h(
      'div',
      { class: 'body' },
      h('p', { class: 'desc' }, ...richText(c.description)),
      c.message ? h('p', { class: 'problem' }, h('span', { class: 'label' }, `${c.messageLabel}:`), ...richText(c.message)) : null,
      ...c.diagnoses.map((d) => h('div', { class: 'diagnosis', role: 'note', 'data-diagnosis': d.mistakeId }, h('strong', {}, `Likely mistake — ${d.title}`), ' ', ...richText(d.explanation))),
      c.counterexample
        ? h(
            'div',
            {},
            h('h3', { class: 'section-label' }, 'Smallest failing input'),
            h(
              'div',
              { class: 'cx' },
              ...c.counterexample.inputs.map((i) => h('div', { class: 'slot' }, h('h4', {}, `${i.name} =`), valueNode(i.value))),
              c.counterexample.expected ? h('div', { class: 'slot' }, h('h4', {}, c.counterexample.labels.expected), valueNode(c.counterexample.expected)) : null,
              c.counterexample.got ? h('div', { class: 'slot' }, h('h4', {}, c.counterexample.labels.got), valueNode(c.counterexample.got)) : null,
            ),
          )
        : null,
      c.drawn
        ? h(
            'div',
            { class: 'drawn' },
            ...c.drawn.images.map((p) => h('figure', {}, h('img', { class: 'px', src: p.dataUri, alt: `${p.label}: ${p.caption}` }), h('figcaption', {}, h('strong', {}, p.label), ` — ${p.caption}`))),
            ...c.drawn.charts.map((p) => h('figure', {}, h('img', { class: 'chart', src: p.dataUri, alt: p.label }), h('figcaption', {}, p.label))),
          )
        : null,
      c.replay ? h('div', { class: 'replay' }, h('span', {}, 'Replay just this case:'), h('code', {}, c.replay), copyButton(c.replay)) : null,
      ...c.otherArtifacts.map((a) => h('details', {}, h('summary', {}, a.key), h('pre', {}, a.text))),
    ),
  );
  // 'toggle' also fires for the `open` the element is made with: only a change from the default is the student's.
  details.addEventListener('toggle', () => (details.open === c.open ? byHand.delete(c.id) : byHand.set(c.id, { open: details.open, status: c.status })));
  return details;
}
