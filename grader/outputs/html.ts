import type { Output } from './output.js';
import { renderReport } from './html/render-report.js';

/** report.html: the pictures travel in `result.pictures` (see html/pictures.ts). */
export const htmlOutput: Output = {
  name: 'html',
  fileName: 'report.html',
  render: (result) => renderReport(result),
};
