import type { Reporter } from '../reporters/types.js';
import { renderReport } from './render-report.js';

/** report.html: the pictures travel in `result.pictures` (see collectPictures). */
export const htmlReporter: Reporter = {
  name: 'html',
  fileName: 'report.html',
  render: (result) => renderReport(result),
};
