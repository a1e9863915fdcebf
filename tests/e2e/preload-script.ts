import { ipcCodec } from './ipc-codec';

/**
 * The name of the Playwright binding the stand-in ipcRenderer calls. It carries one string each
 * way, `[channel, args]` in and the handler's answer out, encoded by ipcCodec (see why there).
 */
export const INVOKE_BINDING = '__filmfolioInvoke';
/** The page function a test calls to push a message from main to the window, as webContents.send would. */
export const SEND_TO_WINDOW = '__filmfolioSendToWindow';

/**
 * Wraps the built (CommonJS) preload so it runs in the page as Electron runs it: `require` gives
 * only `electron`, whose contextBridge sets a window property and whose ipcRenderer.invoke calls the
 * binding that reaches main's recorded handlers. Like Electron's default, only the top frame gets it.
 * Values go as Electron's structured clone takes them: copies, encoded to one string by ipcCodec.
 */
export function preloadInitScript(preloadSource: string): string {
  return `(() => {
  if (window !== window.top) return;
  const codec = (${ipcCodec.toString()})();
  const electron = {
    contextBridge: {
      exposeInMainWorld(key, api) {
        Object.defineProperty(window, key, { value: api, enumerable: true });
      },
    },
    ipcRenderer: {
      // Async, as Electron's is: what cannot be cloned rejects the call rather than throwing.
      invoke: async (channel, ...args) =>
        codec.decode(await window[${JSON.stringify(INVOKE_BINDING)}](codec.encode([channel, args]))),
      // Main's pushes (menu actions): a test sends one with window[SEND_TO_WINDOW](channel, message).
      on: (channel, listener) => {
        const send = (window[${JSON.stringify(SEND_TO_WINDOW)}] ??= (to, message) =>
          (send.listeners[to] ?? []).forEach((heard) => heard({}, message)));
        send.listeners ??= {};
        (send.listeners[channel] ??= []).push(listener);
      },
    },
  };
  const require = (name) => {
    if (name === 'electron') return electron;
    throw new Error('A sandboxed preload can require only electron, not ' + name + '.');
  };
  const module = { exports: {} };
  (function (require, module, exports) {
${preloadSource}
  })(require, module, module.exports);
})();`;
}
