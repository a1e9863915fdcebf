import { describe, expect, it } from 'vitest';
import {
  DEFAULT_WINDOW_SIZE,
  placeWindow,
  restorableView,
  viewOf,
  type WindowState,
} from '../../src/main/window-state';

const laptop = { x: 0, y: 0, width: 1440, height: 900 };
const monitorToTheRight = { x: 1440, y: 0, width: 2560, height: 1440 };

function saved(bounds: WindowState['bounds']): WindowState {
  return { bounds, maximized: false, fullScreen: false, lastView: null };
}

describe('window state', () => {
  it('opens at the default size the first time', () => {
    expect(placeWindow(null, [laptop])).toEqual({ ...DEFAULT_WINDOW_SIZE });
  });

  it('reopens where it was when that place is still on a screen', () => {
    const onMonitor = { x: 1600, y: 100, width: 1200, height: 800 };
    expect(placeWindow(saved(onMonitor), [laptop, monitorToTheRight])).toEqual(onMonitor);
  });

  it('keeps the size but lets the window be centred when its screen was unplugged', () => {
    const onMonitor = { x: 1600, y: 100, width: 1200, height: 800 };
    expect(placeWindow(saved(onMonitor), [laptop])).toEqual({ width: 1200, height: 800 });
  });

  it('does not count a sliver at a screen edge as visible', () => {
    const sliver = { x: 1420, y: 0, width: 1000, height: 700 };
    expect(placeWindow(saved(sliver), [laptop])).toEqual({ width: 1000, height: 700 });
  });

  it('restores only the app’s own routes as the last view', () => {
    expect(restorableView('#/settings')).toBe('#/settings');
    expect(restorableView('#/film/0e5c3a52-1f7e-4a4f-9b7c-3c8d2e1f0a11')).toBe(
      '#/film/0e5c3a52-1f7e-4a4f-9b7c-3c8d2e1f0a11',
    );
    expect(restorableView('#/sheet/a%2Cb,c')).toBe('#/sheet/a%2Cb,c');
    expect(restorableView('#javascript:alert(1)')).toBeNull();
    expect(restorableView('#/x"><script>')).toBeNull();
    expect(restorableView('')).toBeNull();
    expect(viewOf('file:///opt/Filmfolio/resources/app.asar/out/renderer/index.html#/transfer')).toBe(
      '#/transfer',
    );
    expect(viewOf('http://localhost:5173/')).toBeNull();
    expect(viewOf('not a url')).toBeNull();
  });
});
