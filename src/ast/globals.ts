/** Names of built-in globals that several rules and models recognise. */

/** The typed-array constructors. */
export const TYPED_ARRAY_NAMES: readonly string[] = [
  'BigInt64Array',
  'BigUint64Array',
  'Float32Array',
  'Float64Array',
  'Int16Array',
  'Int32Array',
  'Int8Array',
  'Uint16Array',
  'Uint32Array',
  'Uint8Array',
  'Uint8ClampedArray',
];
