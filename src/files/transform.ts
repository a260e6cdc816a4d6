// Image transformations of /assets (sharp): the query's parameters (width, height, fit, quality,
// withoutEnlargement, format, transforms) or a preset by `key` (directus_settings
// .storage_asset_presets, or Directus's system presets the app uses for thumbnails), checked
// against storage_asset_transform, ASSETS_TRANSFORM_IMAGE_MAX_DIMENSION and
// ASSETS_TRANSFORM_MAX_OPERATIONS, then applied as one sharp pipeline.
import { createHash } from 'node:crypto';
import type sharpModule from 'sharp';
import type { FormatEnum, Sharp } from 'sharp';
import { DirectusError, invalidQuery } from '../errors.js';
import { isPlainObject } from '../request/body.js';
import { parseJsonSafely } from '../request/safe-keys.js';
import type { QsValue } from '../request/qs.js';
import type { AssetSettings } from '../engine/files.js';

export type Fit = 'cover' | 'contain' | 'inside' | 'outside' | 'fill';
export type Format = 'jpg' | 'jpeg' | 'png' | 'webp' | 'tiff' | 'avif' | 'gif' | 'auto';
export type TransformStep = [string, ...unknown[]];

export interface Transformation {
  width?: number;
  height?: number;
  fit?: Fit;
  quality?: number;
  withoutEnlargement?: boolean;
  format?: Format;
  transforms?: TransformStep[];
}

const FITS: Fit[] = ['cover', 'contain', 'inside', 'outside', 'fill'];
const FORMATS: Format[] = ['jpg', 'jpeg', 'png', 'webp', 'tiff', 'avif', 'gif', 'auto'];
const PARAMS = ['key', 'width', 'height', 'fit', 'quality', 'withoutEnlargement', 'format', 'transforms'];
/** sharp operations a `transforms` array may name: pure image operations taking plain values */
const ALLOWED_METHODS = new Set(['toFormat', 'jpeg', 'png', 'tiff', 'webp', 'avif', 'resize', 'extend', 'extract', 'trim', 'rotate',
  'flip', 'flop', 'sharpen', 'median', 'blur', 'flatten', 'unflatten', 'gamma', 'negate', 'normalise', 'normalize', 'clahe',
  'convolve', 'threshold', 'linear', 'recomb', 'modulate', 'tint', 'greyscale', 'grayscale', 'toColorspace', 'toColourspace',
  'removeAlpha', 'ensureAlpha', 'extractChannel', 'dilate', 'erode']);
/** Directus's own presets (the app's thumbnails): allowed whatever storage_asset_transform says */
export const SYSTEM_PRESETS: Record<string, Transformation> = {
  'system-small-cover': { format: 'auto', transforms: [['resize', { width: 64, height: 64, fit: 'cover' }]] },
  'system-small-contain': { format: 'auto', transforms: [['resize', { width: 64, fit: 'contain' }]] },
  'system-medium-cover': { format: 'auto', transforms: [['resize', { width: 300, height: 300, fit: 'cover' }]] },
  'system-medium-contain': { format: 'auto', transforms: [['resize', { width: 300, fit: 'contain' }]] },
  'system-large-cover': { format: 'auto', transforms: [['resize', { width: 800, height: 800, fit: 'cover' }]] },
  'system-large-contain': { format: 'auto', transforms: [['resize', { width: 800, fit: 'contain' }]] },
};
/** Types sharp reads and writes: other files are served as they are */
export const TRANSFORMABLE = new Set(['image/jpeg', 'image/png', 'image/webp', 'image/gif', 'image/tiff', 'image/avif']);

export interface TransformLimits {
  maxDimension: number;
  maxOperations: number;
}

const int = (name: string, v: unknown, min: number, max: number): number => {
  const n = typeof v === 'number' ? v : typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : NaN;
  if (!Number.isInteger(n) || n < min || n > max) throw invalidQuery(`"${name}" must be an integer from ${min} to ${max}`);
  return n;
};

