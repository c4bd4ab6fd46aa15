import ts from 'typescript';
import vm from 'node:vm';
import { expect } from 'vitest';

/** What a program observably did: what it logged, the value of `result` at the end, what it threw. */
export interface Observation {
  logs: string[];
  result: unknown;
  error: string | null;
}

/**
 * Runs TypeScript `code` (types stripped by `ts.transpileModule`) in a fresh `node:vm` context and
 * records its console output, the final value of a top-level `result` binding (if declared), and
 * the message of anything it throws. Async code is awaited: a `result` that is a promise is settled
 * (its value or its rejection is what is recorded), and the run ends only after the promise jobs
 * and one macrotask turn have run, so logs from async functions are included. Each run is
 * isolated: no state survives between runs.
 */
export async function execute(code: string): Promise<Observation> {
  const js = ts.transpileModule(code, {
    compilerOptions: { module: ts.ModuleKind.None, target: ts.ScriptTarget.ES2022 },
    reportDiagnostics: false,
  }).outputText;
  const logs: string[] = [];
  const format = (value: unknown): string =>
    typeof value === 'string' ? value : JSON.stringify(value, (_, v: unknown) => (v === undefined ? '«undefined»' : v));
  const context = vm.createContext({
    // Node's Buffer is a global in the programs under test; everything else is the realm's own.
    Buffer,
    // A program with `export` is emitted as CommonJS (`exports.f = f`): its exports go nowhere.
    exports: {},
    console: { log: (...values: unknown[]) => logs.push(values.map(format).join(' ')) },
  });
  let error: string | null = null;
  let result: unknown;
  const describe = (thrown: unknown): string =>
    // Errors from the context are of its realm: `instanceof Error` is false for them.
    typeof thrown === 'object' && thrown !== null && 'message' in thrown
      ? `${String((thrown as Error).name)}: ${String((thrown as Error).message)}`
      : String(thrown);
  try {
    // `result` is read in the same script, so `let`/`const` bindings are visible.
    result = vm.runInContext(`${js}\n;typeof result === 'undefined' ? undefined : result;`, context, { timeout: 5000 });
    if (isThenable(result)) result = await result;
  } catch (thrown) {
    error = describe(thrown);
  }
  // Async functions that nobody awaited: let their remaining steps (and logs) run.
  await new Promise((resolve) => setImmediate(resolve));
  // Values from another realm: compare their JSON shape (holes and undefined made visible).
  return { error, logs, result: JSON.parse(JSON.stringify(result ?? null, (_, v: unknown) => (v === undefined ? '«undefined»' : v))) as unknown };
}

/**
 * Asserts that the code after a fix behaves exactly like the code before it (same logs, same final
 * `result`, same error). Every fixer test runs its before/after pairs through this.
 */
export async function expectSameBehaviour(before: string, after: string): Promise<void> {
  const expected = await execute(before);
  expect(expected.error, `the code before the fix threw: ${expected.error}`).toBeNull();
  expect(await execute(after)).toEqual(expected);
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return typeof value === 'object' && value !== null && typeof (value as { then?: unknown }).then === 'function';
}
