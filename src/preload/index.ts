import { contextBridge, ipcRenderer } from 'electron';
import { createApi, type Outcome } from '../shared/contract';

/** The page gets `window.filmfolio`, built from the contract, and nothing else: no raw ipcRenderer. */
contextBridge.exposeInMainWorld(
  'filmfolio',
  createApi((channel, args) => ipcRenderer.invoke(channel, ...args) as Promise<Outcome<unknown>>),
);
