/**
 * "Your filter on a picture": the student's picture operations beside the reference's on the
 * handwritten 5, the test card or a dropped picture, with sliders (an exercise whose result
 * carries pictures).
 */
import type { StudioExercise } from '../../studio-view.js';
import type { PictureGroupView, PictureRowView } from '../../../outputs/html/view/pictures-view.js';
import type { Picture } from '../../../outputs/html/pictures.js';
import { SLIDERS, sliderDefaults, type PictureSettings } from '../settings.js';
import { grayscaleFromFile } from '../dropped-image.js';
import { h } from '../h.js';
import type { Panel } from './panel.js';

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

/** One operation's pictures; without the reference's and the difference's columns when the sample has no reference (said once above the rows). */
function rowNode(r: PictureRowView, withReference: boolean): HTMLElement {
  return h(
    'div',
    { class: withReference ? 'row' : 'row yours-only', 'data-row': r.title, 'data-status': r.status },
    h('div', { class: 'what' }, h('strong', {}, r.title), h('code', {}, r.call), h('span', { class: 'muted' }, r.mapping)),
    h('div', {}, h('div', { class: 'section-label' }, 'yours'), pictureNode(r.submission, `your ${r.call}`)),
    withReference ? h('div', {}, h('div', { class: 'section-label' }, 'reference'), pictureNode(r.reference, `the reference's ${r.call}`)) : null,
    withReference ? h('div', {}, h('div', { class: 'section-label' }, 'difference'), pictureNode(r.difference, `difference for ${r.call}`)) : null,
    withReference ? h('div', { class: `verdict ${r.status}` }, r.statusLabel) : null,
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

/** The sliders of each sample setting, in this order. */
const SLIDER_CONTROLS = {
  blurSize: () => [slider('blur-size', 'kernel size', 'blurSize', SLIDERS.blurSize)],
  degrees: () => [slider('angle', 'angle', 'degrees', SLIDERS.degrees, '°')],
  factor: () => [slider('factor', 'scale', 'factor', SLIDERS.factor, '×')],
  shift: () => [slider('dx', 'shift right', 'dx', SLIDERS.shift), slider('dy', 'shift down', 'dy', SLIDERS.shift)],
};

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
  // A slider for each setting the exercise's picture operations read.
  const used = new Set((group?.samples ?? []).flatMap((g) => g.rows.flatMap((r) => r.settings)));
  const controls = (Object.keys(SLIDER_CONTROLS) as (keyof typeof SLIDER_CONTROLS)[]).filter((k) => used.has(k)).flatMap((k) => SLIDER_CONTROLS[k]());
  return h(
    'section',
    { class: 'pictures', 'aria-labelledby': 'pictures-title' },
    h('h3', { id: 'pictures-title' }, 'Your functions on a picture, beside the reference’s'),
    h('div', { class: 'controls' }, h('fieldset', {}, h('legend', {}, 'Picture'), choose('digit', 'the handwritten 5'), choose('test-card', 'the test card'), choose('dropped', 'your picture')), drop),
    h('div', { class: 'controls' }, ...controls),
    pictureState.error ? h('p', { class: 'unavailable', role: 'alert' }, pictureState.error) : null,
    sample ? h('div', { class: 'original' }, pictureNode(sample.original, sample.title), h('div', {}, h('strong', {}, sample.title), h('div', { class: 'muted' }, sample.description))) : h('p', { class: 'muted' }, 'Computing…'),
    sample?.noReference ? h('p', { class: 'no-reference' }, `No reference to compare with: ${sample.noReference}. Your code’s pictures are shown alone.`) : null,
    ...(sample?.rows ?? []).map((r) => rowNode(r, !sample?.noReference)),
  );
}

async function useFile(f: File): Promise<void> {
  try {
    pictureState.dropped = await grayscaleFromFile(f);
    pictureState.sample = 'dropped';
    await requestPictures();
  } catch (err) {
    pictureState.error = `That file could not be read as an image: ${err instanceof Error ? err.message : String(err)}`;
    redraw();
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
  redraw();
}

/** Redraws the panel shown (set by the page when it draws this panel). */
let redraw = () => undefined as void;

export const picturesPanel: Panel = {
  applies: (e) => e.pictures.some((g) => g.exercise === e.id),
  render(e, again) {
    redraw = again;
    return picturesSection(e);
  },
  // New results while the sliders are off their start: the student's code is asked again.
  updated: (e) => void (pictureState.custom && picturesPanel.applies(e) && requestPictures()),
};

