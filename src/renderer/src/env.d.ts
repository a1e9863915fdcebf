/// <reference types="vite/client" />
import type { FilmfolioBridge } from '../../shared/contract';
import type { MenuEvents } from '../../shared/menu-actions';

declare global {
  interface Window {
    /** Exposed by the preload: the contract's channels, answering Outcomes, and the menu's actions. */
    filmfolio: FilmfolioBridge & MenuEvents;
  }
}
