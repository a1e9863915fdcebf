/// <reference types="vite/client" />
import type { FilmfolioBridge } from '../../shared/contract';

declare global {
  interface Window {
    /** Exposed by the preload: the contract's channels, answering Outcomes. */
    filmfolio: FilmfolioBridge;
  }
}
