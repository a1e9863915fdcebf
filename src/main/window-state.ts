import type { BrowserWindowConstructorOptions, Rectangle } from 'electron';
import { z } from 'zod';
import { secureWebPreferences } from './security';

/** The window's size and place when it opens for the first time. */
export const DEFAULT_WINDOW_SIZE = { width: 1280, height: 820 } as const;
export const MINIMUM_WINDOW_SIZE = { width: 760, height: 480 } as const;
/** A window must show this much of itself on some screen, or it opens centred instead. */
const VISIBLE_ENOUGH = 64;

const boundsSchema = z.object({
  x: z.int(),
  y: z.int(),
  width: z.int().min(MINIMUM_WINDOW_SIZE.width).max(100_000),
  height: z.int().min(MINIMUM_WINDOW_SIZE.height).max(100_000),
});

/** What is remembered of the window: its normal (not maximised) bounds, its mode and its view. */
export const windowStateSchema = z.object({
  bounds: boundsSchema,
  maximized: z.boolean(),
  fullScreen: z.boolean(),
  /** The location hash of the view last shown (`#/settings`), or null. */
  lastView: z.string().max(2048).nullable(),
});

export type WindowState = z.output<typeof windowStateSchema>;
export type WindowPlacement = { width: number; height: number; x?: number; y?: number };

function overlap(a: Rectangle, b: Rectangle): { width: number; height: number } {
  return {
    width: Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x),
    height: Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y),
  };
}

/**
 * Where the window opens: its remembered bounds when they still show on one of today's screens
 * (a monitor may have been unplugged since), else the default size, centred by Electron.
 */
export function placeWindow(saved: WindowState | null, workAreas: readonly Rectangle[]): WindowPlacement {
  if (!saved) return { ...DEFAULT_WINDOW_SIZE };
  const { bounds } = saved;
  const visible = workAreas.some((area) => {
    const shared = overlap(bounds, area);
    return shared.width >= VISIBLE_ENOUGH && shared.height >= VISIBLE_ENOUGH;
  });
  return visible ? { ...bounds } : { width: bounds.width, height: bounds.height };
}

/** A location hash the window may open on again: the app's own `#/…` routes, nothing else. */
export function restorableView(hash: string | null): string | null {
  if (!hash || !/^#\/[\w\-/,.%~]*$/.test(hash) || hash.length > 2048) return null;
  return hash;
}

/** The hash part of the window's address (`''` when none). */
export function viewOf(address: string): string | null {
  try {
    return restorableView(new URL(address).hash);
  } catch {
    return null;
  }
}

/** The main window's options: its place, and web preferences locked down (see security.ts). */
export function mainWindowOptions(
  preloadPath: string,
  placement: WindowPlacement,
): BrowserWindowConstructorOptions {
  return {
    ...placement,
    minWidth: MINIMUM_WINDOW_SIZE.width,
    minHeight: MINIMUM_WINDOW_SIZE.height,
    title: 'Filmfolio',
    show: false,
    webPreferences: secureWebPreferences(preloadPath),
  };
}
