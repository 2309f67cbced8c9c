import { MAX_DROPPED_SIDE } from './limits.js';

/**
 * A picture file decoded by the browser, scaled down to at most MAX_DROPPED_SIDE a side and turned
 * into grey levels in [0, 1] (Rec. 601 luma): the plain numbers the server passes to your code.
 */
export async function grayscaleFromFile(file: File): Promise<number[][]> {
  const bitmap = await createImageBitmap(file);
  const k = Math.min(1, MAX_DROPPED_SIDE / Math.max(bitmap.width, bitmap.height));
  const width = Math.max(1, Math.round(bitmap.width * k));
  const height = Math.max(1, Math.round(bitmap.height * k));
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('this browser has no 2D canvas');
  ctx.drawImage(bitmap, 0, 0, width, height);
  const { data } = ctx.getImageData(0, 0, width, height);
  return Array.from({ length: height }, (_, r) =>
    Array.from({ length: width }, (_, c) => {
      const i = (r * width + c) * 4;
      const luma = (0.299 * data[i] + 0.587 * data[i + 1] + 0.114 * data[i + 2]) / 255;
      const alpha = data[i + 3] / 255;
      return Math.round(luma * alpha * 1000) / 1000;
    }),
  );
}
