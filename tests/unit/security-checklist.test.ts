import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { contract } from '../../src/shared/contract';
import { MENU_CHANNEL } from '../../src/shared/menu-actions';
import {
  CONTENT_SECURITY_POLICY,
  guardSession,
  guardWebContents,
  isExternalWebUrl,
  openExternalSafely,
  secureWebPreferences,
  trustedSender,
  type GuardedContents,
  type GuardedSession,
} from '../../src/main/security';
import { mainWindowOptions } from '../../src/main/window-state';
import { repoRoot } from '../support/temp-library';

type Listener = (...args: unknown[]) => unknown;

/** A WebContents stand-in that records what the guard attached. */
function recordingContents() {
  const listeners = new Map<string, Listener>();
  let openHandler: ((details: { url: string }) => { action: string }) | undefined;
  const contents: GuardedContents = {
    on: (event, listener) => listeners.set(event, listener as Listener),
    setWindowOpenHandler: (handler) => void (openHandler = handler),
  };
  const prevented = (event: string) => {
    const preventDefault = vi.fn();
    listeners.get(event)?.({ preventDefault }, 'https://example.org/');
    return preventDefault.mock.calls.length === 1;
  };
  return { contents, prevented, open: (url: string) => openHandler!({ url }) };
}

function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .filter((words) => words[0])
      .map(([name, ...sources]) => [name!, sources]),
  );
}

