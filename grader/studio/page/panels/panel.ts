/**
 * A panel of the studio's page below an exercise's checks, shown for the exercises whose results
 * carry its kind of data (pictures, a model summary, gradient errors, ...), never chosen by id.
 * A new panel is one file here and one line in index.ts.
 */
import type { StudioExercise } from '../../studio-view.js';

export interface Panel {
  /** Whether this exercise's result has what the panel shows. */
  applies(e: StudioExercise): boolean;
  /** The panel's element; `redraw` draws the selected exercise again (after an answer arrives). */
  render(e: StudioExercise, redraw: () => void): Node;
  /** Told when a new result of an exercise it applies to arrives, before the page redraws. */
  updated?(e: StudioExercise): void;
}
