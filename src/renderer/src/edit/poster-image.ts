import { fileSize } from '../../../shared/file-size';

/**
 * Turns a chosen, dropped or pasted image into a poster worth keeping. Main has no image decoder,
 * so the scaling happens here, with the window's own: large images are drawn smaller on a canvas
 * and saved as JPEG; a small grid thumbnail is made the same way.
 */

export const POSTER_TYPES = ['image/png', 'image/jpeg', 'image/webp', 'image/gif'] as const;
/** The longest side of a stored poster: sharp on a printed sheet, small in the library file. */
export const POSTER_MAX_SIDE = 1500;
/** Files up to this size that need no scaling are kept byte for byte. */
const KEEP_AS_IS_BYTES = 1_500_000;
/** Bigger than this is refused before decoding (the window would struggle). */
export const MAX_SOURCE_BYTES = 50 * 1024 * 1024;
const THUMBNAIL_SIDE = 320;

export type PreparedPoster = { poster: string; thumbnail: string | null; note: string };

export class PosterError extends Error {}

function readAsDataUrl(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(new PosterError('The image could not be read; try the file again.'));
    reader.readAsDataURL(blob);
  });
}

async function drawScaled(image: ImageBitmap, longestSide: number, quality: number): Promise<Blob> {
  const scale = Math.min(1, longestSide / Math.max(image.width, image.height));
  const width = Math.max(1, Math.round(image.width * scale));
  const height = Math.max(1, Math.round(image.height * scale));
  if (typeof OffscreenCanvas !== 'undefined') {
    const canvas = new OffscreenCanvas(width, height);
    const context = canvas.getContext('2d');
    if (!context) throw new PosterError('This window cannot draw images.');
    context.fillStyle = '#fff';
    context.fillRect(0, 0, width, height);
    context.drawImage(image, 0, 0, width, height);
    return canvas.convertToBlob({ type: 'image/jpeg', quality });
  }
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const context = canvas.getContext('2d');
  if (!context) throw new PosterError('This window cannot draw images.');
  context.fillStyle = '#fff';
  context.fillRect(0, 0, width, height);
  context.drawImage(image, 0, 0, width, height);
  return new Promise((resolve, reject) =>
    canvas.toBlob(
      (blob) => (blob ? resolve(blob) : reject(new PosterError('The image could not be scaled.'))),
      'image/jpeg',
      quality,
    ),
  );
}

/** Checks type and size, scales down when large, and makes a thumbnail. */
export async function preparePoster(file: Blob): Promise<PreparedPoster> {
  if (!(POSTER_TYPES as readonly string[]).includes(file.type)) {
    const what = file.type ? `a ${file.type} file` : 'not an image Filmfolio can read';
    throw new PosterError(`That is ${what}; choose a PNG, JPEG, WebP or GIF image.`);
  }
  if (file.size > MAX_SOURCE_BYTES) {
    throw new PosterError(
      `That image is ${fileSize(file.size)}; choose one under ${fileSize(MAX_SOURCE_BYTES)}.`,
    );
  }
  if (typeof createImageBitmap === 'undefined') throw new PosterError('This window cannot read images.');
  let image: ImageBitmap;
  try {
    image = await createImageBitmap(file);
  } catch {
    throw new PosterError('That file could not be read as an image; it may be damaged.');
  }
  try {
    const large = Math.max(image.width, image.height) > POSTER_MAX_SIDE || file.size > KEEP_AS_IS_BYTES;
    const poster = large
      ? await readAsDataUrl(await drawScaled(image, POSTER_MAX_SIDE, 0.86))
      : await readAsDataUrl(file);
    const thumbnail = await readAsDataUrl(await drawScaled(image, THUMBNAIL_SIDE, 0.8)).catch(() => null);
    const note = large
      ? `Scaled down from ${image.width}×${image.height} (${fileSize(file.size)}) to fit ${POSTER_MAX_SIDE} px.`
      : `${image.width}×${image.height}, kept as it is.`;
    return { poster, thumbnail, note };
  } finally {
    image.close();
  }
}
