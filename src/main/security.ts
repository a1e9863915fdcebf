import type { IpcMainInvokeEvent, WebPreferences } from 'electron';

/**
 * Electron's security checklist, as functions over the few Electron objects they touch, so each
 * item is tested without Electron (tests/unit/security-*.test.ts) and index.ts only wires them up.
 */

/** The window's content security policy: only our own code, no eval, nothing remote. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: filmfolio-poster:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** Only http and https addresses ever leave the app (trailers, providers), parsed, never pattern-matched. */
export function isExternalWebUrl(address: string): boolean {
  try {
    const url = new URL(address);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

/** True when `frameUrl` is the app's own page: the dev server's origin, or the packaged file. */
export function isOwnPage(frameUrl: string, rendererUrl: string): boolean {
  try {
    const frame = new URL(frameUrl);
    const own = new URL(rendererUrl);
    if (own.protocol === 'file:') return frame.protocol === 'file:' && frame.pathname === own.pathname;
    return frame.origin === own.origin;
  } catch {
    return false;
  }
}

/**
 * The window's web preferences: the page runs sandboxed in its own JavaScript world with no Node,
 * and reaches the main process only through the preload's contract API.
 */
export function secureWebPreferences(preloadPath: string): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    // Middle-click would open links in a new window without going through setWindowOpenHandler.
    disableBlinkFeatures: 'Auxclick',
  };
}

/** The IPC sender check: the call must come from the app's own top-level page, never an iframe. */
export function trustedSender(rendererUrl: string): (event: IpcMainInvokeEvent) => boolean {
  return (event) => {
    try {
      const frame = event.senderFrame;
      return frame !== null && frame === event.sender.mainFrame && isOwnPage(frame.url, rendererUrl);
    } catch {
      // A frame destroyed mid-call throws on access: such a caller is not trusted.
      return false;
    }
  };
}

/** Opens an address in the person's browser only when it is http or https; answers whether it did. */
export function openExternalSafely(open: (url: string) => Promise<void>, address: string): boolean {
  if (!isExternalWebUrl(address)) return false;
  open(new URL(address).href).catch(() => undefined);
  return true;
}

type PreventableEvent = { preventDefault(): void };
type WindowOpenDetails = { url: string };

/** The parts of a WebContents that guardWebContents touches. */
export type GuardedContents = {
  on(
    event: 'will-navigate' | 'will-redirect' | 'will-attach-webview',
    listener: (event: PreventableEvent) => void,
  ): unknown;
  setWindowOpenHandler(handler: (details: WindowOpenDetails) => { action: 'deny' }): void;
};

/**
 * No page ever navigates away, follows a redirect, attaches a webview or opens a window: the app
 * is one page that changes views by its hash. A link to an http(s) address opens in the browser.
 */
export function guardWebContents(contents: GuardedContents, open: (url: string) => Promise<void>): void {
  const deny = (event: PreventableEvent) => event.preventDefault();
  contents.on('will-navigate', deny);
  contents.on('will-redirect', deny);
  contents.on('will-attach-webview', deny);
  contents.setWindowOpenHandler(({ url }) => {
    openExternalSafely(open, url);
    return { action: 'deny' };
  });
}

type ResponseHeaders = Record<string, string | string[]>;

/** The parts of a Session that guardSession touches. */
export type GuardedSession = {
  setPermissionRequestHandler(
    handler: (contents: unknown, permission: string, callback: (granted: boolean) => void) => void,
  ): void;
  setPermissionCheckHandler(handler: (...args: unknown[]) => boolean): void;
  webRequest: {
    onHeadersReceived(
      listener: (
        details: { responseHeaders?: ResponseHeaders },
        callback: (response: { responseHeaders: ResponseHeaders }) => void,
      ) => void,
    ): void;
  };
};

/** Every permission (camera, notifications, geolocation…) denied; every response carries the CSP. */
export function guardSession(session: GuardedSession): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] },
    });
  });
}
