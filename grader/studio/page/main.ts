/**
 * The studio's page: one tab per exercise, redrawn from the server's events without a reload.
 * Everything that came from the results (check messages, values, the student's output) goes in
 * as text nodes; pictures and charts are data URIs shown with <img>, so nothing in them runs.
 */
import type { StudioExercise } from '../studio-view.js';
import type { StudioStatus } from '../studio.js';
import { h } from './h.js';
import { checkNode } from './check-node.js';
import { PANELS } from './panels/index.js';

const exercises = new Map<string, StudioExercise>();
let status: StudioStatus | undefined;
/** The exercise shown: the link's #id, else the first tab. */
let selected = location.hash.slice(1);
const tabs = document.getElementById('tabs')!;
const panels = document.getElementById('panels')!;
const statusLine = document.getElementById('status')!;

// ---------- tabs (WAI-ARIA tabs pattern: arrow keys move between exercises) ----------

function drawTabs(): void {
  // The tabs follow the lecture's order, which the server sends (from the exercise registry).
  const ids = (status?.exercises ?? []).filter((id) => exercises.has(id));
  // The selected exercise may not have its results yet (a link to #augment on start): then the first tab takes the focus.
  const focusable = shown();
  // A redraw (a result or status arrived) keeps the keyboard focus on the tab that had it.
  const hadFocus = tabs.contains(document.activeElement) ? document.activeElement?.id : undefined;
  tabs.replaceChildren(
    ...ids.map((id) => {
      const e = exercises.get(id)!;
      const done = e.passed === e.total;
      const stale = status?.running && status.run !== e.run;
      const tab = h(
        'button',
        { role: 'tab', id: `tab-${id}`, 'aria-selected': String(id === focusable), 'aria-controls': 'panels', tabindex: id === focusable ? '0' : '-1', class: stale ? 'stale' : undefined, 'data-exercise': id },
        h('span', { class: done ? 'pass' : 'fail', 'aria-hidden': 'true' }, done ? '✓ ' : '✗ '),
        id,
        h('span', { class: 'score' }, `${e.score}/${e.maxScore}`),
      );
      tab.addEventListener('click', () => select(id));
      tab.addEventListener('keydown', (ev) => {
        const k = ids.indexOf(id);
        const next = ev.key === 'ArrowRight' ? ids[(k + 1) % ids.length] : ev.key === 'ArrowLeft' ? ids[(k - 1 + ids.length) % ids.length] : ev.key === 'Home' ? ids[0] : ev.key === 'End' ? ids[ids.length - 1] : undefined;
        if (next) {
          ev.preventDefault();
          select(next);
          document.getElementById(`tab-${next}`)?.focus();
        }
      });
      return tab;
    }),
  );
  if (hadFocus) document.getElementById(hadFocus)?.focus();
}

function select(id: string): void {
  selected = id;
  history.replaceState(null, '', `#${id}`);
  drawTabs();
  drawPanel();
}

// ---------- one exercise ----------

/** The exercise shown: the one selected, or the first with results. */
function shown(): string | undefined {
  return exercises.has(selected) ? selected : status?.exercises.find((id) => exercises.has(id));
}

function drawPanel(): void {
  const e = exercises.get(shown() ?? '');
  if (!e) {
    panels.replaceChildren(h('p', { class: 'muted' }, 'Running the public checks…'));
    return;
  }
  const keep = document.activeElement;
  panels.setAttribute('aria-labelledby', `tab-${e.id}`);
  panels.setAttribute('data-exercise', e.id);
  panels.setAttribute('data-run', String(e.run));
  const nodes: Node[] = [
    h('div', { class: 'ex-head' }, h('h2', {}, e.title), h('span', { class: 'slides' }, `slides: ${e.slides}`), h('span', { class: 'ex-score', 'data-score': `${e.score}/${e.maxScore}` }, `${e.score} / ${e.maxScore}`)),
    barNode(e.percent),
    h('p', { class: 'muted' }, `${e.passed} of ${e.total} public checks pass.`),
    ...e.checks.map(checkNode),
  ];
  if (e.output) nodes.push(h('details', {}, h('summary', {}, `What your code printed (${e.outputLines} lines)`), h('pre', {}, e.output)));
  for (const panel of PANELS) if (panel.applies(e)) nodes.push(panel.render(e, drawPanel));
  panels.replaceChildren(...nodes);
  if (keep instanceof HTMLElement && keep.id && document.getElementById(keep.id) && keep !== document.body) document.getElementById(keep.id)?.focus();
}

function barNode(percent: number): HTMLElement {
  const inner = h('div');
  inner.style.width = `${Math.max(0, Math.min(100, percent))}%`;
  return h('div', { class: 'bar', role: 'img', 'aria-label': `${percent}% of the points` }, inner);
}

// ---------- status and events ----------

function drawStatus(): void {
  if (!status) return;
  const time = new Date(status.savedAt).toLocaleTimeString();
  statusLine.className = status.running ? 'running' : '';
  statusLine.setAttribute('data-run', String(status.run));
  statusLine.setAttribute('data-running', String(status.running));
  statusLine.setAttribute('data-saved-at', String(status.savedAt));
  const what = status.saved.length ? `after you saved ${status.saved.map((e) => `${e}.ts`).join(', ')} at ${time}` : `on start at ${time}`;
  statusLine.textContent = status.running
    ? `Checking ${status.current ? `${status.current.exercise} (${status.current.checkId})` : '…'} ${what}`
    : `All public checks ran ${what}${status.seconds !== undefined ? `, in ${status.seconds.toFixed(1)} s` : ''}.`;
}

const events = new EventSource('/events');
events.addEventListener('status', (ev) => {
  status = JSON.parse((ev as MessageEvent<string>).data) as StudioStatus;
  drawStatus();
  drawTabs();
});
events.addEventListener('exercise', (ev) => {
  const e = JSON.parse((ev as MessageEvent<string>).data) as StudioExercise;
  exercises.set(e.id, e);
  drawTabs();
  if (e.id === shown()) {
    for (const panel of PANELS) if (panel.applies(e)) panel.updated?.(e);
    drawPanel();
  }
});
events.addEventListener('error', () => {
  statusLine.textContent = 'The studio is not answering (stopped?). This page reconnects when it is back.';
});
drawPanel();
