import { afterAll, describe, expect, it } from 'vitest';
import { gradeCase, loadManifest, type CorpusCase, type Graded } from './grade-corpus.js';

/**
 * Whole submissions written the way students write them (test/fixtures/corpus/manifest.json),
 * graded through the sandbox as `grade` does. Every correct one gets full marks; every wrong one
 * loses points; no wrong one is told a cause it does not have; and the grader names at least 80%
 * of the catalogued mistakes the corpus contains.
 */
const cases = loadManifest();
/** The issue's own examples: each loses its points and is told its real cause. */
const NAMED_EXACTLY = ['augment-bilinear-rounded', 'layers-loops-relu-fused', 'layers-loops-pool-column-scan'];
const graded = new Map<CorpusCase, Graded>();

describe('the corpus of student-style submissions', () => {
  for (const c of cases) {
    it(`${c.dir}: ${c.correct ? 'correct' : c.bug}`, async () => {
      const g = await gradeCase(c);
      graded.set(c, g);
      if (c.correct) {
        expect(g.messages).toEqual([]);
        expect(g.score).toBe(g.maxScore);
        return;
      }
      expect(g.score, 'a wrong submission keeps full marks').toBeLessThan(g.maxScore);
      const wrong = g.named.filter((id) => id !== c.mistake);
      expect(wrong, `told a wrong cause; failures:\n${g.messages.join('\n')}`).toEqual([]);
      if (NAMED_EXACTLY.includes(c.dir)) expect(g.named).toEqual([c.mistake]);
      for (const check of c.fails ?? []) expect(g.failed, `${check} lets the bug through`).toContain(check);
    }, 120_000);
  }

  afterAll(() => {
    const wrongFiles = cases.filter((c) => !c.correct && graded.has(c));
    const labelled = wrongFiles.filter((c) => c.mistake !== null);
    const recalled = labelled.filter((c) => graded.get(c)!.named.includes(c.mistake!));
    const namings = wrongFiles.flatMap((c) => graded.get(c)!.named.map((id) => id === c.mistake));
    const precision = namings.length ? namings.filter(Boolean).length / namings.length : 1;
    const recall = labelled.length ? recalled.length / labelled.length : 1;
    const sandbox = [...new Set([...graded.values()].map((g) => g.sandbox))].join(', ');
    const missed = labelled.filter((c) => !recalled.includes(c)).map((c) => `${c.dir} (${c.mistake})`);
    console.log(
      `corpus: ${graded.size} submissions graded (sandbox: ${sandbox}), ${wrongFiles.length} wrong, ${graded.size - wrongFiles.length} correct\n` +
        `  diagnosis precision ${(precision * 100).toFixed(1)}% (${namings.filter(Boolean).length} of ${namings.length} names right, ${namings.length - namings.filter(Boolean).length} wrong diagnoses)\n` +
        `  recall ${(recall * 100).toFixed(1)}% (${recalled.length} of ${labelled.length} catalogued mistakes named)` +
        (missed.length ? `\n  not named: ${missed.join(', ')}` : ''),
    );
    if (graded.size === cases.length) expect(recall).toBeGreaterThanOrEqual(0.8);
  });
});
