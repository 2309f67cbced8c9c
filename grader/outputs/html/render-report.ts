import type { GradeResult } from '../../core/result.js';
import type { Pictures } from './pictures.js';
import { template } from './templates.js';
import { reportView } from './view/report-view.js';
import { intakeLines } from '../../feedback/format-intake.js';

/**
 * One submission's report.html: a single self-contained page (inline CSS, PNG data URIs, inline
 * SVG; no script, and a Content-Security-Policy that would block one). Everything the student
 * controls is escaped by the template. Async because the images are encoded by sharp.
 * `pictures` defaults to `result.pictures`.
 */
export async function renderReport(result: GradeResult, pictures: Pictures | undefined = result.pictures): Promise<string> {
  // The upload's renamed and skipped files, as the LMS formats list them.
  return template('report')({ ...(await reportView(result, pictures)), intake: intakeLines(result.intake) });
}
