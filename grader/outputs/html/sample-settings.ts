/** The settings the report's pictures use on each sample image (no Node APIs: the studio's page reads them too). */
export interface SampleSettings {
  blurSize: number;
  /** [dx, dy] for translate. */
  shift: [number, number];
  degrees: number;
  factor: number;
}

export const SAMPLE_SETTINGS = {
  digit: { blurSize: 3, shift: [4, 3], degrees: 30, factor: 1.5 },
  'test-card': { blurSize: 5, shift: [8, 6], degrees: 30, factor: 1.5 },
} as const satisfies Record<string, SampleSettings>;