/** One transformation from query parameters or a preset's stored values, validated. */
function parseOne(src: Record<string, unknown>, limits: TransformLimits): Transformation {
  const t: Transformation = {};
  if (src.width !== undefined && src.width !== null) t.width = int('width', src.width, 1, Number.MAX_SAFE_INTEGER);
  if (src.height !== undefined && src.height !== null) t.height = int('height', src.height, 1, Number.MAX_SAFE_INTEGER);
  // ASSETS_TRANSFORM_IMAGE_MAX_DIMENSION: Directus's own error, naming the offending parameters
  const tooLarge = (['width', 'height'] as const).filter((k) => (t[k] ?? 0) > limits.maxDimension);
  if (tooLarge.length) throw new DirectusError('ILLEGAL_ASSET_TRANSFORMATION', 'Illegal asset transformation.', { invalidTransformations: tooLarge });
  if (src.quality !== undefined && src.quality !== null) t.quality = int('quality', src.quality, 1, 100);
  if (src.fit !== undefined && src.fit !== null) {
    // Directus's wording (its schema validator's), e.g. for fit=bogus
    if (!FITS.includes(src.fit as Fit)) throw invalidQuery(`Expected valid fit for fit but received ${String(src.fit)} of type ${typeof src.fit}`);
    t.fit = src.fit as Fit;
  }
  if (src.format !== undefined && src.format !== null) {
    if (!FORMATS.includes(src.format as Format)) throw invalidQuery(`"format" must be one of [${FORMATS.join(', ')}]`);
    t.format = src.format as Format;
  }
  if (src.withoutEnlargement !== undefined && src.withoutEnlargement !== null) {
    const w = src.withoutEnlargement;
    if (w !== true && w !== false && w !== 'true' && w !== 'false') throw invalidQuery('"withoutEnlargement" must be a boolean');
    t.withoutEnlargement = w === true || w === 'true';
  }
  if (src.transforms !== undefined && src.transforms !== null) {
    let steps: unknown = src.transforms;
    if (typeof steps === 'string') {
      try {
        steps = parseJsonSafely(steps);
      } catch {
        throw invalidQuery('"transforms" Parameter needs to be a JSON array');
      }
    }
    t.transforms = checkSteps(steps, limits);
  }
  return t;
}

function checkSteps(steps: unknown, limits: TransformLimits): TransformStep[] {
  if (!Array.isArray(steps)) throw invalidQuery('"transforms" Parameter needs to be a JSON array');
  if (steps.length > limits.maxOperations) throw invalidQuery(`"transforms" Parameter is only allowed ${limits.maxOperations} transformations`);
  for (const step of steps) {
    if (!Array.isArray(step) || typeof step[0] !== 'string') throw invalidQuery('"transforms" Parameter needs to be an array of [method, ...arguments]');
    if (!ALLOWED_METHODS.has(step[0])) throw invalidQuery(`"transforms" Parameter does not allow "${step[0]}" as a transformation`);
    for (const arg of step.slice(1)) checkArg(arg, step[0], limits, 0);
  }
  return steps as TransformStep[];
}

/** Arguments are plain JSON; sizes no larger than the maximum dimension. */
function checkArg(arg: unknown, method: string, limits: TransformLimits, depth: number): void {
  if (depth > 3) throw invalidQuery(`"transforms" Parameter has too deeply nested arguments for "${method}"`);
  if (typeof arg === 'number' && (!Number.isFinite(arg) || (['resize', 'extend', 'extract'].includes(method) && Math.abs(arg) > limits.maxDimension))) {
    throw invalidQuery(`"transforms" Parameter has an argument out of range for "${method}"`);
  }
  if (Array.isArray(arg)) {
    if (arg.length > 100) throw invalidQuery(`"transforms" Parameter has too many arguments for "${method}"`);
    for (const a of arg) checkArg(a, method, limits, depth + 1);
  } else if (arg !== null && typeof arg === 'object') {
    if (!isPlainObject(arg)) throw invalidQuery(`"transforms" Parameter has an invalid argument for "${method}"`);
    for (const v of Object.values(arg)) checkArg(v, method, limits, depth + 1);
  }
}

/**
 * The transformation a query asks for (undefined: the original file), after the presets and
 * storage_asset_transform are applied as Directus applies them: `key` can't be combined with
 * other parameters and must name a preset; with `presets` only presets may be used; with
 * `none` only the system presets.
 */
/** Whether the query asks for any transformation (plain downloads need no asset settings). */
export const wantsTransformation = (q: Record<string, QsValue>): boolean => PARAMS.some((p) => q[p] !== undefined);

