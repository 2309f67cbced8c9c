/**
 * The instructor's configuration (docs/instructors.md): points, visibility, seeds and limits per
 * check id. `npm run release` and the grader read it by default; `--config <file>` picks another.
 */
import { defineConfig } from './grader/config/define.js';

export default defineConfig({
  checks: {
    // It passes the student's own output to the reference, so a student release cannot replay
    // it (npm run release refuses): it counts as a hidden check.
    'parameters.giant-model': { visibility: 'hidden' },
    // Its source holds a from-scratch maxPool2dBackward (routeToFirstMax): shipping it would hand
    // students the answer (npm run release refuses lines of solutions/).
    'layers.pool-gradient-first-max': { visibility: 'hidden' },
  },
});
