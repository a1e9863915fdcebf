import { describe, expect, it } from 'vitest';
import { dispatch } from '../../src/main/dispatch';
import { createHandlers } from '../../src/main/handlers';
import { registerIpc } from '../../src/main/ipc';
import { ApiError, createApi, unwrapBridge, type Outcome } from '../../src/shared/contract';
import { samplePath, tempLibrary } from '../support/temp-library';

async function handlersOverTempLibrary() {
  const library = await tempLibrary();
  return { library, handlers: createHandlers({ library: () => library, samplePath }) };
}

describe('the bridge', () => {
  it('answers a valid call with its value', async () => {
    const { handlers } = await handlersOverTempLibrary();
    const outcome = await dispatch(handlers, 'library:open-sample', []);
    expect(outcome).toEqual({ ok: true, value: { added: 1 } });
    const page = await dispatch(handlers, 'films:list', [{ search: 'folsom' }]);
    expect(page.ok && (page.value as { total: number }).total).toBe(1);
  });

  it('rejects an argument of the wrong shape with a validation error naming the place', async () => {
    const { handlers } = await handlersOverTempLibrary();
    const outcome = await dispatch(handlers, 'films:get', [42]);
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.error.code).toBe('VALIDATION');
    expect(outcome.error.message).toMatch(/\[0\]: must be a film id \(a UUID\), got 42/);
    const create = await dispatch(handlers, 'films:create', [
      { title: 'X', boxOffice: { worldwide: { amount: '20,554', currency: 'USD' } } },
    ]);
    expect(!create.ok && create.error.message).toContain(
      '[0].boxOffice.worldwide.amount: expected a whole number, got "20,554"',
    );
  });

  it('rejects unknown channels and a missing film with their own codes', async () => {
    const { handlers } = await handlersOverTempLibrary();
    expect(await dispatch(handlers, 'films:drop-table', [])).toMatchObject({
      ok: false,
      error: { code: 'UNKNOWN_CHANNEL' },
    });
    const update = await dispatch(handlers, 'films:update', [
      { id: '0e5c3a52-1f7e-4a4f-9b7c-3c8d2e1f0a11', title: 'Gone' },
      null,
    ]);
    expect(update).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('registers a handler per channel that refuses calls from a frame that is not the app’s own', async () => {
    const { handlers } = await handlersOverTempLibrary();
    const registered = new Map<string, (event: unknown, ...args: unknown[]) => Promise<Outcome<unknown>>>();
    registerIpc(
      { handle: (channel: string, fn: never) => void registered.set(channel, fn) } as never,
      handlers,
      (event) => event === ('trusted' as never),
    );
    const list = registered.get('films:list')!;
    expect(await list('foreign', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await list('trusted', {})).toMatchObject({ ok: true });
  });

  it('gives the renderer an API that resolves values and throws ApiError with code and details', async () => {
    const { handlers } = await handlersOverTempLibrary();
    const api = unwrapBridge(createApi((channel, args) => dispatch(handlers, channel, args)));
    expect((await api.library.info()).filmCount).toBe(0);
    await expect(api.films.get('not-a-uuid')).rejects.toBeInstanceOf(ApiError);
    await expect(api.films.get('not-a-uuid')).rejects.toMatchObject({ code: 'VALIDATION' });
  });
});