export function requestedTransformation(q: Record<string, QsValue>, settings: AssetSettings, limits: TransformLimits): Transformation | undefined {
  const given = PARAMS.filter((p) => q[p] !== undefined);
  if (given.length === 0) return undefined;
  const params = Object.fromEntries(given.map((p) => [p, q[p]]));
  if (given.includes('key')) {
    if (given.length > 1) throw invalidQuery('You can\'t combine the "key" query parameter with any other transformation');
    const key = String(params.key);
    const system = Object.hasOwn(SYSTEM_PRESETS, key) ? SYSTEM_PRESETS[key] : undefined;
    if (system) return system;
    const preset = settings.transform === 'none' ? undefined : findPreset(settings.presets, key);
    if (!preset) throw invalidQuery(`Key "${key}" isn't configured`);
    return parseOne(preset, limits);
  }
  if (settings.transform !== 'all') throw invalidQuery('Only configured presets can be used in asset generation');
  return parseOne(params, limits);
}

function findPreset(presets: unknown, key: string): Record<string, unknown> | undefined {
  const list = typeof presets === 'string' ? (() => { try { return parseJsonSafely(presets); } catch { return []; } })() : presets;
  if (!Array.isArray(list)) return undefined;
  return list.find((p): p is Record<string, unknown> => isPlainObject(p) && p.key === key);
}

/** The output format: `auto` picks AVIF or WebP when the client accepts them, else the source's own. */
export function outputFormat(t: Transformation, sourceType: string, accept: string): 'jpeg' | 'png' | 'webp' | 'tiff' | 'avif' | 'gif' {
  const f = t.format === 'jpg' ? 'jpeg' : t.format;
  if (f && f !== 'auto') return f;
  const source = sourceType.split('/')[1] as 'jpeg' | 'png' | 'webp' | 'tiff' | 'avif' | 'gif';
  if (f === 'auto') {
    if (/image\/avif/i.test(accept)) return 'avif';
    if (/image\/webp/i.test(accept)) return 'webp';
    return source === 'png' || source === 'gif' ? 'png' : 'jpeg';
  }
  return source;
}

export const EXTENSIONS: Record<string, string> = { jpeg: 'jpg', png: 'png', webp: 'webp', tiff: 'tiff', avif: 'avif', gif: 'gif' };

/** The storage key of a transformed copy: `<id>__<hash of what decides the output>.<ext>`. */
export function transformedKey(id: string, t: Transformation, format: string, focal: [number | null, number | null]): string {
  const hash = createHash('sha256').update(JSON.stringify([t, format, focal])).digest('hex').slice(0, 32);
  return `${id}__${hash}.${EXTENSIONS[format]}`;
}

/**
 * sharp, loaded on first use: libvips is a quarter of an idle gateway's memory, and a gateway
 * that serves no image transformation or image upload never needs it.
 */
let loaded: Promise<typeof sharpModule> | undefined;
export const loadSharp = (): Promise<typeof sharpModule> => (loaded ??= import('sharp').then((m) => m.default as typeof sharpModule));

/** The sharp pipeline of a transformation (input streamed in, output streamed out). */
export async function pipelineFor(t: Transformation, format: string, focal: { x: number | null; y: number | null; width: number | null; height: number | null }): Promise<Sharp> {
  const sharp = await loadSharp();
  let img = sharp({ failOn: 'none', limitInputPixels: 268402689, sequentialRead: true }).rotate();
  if (t.width || t.height) {
    const fit = t.fit ?? 'cover';
    const { x, y, width: W, height: H } = focal;
    if (fit === 'cover' && t.width && t.height && x !== null && y !== null && W && H && !t.withoutEnlargement) {
      // crop around the file's focal point rather than the centre
      const scale = Math.max(t.width / W, t.height / H);
      const rw = Math.round(W * scale);
      const rh = Math.round(H * scale);
      const left = Math.min(Math.max(Math.round(x * scale - t.width / 2), 0), rw - t.width);
      const top = Math.min(Math.max(Math.round(y * scale - t.height / 2), 0), rh - t.height);
      img = img.resize(rw, rh).extract({ left, top, width: t.width, height: t.height });
    } else {
      img = img.resize({ width: t.width, height: t.height, fit, withoutEnlargement: t.withoutEnlargement ?? false });
    }
  }
  for (const [method, ...args] of t.transforms ?? []) {
    const fn = (img as unknown as Record<string, (...a: unknown[]) => Sharp>)[method];
    try {
      img = fn.apply(img, args);
    } catch (err) {
      throw invalidQuery(`"transforms" Parameter: ${(err as Error).message.replace(/\.$/, '')}`);
    }
  }
  return img.toFormat(format as keyof FormatEnum, t.quality ? { quality: t.quality } : {});
}
