/**
 * Once per run, across ESLint's `--concurrency` worker threads. Each worker loads the plugin afresh,
 * so a module-level set would let every worker print the same configuration warning. The threads
 * share one table of the keys claimed so far instead: a `SharedArrayBuffer`, handed to the workers
 * as `worker_threads` environment data, and claimed with `Atomics.compareExchange`, so two workers
 * claiming the same key at the same moment cannot both win.
 *
 * The table is made when the plugin is imported in ESLint's main thread: ESLint loads the config
 * there to find the files to lint before it starts its workers, and each worker starts with a copy
 * of its parent's environment data, in which a `SharedArrayBuffer` stays shared. Where no parent
 * made one (the plugin imported only inside a worker), the thread makes its own: once per thread.
 */
import { getEnvironmentData, setEnvironmentData } from 'node:worker_threads';

const KEY = 'eslint-plugin-alloc/once';
/** Slots of the shared table; a run has a handful of warnings. When it is full, keys are claimed per thread. */
const SLOTS = 1024;

if (!(getEnvironmentData(KEY) instanceof SharedArrayBuffer)) setEnvironmentData(KEY, new SharedArrayBuffer(SLOTS * BigInt64Array.BYTES_PER_ELEMENT));

const table = new BigInt64Array(getEnvironmentData(KEY) as SharedArrayBuffer);
const claimedHere = new Set<string>();

/** `true` the first time any thread of this process claims `key`, `false` after. */
export function claimOnce(key: string): boolean {
  if (claimedHere.has(key)) return false;
  claimedHere.add(key);
  const hash = hash64(key);
  const start = Number(BigInt.asUintN(64, hash) % BigInt(SLOTS));
  for (let probe = 0; probe < SLOTS; probe++) {
    const seen = Atomics.compareExchange(table, (start + probe) % SLOTS, 0n, hash);
    if (seen === 0n) return true;
    if (seen === hash) return false;
  }
  return true;
}

/** FNV-1a over the UTF-16 code units, as a non-zero signed 64-bit value (0 marks an empty slot). */
function hash64(text: string): bigint {
  let hash = 0xcbf29ce484222325n;
  for (let index = 0; index < text.length; index++) {
    hash = BigInt.asUintN(64, (hash ^ BigInt(text.charCodeAt(index))) * 0x100000001b3n);
  }
  return BigInt.asIntN(64, hash) || 1n;
}
