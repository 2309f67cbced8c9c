/** The panels below an exercise's checks, in the order they are shown. */
import type { Panel } from './panel.js';
import { modelPanel } from './model-panel.js';
import { gradientsPanel } from './gradients-panel.js';
import { picturesPanel } from './pictures-panel.js';
import { trainingPanel } from './train-panel.js';

export const PANELS: readonly Panel[] = [modelPanel, trainingPanel, gradientsPanel, picturesPanel];
