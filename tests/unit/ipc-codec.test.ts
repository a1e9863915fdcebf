import { describe, expect, it } from 'vitest';
import { ipcCodec } from '../e2e/ipc-codec';

/** The e2e harness's bridge must carry values as Electron's IPC (structured clone) does. */
const codec = ipcCodec();
const roundTrip = (value: unknown) => codec.decode(codec.encode(value));

describe("the e2e harness's IPC codec", () => {
  it('keeps what structured clone keeps and JSON does not', () => {
    const value = {
      text: 'Amélie \u0000 with a NUL',
      missing: undefined,
      list: [1, undefined, null, 'x'],
      odd: [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, -0],
      big: 12345678901234567890n,
      when: new Date('2024-05-31T12:00:00Z'),
      invalid: new Date(Number.NaN),
      pattern: /lig(ht)?/giu,
      byKey: new Map<unknown, unknown>([
        ['a', 1],
        [2, { nested: new Set(['x', 'y']) }],
      ]),
      bytes: new Uint8Array([0, 1, 254, 255]),
      floats: new Float64Array([1.5, -2]),
      buffer: new Uint8Array([9, 8, 7]).buffer,
      error: new RangeError('out of range'),
    };
    const copy = roundTrip(value);
    expect(copy).toEqual(structuredClone(value));
    expect(Object.hasOwn(copy as object, 'missing')).toBe(true);
    expect(Object.is((copy as { odd: number[] }).odd[3], -0)).toBe(true);
    expect((copy as { error: Error }).error).toBeInstanceOf(Error);
    expect((copy as { error: Error }).error.name).toBe('RangeError');
    expect((copy as { buffer: ArrayBuffer }).buffer).toBeInstanceOf(ArrayBuffer);
  });

  it('passes an array that starts with its own tag through as plain data', () => {
    const tag = JSON.parse(codec.encode(undefined) as string)[0] as string;
    const value = [[tag, 'u'], [tag], tag];
    expect(roundTrip(value)).toEqual(value);
  });

  it('gives copies, not the objects sent', () => {
    const film = { title: 'Alien', genres: ['Horror'] };
    const copy = roundTrip({ ok: true, value: film }) as { value: typeof film };
    expect(copy.value).toEqual(film);
    expect(copy.value).not.toBe(film);
  });

  it('refuses what cannot be cloned, as Electron does', () => {
    expect(() => codec.encode({ run: () => 1 })).toThrow(/could not be cloned/);
    expect(() => codec.encode([Symbol('x')])).toThrow(/could not be cloned/);
    const loop: Record<string, unknown> = {};
    loop.self = loop;
    expect(() => codec.encode(loop)).toThrow(/could not be cloned/);
  });

  it('runs from its own source, as the harness puts it into the page', () => {
    const fromSource = new Function(`return (${ipcCodec.toString()})();`)() as typeof codec;
    const value = { when: new Date(0), missing: undefined, n: [Number.NaN] };
    expect(fromSource.decode(codec.encode(value))).toEqual(structuredClone(value));
    expect(codec.decode(fromSource.encode(value))).toEqual(structuredClone(value));
  });
});
