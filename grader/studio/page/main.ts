/**
 * The studio's page: one tab per exercise, redrawn from the server's events without a reload.
 * Everything that came from the results (check messages, values, the student's output) goes in
 * as text nodes; pictures and charts are data URIs shown with <img>, so nothing in them runs.
 */
import type { StudioCheck, StudioExercise } from '../studio-view.js';
import type { StudioStatus } from '../studio.js';
import type { PictureGroupView, PictureRowView } from '../../outputs/html/view/pictures-view.js';
import type { Picture } from '../../outputs/html/pictures.js';
import type { ValueView } from '../../outputs/html/view/value-view.js';
import { SLIDERS, sliderDefaults, type PictureSettings } from './settings.js';
import { grayscaleFromFile } from './dropped-image.js';
import { trainPanel } from './train-panel.js';

type Child = Node | string | null | undefined | false;

/** An element with attributes and children; strings become text nodes, never markup. */
function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string | boolean | undefined> = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) if (v !== undefined && v !== false) el.setAttribute(k, v === true ? '' : v);
  for (const c of children) if (c !== null && c !== undefined && c !== false) el.append(typeof c === 'string' ? document.createTextNode(c) : c);
  return el;
}

const EXERCISE_ORDER = ['convolution', 'convolution2d', 'filters', 'augment', 'layers', 'cnn', 'parameters'];
const exercises = new Map<string, StudioExercise>();
let status: StudioStatus | undefined;
let selected = location.hash.slice(1) || 'convolution';
const tabs = document.getElementById('tabs')!;
const panels = document.getElementById('panels')!;
const statusLine = document.getElementById('status')!;

// ---------- tabs (WAI-ARIA tabs pattern: arrow keys move between exercises) ----------

