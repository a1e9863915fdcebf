import { createContext, useContext, type ReactNode } from 'react';
import type { FilmfolioApi } from '../../../shared/contract';

const ApiContext = createContext<FilmfolioApi | null>(null);

/** Gives the views the API; tests pass a fake typed from the contract. */
export function ApiProvider({ api, children }: { api: FilmfolioApi; children: ReactNode }) {
  return <ApiContext.Provider value={api}>{children}</ApiContext.Provider>;
}

export function useApi(): FilmfolioApi {
  const api = useContext(ApiContext);
  if (!api) throw new Error('useApi needs an ApiProvider above it.');
  return api;
}
