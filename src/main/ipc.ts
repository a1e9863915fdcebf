import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { contract, type Outcome } from '../shared/contract';
import { dispatch } from './dispatch';
import type { Handlers } from './handlers';

/** True when the call comes from the app's own top-level page, not an iframe or another origin. */
export type SenderCheck = (event: IpcMainInvokeEvent) => boolean;

/** Registers one ipcMain handler per contract channel: sender checked, arguments validated. */
export function registerIpc(
  ipcMain: Pick<IpcMain, 'handle'>,
  handlers: Handlers,
  isTrustedSender: SenderCheck,
): void {
  for (const channel of Object.keys(contract)) {
    ipcMain.handle(channel, (event, ...args: unknown[]): Promise<Outcome<unknown>> => {
      if (!isTrustedSender(event)) {
        return Promise.resolve({
          ok: false,
          error: { code: 'FORBIDDEN', message: `${channel} may only be called by Filmfolio's own window.` },
        });
      }
      return dispatch(handlers, channel, args);
    });
  }
}