describe('Electron security checklist', () => {
  it('runs the page sandboxed and isolated, without Node, webviews or insecure content', () => {
    const options = mainWindowOptions('/app/out/preload/index.js', { width: 1000, height: 700 });
    expect(options.webPreferences).toEqual(secureWebPreferences('/app/out/preload/index.js'));
    expect(options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      disableBlinkFeatures: 'Auxclick',
    });
  });

  it('has a strict CSP: no eval, no inline script, nothing remote, in the header and in the page', () => {
    const html = readFileSync(join(repoRoot, 'src/renderer/index.html'), 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];
    expect(meta).toBeDefined();
    for (const policy of [CONTENT_SECURITY_POLICY, meta!]) {
      const parsed = directives(policy);
      expect(parsed.get('default-src')).toEqual(["'self'"]);
      expect(parsed.get('script-src')).toEqual(["'self'"]);
      expect(parsed.get('object-src')).toEqual(["'none'"]);
      const allowed = new Set(["'self'", "'none'", "'unsafe-inline'", 'data:', 'filmfolio-poster:']);
      for (const [name, sources] of parsed) {
        for (const source of sources) expect(allowed, `${name} ${source}`).toContain(source);
        if (name !== 'style-src') expect(sources, name).not.toContain("'unsafe-inline'");
      }
      expect(policy).not.toMatch(/unsafe-eval|https?:|\*/);
    }
  });

  it('denies every navigation, redirect, webview and new window; web links go to the browser', async () => {
    const { contents, prevented, open } = recordingContents();
    const opened: string[] = [];
    guardWebContents(contents, (url) => {
      opened.push(url);
      return Promise.resolve();
    });
    expect(prevented('will-navigate')).toBe(true);
    expect(prevented('will-redirect')).toBe(true);
    expect(prevented('will-attach-webview')).toBe(true);
    for (const url of [
      'https://www.imdb.com/title/tt0000001/',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'smb://x/y',
    ]) {
      expect(open(url)).toEqual({ action: 'deny' });
    }
    await Promise.resolve();
    expect(opened).toEqual(['https://www.imdb.com/title/tt0000001/']);
  });

  it('opens only http and https addresses, parsed with URL', () => {
    expect(isExternalWebUrl('https://example.org/trailer')).toBe(true);
    expect(isExternalWebUrl('HTTP://EXAMPLE.ORG')).toBe(true);
    for (const address of [
      'file:///C:/Windows/system32/calc.exe',
      'javascript:alert(1)',
      'ms-msdt:/id',
      'data:text/html,x',
      '//example.org',
      'https//x',
      '',
    ]) {
      expect(isExternalWebUrl(address), address).toBe(false);
    }
    const open = vi.fn(() => Promise.resolve());
    expect(openExternalSafely(open, ' https://example.org/a b')).toBe(true);
    expect(open).toHaveBeenCalledWith('https://example.org/a%20b');
    expect(openExternalSafely(open, 'vbscript:msgbox')).toBe(false);
    expect(open).toHaveBeenCalledTimes(1);
  });

  it('denies every permission request and check, and sends the CSP with every response', () => {
    let request: Parameters<GuardedSession['setPermissionRequestHandler']>[0] | undefined;
    let check: ((...args: unknown[]) => boolean) | undefined;
    let headers: Parameters<GuardedSession['webRequest']['onHeadersReceived']>[0] | undefined;
    guardSession({
      setPermissionRequestHandler: (handler) => void (request = handler),
      setPermissionCheckHandler: (handler) => void (check = handler),
      webRequest: { onHeadersReceived: (listener) => void (headers = listener) },
    });
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      const callback = vi.fn();
      request!({}, permission, callback);
      expect(callback).toHaveBeenCalledWith(false);
      expect(check!({}, permission, 'file://')).toBe(false);
    }
    const answered = vi.fn();
    headers!({ responseHeaders: { 'Content-Type': ['text/html'] } }, answered);
    expect(answered).toHaveBeenCalledWith({
      responseHeaders: {
        'Content-Type': ['text/html'],
        'Content-Security-Policy': [CONTENT_SECURITY_POLICY],
      },
    });
  });

  it('trusts IPC only from the app’s own top-level page', () => {
    const own = 'file:///opt/Filmfolio/resources/app.asar/out/renderer/index.html';
    const check = trustedSender(own);
    const frame = (url: string) => ({ url });
    const top = frame(`${own}#/settings`);
    const event = (senderFrame: { url: string } | null, mainFrame = top) =>
      ({ senderFrame, sender: { mainFrame } }) as never;
    expect(check(event(top))).toBe(true);
    expect(check(event(frame(own)))).toBe(false); // an iframe, even of our own page
    expect(check(event(null))).toBe(false);
    const elsewhere = frame('file:///tmp/evil.html');
    expect(check(event(elsewhere, elsewhere))).toBe(false);
    const dev = trustedSender('http://localhost:5173/');
    const devTop = frame('http://localhost:5173/#/');
    expect(dev(event(devTop, devTop))).toBe(true);
    const otherOrigin = frame('http://localhost:5174/');
    expect(dev(event(otherOrigin, otherOrigin))).toBe(false);
    const destroyed = {
      get senderFrame(): never {
        throw new Error('Render frame was disposed');
      },
    };
    expect(check(destroyed as never)).toBe(false);
  });

  it('gives the page only the contract’s API and the menu subscription, never ipcRenderer', async () => {
    const exposed = new Map<string, unknown>();
    const ipcRenderer = {
      invoke: vi.fn(() => Promise.resolve({ ok: true, value: 1 })),
      on: vi.fn(),
      removeListener: vi.fn(),
    };
    vi.doMock('electron', () => ({
      contextBridge: { exposeInMainWorld: (key: string, api: unknown) => exposed.set(key, api) },
      ipcRenderer,
    }));
    vi.resetModules();
    await import('../../src/preload/index');
    vi.doUnmock('electron');
    expect([...exposed.keys()]).toEqual(['filmfolio']);
    const api = exposed.get('filmfolio') as Record<string, unknown>;
    const namespaces = [...new Set(Object.keys(contract).map((channel) => channel.split(':')[0]))];
    expect(Object.keys(api).sort()).toEqual([...namespaces, 'onMenuAction'].sort());
    const everything =
      JSON.stringify(Object.keys(api)) +
      Object.values(api)
        .map((value) => Object.keys(value as object))
        .join();
    expect(everything).not.toMatch(/ipcRenderer|invoke|send|require/);
    expect(ipcRenderer.on).toHaveBeenCalledWith(MENU_CHANNEL, expect.any(Function));
    const push = ipcRenderer.on.mock.calls[0]![1] as (event: unknown, message: unknown) => void;
    const heard: unknown[] = [];
    push({}, { action: 'print' }); // before anyone listens: kept
    push({}, { action: 'format-disk' }); // not a menu action: dropped
    push({}, { action: 'import', path: '/films/a.filmfolio.json', extra: 1 }); // not the message shape: dropped
    const stop = (api.onMenuAction as (listener: (message: unknown) => void) => () => void)((m) =>
      heard.push(m),
    );
    push({}, { action: 'import', path: '/films/a.filmfolio.json' });
    stop();
    push({}, { action: 'settings' });
    expect(heard).toEqual([{ action: 'print' }, { action: 'import', path: '/films/a.filmfolio.json' }]);
  });

  it('packages with the fuses off that would let code in: RunAsNode, NODE_OPTIONS, --inspect; ASAR checked', () => {
    const require = createRequire(import.meta.url);
    const yaml = require('js-yaml') as { load(text: string): unknown };
    const config = yaml.load(readFileSync(join(repoRoot, 'electron-builder.yml'), 'utf8')) as {
      electronFuses: Record<string, boolean>;
    };
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      enableCookieEncryption: true,
    });
  });
});