function drawTabs(): void {
  const ids = EXERCISE_ORDER.filter((id) => exercises.has(id));
  // The selected exercise may not have its results yet (a link to #augment on start): then the first tab takes the focus.
  const focusable = ids.includes(selected) ? selected : ids[0];
  tabs.replaceChildren(
    ...ids.map((id) => {
      const e = exercises.get(id)!;
      const done = e.passed === e.total;
      const stale = status?.running && status.run !== e.run;
      const tab = h(
        'button',
        { role: 'tab', id: `tab-${id}`, 'aria-selected': String(id === selected), 'aria-controls': 'panels', tabindex: id === focusable ? '0' : '-1', class: stale ? 'stale' : undefined, 'data-exercise': id },
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
}

function select(id: string): void {
  selected = id;
  history.replaceState(null, '', `#${id}`);
  drawTabs();
  drawPanel();
}

// ---------- one exercise ----------

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

/** Which checks the student opened or closed by hand, kept across redraws. */
const openByHand = new Map<string, boolean>();

function checkNode(c: StudioCheck): HTMLElement {
  const open = openByHand.get(c.id) ?? c.open;
  const details = h(
    'details',
    { class: `check s-${c.status}`, 'data-check': c.id, 'data-status': c.status, open },
    h('summary', {}, h('span', { class: 'icon', 'aria-hidden': 'true' }, c.icon), h('span', { class: 'title' }, c.title), h('span', { class: 'pts' }, `${c.score} / ${c.points} · ${c.statusLabel}`)),
    h(
      'div',
      { class: 'body' },
      h('p', { class: 'desc' }, c.description),
      c.message ? h('p', { class: 'problem' }, h('span', { class: 'label' }, `${c.messageLabel}:`), c.message) : null,
      ...c.diagnoses.map((d) => h('div', { class: 'diagnosis', role: 'note', 'data-diagnosis': d.mistakeId }, h('strong', {}, `Likely mistake — ${d.title}`), d.explanation)),
      c.counterexample
        ? h(
            'div',
            {},
            h('h4', { class: 'section-label' }, 'Smallest failing input'),
            h(
              'div',
              { class: 'cx' },
              ...c.counterexample.inputs.map((i) => h('div', { class: 'slot' }, h('h4', {}, `${i.name} =`), valueNode(i.value))),
              c.counterexample.expected ? h('div', { class: 'slot' }, h('h4', {}, '✓ Expected'), valueNode(c.counterexample.expected)) : null,
              c.counterexample.got ? h('div', { class: 'slot' }, h('h4', {}, '✗ Your code returned'), valueNode(c.counterexample.got)) : null,
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
  details.addEventListener('toggle', () => openByHand.set(c.id, details.open));
  return details;
}

function drawPanel(): void {
  const e = exercises.get(selected);
  if (!e) {
    panels.replaceChildren(h('p', { class: 'muted' }, 'Running the public checks…'));
    return;
  }
  const keep = document.activeElement;
  panels.setAttribute('role', 'tabpanel');
  panels.setAttribute('aria-labelledby', `tab-${selected}`);
  panels.setAttribute('data-exercise', e.id);
  panels.setAttribute('data-run', String(e.run));
  const nodes: Node[] = [
    h('div', { class: 'ex-head' }, h('h2', {}, e.title), h('span', { class: 'slides' }, `slides: ${e.slides}`), h('span', { class: 'ex-score', 'data-score': `${e.score}/${e.maxScore}` }, `${e.score} / ${e.maxScore}`)),
    barNode(e.percent),
    h('p', { class: 'muted' }, `${e.passed} of ${e.total} public checks pass.`),
    ...e.checks.map(checkNode),
  ];
  if (e.output) nodes.push(h('details', {}, h('summary', {}, `What your code printed (${e.outputLines} lines)`), h('pre', {}, e.output)));
  if (e.id === 'cnn' && e.model) nodes.push(modelNode(e.model));
  if (e.id === 'layers' && e.gradients) nodes.push(gradientsNode(e.gradients));
  if (e.id === 'filters' || e.id === 'augment') nodes.push(picturesSection(e));
  panels.replaceChildren(...nodes);
  if (keep instanceof HTMLElement && keep.id && document.getElementById(keep.id) && keep !== document.body) document.getElementById(keep.id)?.focus();
}

function barNode(percent: number): HTMLElement {
  const inner = h('div');
  inner.style.width = `${Math.max(0, Math.min(100, percent))}%`;
  return h('div', { class: 'bar', role: 'img', 'aria-label': `${percent}% of the points` }, inner);
}

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
    trainPanel(m.training),
  );
}

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

// ---------- "your filter on a picture" ----------

interface PictureState {
  sample: 'digit' | 'test-card' | 'dropped';
  settings: PictureSettings;
  /** Groups from the last slider request, or undefined to show the grading run's pictures. */
  custom?: PictureGroupView[];
  error?: string;
  dropped?: number[][];
}
const pictureState: PictureState = { sample: 'digit', settings: sliderDefaults('digit') };
let pictureRequest = 0;

function pictureNode(p: Picture, alt: string): Node {
  if (!p.dataUri) return h('div', { class: 'unavailable' }, p.unavailable ?? 'not available');
  return h('figure', {}, h('img', { class: 'px', src: p.dataUri, alt, width: '140', height: '140' }), p.notes.length ? h('figcaption', {}, p.notes.join('; ')) : null);
}

function rowNode(r: PictureRowView): HTMLElement {
  return h(
    'div',
    { class: 'row', 'data-row': r.title, 'data-status': r.status },
    h('div', { class: 'what' }, h('strong', {}, r.title), h('code', {}, r.call), h('span', { class: 'muted' }, r.mapping)),
    h('div', {}, h('div', { class: 'section-label' }, 'yours'), pictureNode(r.submission, `your ${r.call}`)),
    h('div', {}, h('div', { class: 'section-label' }, 'reference'), pictureNode(r.reference, `the reference's ${r.call}`)),
    h('div', {}, h('div', { class: 'section-label' }, 'difference'), pictureNode(r.difference, `difference for ${r.call}`)),
    h('div', { class: `verdict ${r.status}` }, r.statusLabel),
  );
}

function slider(id: string, label: string, key: keyof PictureSettings, range: { min: number; max: number; step: number }, unit = ''): HTMLElement {
  const { min, max, step } = range;
  const value = pictureState.settings[key];
  const input = h('input', { type: 'range', id, min: String(min), max: String(max), step: String(step), value: String(value), 'aria-valuetext': `${value}${unit}` });
  const out = h('output', { for: id }, `${value}${unit}`);
  input.addEventListener('input', () => {
    pictureState.settings = { ...pictureState.settings, [key]: Number(input.value) };
    out.textContent = `${input.value}${unit}`;
    input.setAttribute('aria-valuetext', `${input.value}${unit}`);
    schedulePictures();
  });
  return h('label', { for: id }, label, input, out);
}

function picturesSection(e: StudioExercise): HTMLElement {
  const own = pictureState.custom ?? e.pictures;
  const group = own.find((g) => g.exercise === e.id);
  const sample = group?.samples.find((s) => s.id === pictureState.sample) ?? (pictureState.custom ? undefined : group?.samples[0]);
  const choose = (id: PictureState['sample'], label: string) => {
    const input = h('input', { type: 'radio', name: 'sample', value: id, id: `sample-${id}`, checked: pictureState.sample === id, disabled: id === 'dropped' && !pictureState.dropped });
    input.addEventListener('change', () => {
      pictureState.sample = id;
      if (id !== 'dropped') pictureState.settings = sliderDefaults(id);
      void requestPictures();
    });
    return h('label', { for: `sample-${id}` }, input, label);
  };
  const file = h('input', { type: 'file', accept: 'image/*', id: 'picture-file' });
  file.addEventListener('change', () => file.files?.[0] && void useFile(file.files[0]));
  const drop = h('div', { class: 'drop', id: 'drop' }, 'Drop an image here, or ', h('label', { for: 'picture-file' }, 'choose a file: '), file);
  drop.addEventListener('dragover', (ev) => (ev.preventDefault(), drop.classList.add('over')));
  drop.addEventListener('dragleave', () => drop.classList.remove('over'));
  drop.addEventListener('drop', (ev) => {
    ev.preventDefault();
    drop.classList.remove('over');
    const f = ev.dataTransfer?.files[0];
    if (f) void useFile(f);
  });
  const controls =
    e.id === 'filters'
      ? [slider('blur-size', 'kernel size', 'blurSize', SLIDERS.blurSize)]
      : [slider('angle', 'angle', 'degrees', SLIDERS.degrees, '°'), slider('factor', 'scale', 'factor', SLIDERS.factor, '×'), slider('dx', 'shift right', 'dx', SLIDERS.shift), slider('dy', 'shift down', 'dy', SLIDERS.shift)];
  return h(
    'section',
    { class: 'pictures', 'aria-labelledby': 'pictures-title' },
    h('h3', { id: 'pictures-title' }, `Your ${e.id === 'filters' ? 'filters' : 'augmentations'} on a picture, beside the reference’s`),
    h('div', { class: 'controls' }, h('fieldset', {}, h('legend', {}, 'Picture'), choose('digit', 'the handwritten 5'), choose('test-card', 'the test card'), choose('dropped', 'your picture')), drop),
    h('div', { class: 'controls' }, ...controls),
    pictureState.error ? h('p', { class: 'unavailable', role: 'alert' }, pictureState.error) : null,
    sample ? h('div', { class: 'original' }, pictureNode(sample.original, sample.title), h('div', {}, h('strong', {}, sample.title), h('div', { class: 'muted' }, sample.description))) : h('p', { class: 'muted' }, 'Computing…'),
    ...(sample?.rows ?? []).map(rowNode),
  );
}

async function useFile(f: File): Promise<void> {
  try {
    pictureState.dropped = await grayscaleFromFile(f);
    pictureState.sample = 'dropped';
    await requestPictures();
  } catch (err) {
    pictureState.error = `That file could not be read as an image: ${err instanceof Error ? err.message : String(err)}`;
    drawPanel();
  }
}

let pictureTimer: ReturnType<typeof setTimeout> | undefined;
function schedulePictures(): void {
  clearTimeout(pictureTimer);
  pictureTimer = setTimeout(() => void requestPictures(), 120);
}

async function requestPictures(): Promise<void> {
  const id = ++pictureRequest;
  const s = pictureState.settings;
  const body = { sample: pictureState.sample, image: pictureState.sample === 'dropped' ? pictureState.dropped : undefined, blurSize: s.blurSize, degrees: s.degrees, factor: s.factor, dx: s.dx, dy: s.dy };
  try {
    const res = await fetch('/api/pictures', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
    const json = (await res.json()) as { groups?: PictureGroupView[]; error?: string };
    if (id !== pictureRequest) return;
    pictureState.error = json.error;
    if (json.groups) pictureState.custom = json.groups;
  } catch (err) {
    pictureState.error = `The studio did not answer: ${err instanceof Error ? err.message : String(err)}`;
  }
  if (selected === 'filters' || selected === 'augment') drawPanel();
}

// ---------- status and events ----------

function drawStatus(): void {
  if (!status) return;
  const time = new Date(status.savedAt).toLocaleTimeString();
  statusLine.className = status.running ? 'running' : '';
  statusLine.setAttribute('data-run', String(status.run));
  statusLine.setAttribute('data-running', String(status.running));
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
  if (e.id === selected) {
    if (pictureState.custom && (e.id === 'filters' || e.id === 'augment')) void requestPictures();
    drawPanel();
  }
});
events.addEventListener('error', () => {
  statusLine.textContent = 'The studio is not answering (stopped?). This page reconnects when it is back.';
});
drawPanel();
