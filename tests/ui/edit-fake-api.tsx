import type { ReactNode } from 'react';
import type { FilmfolioApi } from '../../src/shared/contract';
import { ApiProvider } from '../../src/renderer/src/shell/api-context';

type Namespaces = keyof FilmfolioApi;
/** Any part of the API a test cares about; every other call rejects, naming itself. */
export type FakeApiParts = { [N in Namespaces]?: Partial<FilmfolioApi[N]> };

/** A stand-in API typed from the contract, so a test's fake cannot drift from the real channels. */
export function fakeApi(parts: FakeApiParts): FilmfolioApi {
  return new Proxy({} as FilmfolioApi, {
    get: (_target, namespace: string) =>
      new Proxy(
        {},
        {
          get: (_inner, verb: string) => {
            const method = (parts as Record<string, Record<string, unknown> | undefined>)[namespace]?.[verb];
            return (
              method ?? (() => Promise.reject(new Error(`${namespace}.${verb} is not faked in this test`)))
            );
          },
        },
      ),
  });
}

export function withApi(api: FilmfolioApi, children: ReactNode) {
  return <ApiProvider api={api}>{children}</ApiProvider>;
}
