/**
 * What crosses the harness's bridge between the window and main, as one string each way.
 *
 * Electron's IPC copies values with the structured clone algorithm: well under a millisecond for a
 * page of films. Playwright's binding, handed an object graph, serialises it value by value into
 * its own protocol (tens of milliseconds for the same page), a cost no person using Filmfolio
 * pays. Handed one string, it costs next to nothing. The string is JSON, with the values structured
 * clone keeps and JSON does not written as tagged arrays: undefined (in objects and arrays), NaN,
 * ±Infinity and -0, BigInt, Date, RegExp, Map, Set, ArrayBuffer and typed arrays, and Errors (their
 * standard type and message). As with structured clone, a function or a symbol cannot cross: encoding one
 * throws. Unlike it, a cycle throws too (nothing in the contract has one), and an object reached
 * twice arrives as two equal copies.
 *
 * `ipcCodec` is self-contained (it closes over nothing), so the harness runs the same function in
 * the page: its source goes into the preload's init script.
 */
export type IpcCodec = { encode(value: unknown): string; decode(text: string): unknown };

export function ipcCodec(): IpcCodec {
  // A string no film or argument starts an array with in practice; one that does is escaped ('a').
  const TAG = '\u0000ffipc';
  type Encoded = null | boolean | number | string | Encoded[] | { [key: string]: Encoded };

  const cloneError = (what: string) =>
    new Error(`An object could not be cloned: ${what} cannot cross IPC (structured clone refuses it).`);

  const bytesToBase64 = (bytes: Uint8Array) => {
    let binary = '';
    for (let i = 0; i < bytes.length; i += 0x8000) {
      binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    }
    return btoa(binary);
  };
  const base64ToBytes = (text: string) => Uint8Array.from(atob(text), (char) => char.charCodeAt(0));

  const typedArrays: Record<string, new (buffer: ArrayBuffer) => ArrayBufferView> = {
    Int8Array,
    Uint8Array,
    Uint8ClampedArray,
    Int16Array,
    Uint16Array,
    Int32Array,
    Uint32Array,
    Float32Array,
    Float64Array,
    BigInt64Array,
    BigUint64Array,
    DataView,
  };

  const errorTypes: Record<string, ErrorConstructor> = {
    Error,
    EvalError,
    RangeError,
    ReferenceError,
    SyntaxError,
    TypeError,
    URIError,
  };

  const toJson = (value: unknown, open: Set<object>): Encoded => {
    switch (typeof value) {
      case 'string':
      case 'boolean':
        return value;
      case 'number':
        if (Object.is(value, -0)) return [TAG, 'n', '-0'];
        return Number.isFinite(value) ? value : [TAG, 'n', String(value)];
      case 'undefined':
        return [TAG, 'u'];
      case 'bigint':
        return [TAG, 'b', value.toString()];
      case 'function':
      case 'symbol':
        throw cloneError(`a ${typeof value}`);
    }
    if (value === null) return null;
    const object = value as object;
    if (open.has(object)) throw cloneError('an object that contains itself');
    open.add(object);
    try {
      return objectToJson(object, open);
    } finally {
      open.delete(object);
    }
  };

  const objectToJson = (value: object, open: Set<object>): Encoded => {
    if (Array.isArray(value)) {
      const items = Array.from(value as unknown[], (item) => toJson(item, open));
      return items[0] === TAG ? [TAG, 'a', items] : items;
    }
    if (value instanceof Date) return [TAG, 'd', toJson(value.getTime(), open)];
    if (value instanceof RegExp) return [TAG, 'r', value.source, value.flags];
    if (value instanceof Map) {
      return [TAG, 'm', Array.from(value, ([key, item]) => [toJson(key, open), toJson(item, open)])];
    }
    if (value instanceof Set) return [TAG, 's', Array.from(value, (item) => toJson(item, open))];
    if (value instanceof ArrayBuffer) return [TAG, 'ab', bytesToBase64(new Uint8Array(value))];
    if (ArrayBuffer.isView(value)) {
      const bytes = new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
      return [TAG, 'v', value.constructor.name, bytesToBase64(bytes)];
    }
    if (value instanceof Error) return [TAG, 'e', value.name, value.message];
    const encoded: { [key: string]: Encoded } = {};
    for (const key of Object.keys(value)) {
      encoded[key] = toJson((value as Record<string, unknown>)[key], open);
    }
    return encoded;
  };

  const fromJson = (value: Encoded): unknown => {
    if (value === null || typeof value !== 'object') return value;
    if (!Array.isArray(value)) {
      const decoded: Record<string, unknown> = {};
      for (const key of Object.keys(value)) decoded[key] = fromJson(value[key] as Encoded);
      return decoded;
    }
    if (value[0] !== TAG) return value.map(fromJson);
    const [, tag, first, second] = value as [string, string, Encoded, Encoded];
    switch (tag) {
      case 'u':
        return undefined;
      case 'n':
        return Number(first);
      case 'b':
        return BigInt(first as string);
      case 'a':
        return (first as Encoded[]).map(fromJson);
      case 'd':
        return new Date(fromJson(first) as number);
      case 'r':
        return new RegExp(first as string, second as string);
      case 'm':
        return new Map((first as [Encoded, Encoded][]).map(([key, item]) => [fromJson(key), fromJson(item)]));
      case 's':
        return new Set((first as Encoded[]).map(fromJson));
      case 'ab':
        return base64ToBytes(first as string).buffer;
      case 'v': {
        const View = typedArrays[first as string] ?? Uint8Array;
        return new View(base64ToBytes(second as string).buffer);
      }
      case 'e': {
        // As structured clone: the standard error types keep theirs, any other comes back an Error.
        const ErrorType = errorTypes[first as string] ?? Error;
        return new ErrorType(second as string);
      }
      default:
        throw new Error(`The harness's IPC codec does not know the tag '${tag}'.`);
    }
  };

  return {
    encode: (value) => JSON.stringify(toJson(value, new Set())),
    decode: (text) => fromJson(JSON.parse(text) as Encoded),
  };
}
