/** The studio reads the config through the one resolver: the checks grader.config.ts hides stay out of it. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../grader/config/defaults.js';
import { selectChecks } from '../../grader/exercises/select-checks.js';
import { studioChecks, studioConfig } from '../../grader/studio/studio-config.js';

describe('the studio’s checks', () => {
  it('leave out what the instructor’s grader.config.ts hides, and the training', async () => {
    const config = await studioConfig();
    const ids = studioChecks(config).map((c) => c.id);
    // Public by default, hidden by this repository's grader.config.ts.
    expect(selectChecks(DEFAULT_CONFIG, { visibility: 'public' }).map((c) => c.id)).toContain('parameters.giant-model');
    expect(ids).not.toContain('parameters.giant-model');
    expect(ids).not.toContain('layers.pool-gradient-first-max');
    expect(ids).not.toContain('cnn.mnist-accuracy');
    expect(ids).toContain('cnn.model-accepted');
    expect(config.training.backend).toBe('cpu');
  });
});
