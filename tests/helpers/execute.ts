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
 * the message of anything it throws. Each run is isolated: no state survives between runs.
 */
export function execute(code: string): Observation {
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
    console: { log: (...values: unknown[]) => logs.push(values.map(format).join(' ')) },
  });
  let error: string | null = null;
  let result: unknown;
  try {
    // `result` is read in the same script, so `let`/`const` bindings are visible.
    result = vm.runInContext(`${js}\n;typeof result === 'undefined' ? undefined : result;`, context, { timeout: 5000 });
  } catch (thrown) {
    error = thrown instanceof Error ? `${thrown.name}: ${thrown.message}` : String(thrown);
  }
  // Values from another realm: compare their JSON shape (holes and undefined made visible).
  return { error, logs, result: JSON.parse(JSON.stringify(result ?? null, (_, v: unknown) => (v === undefined ? '«undefined»' : v))) as unknown };
}

/**
 * Asserts that the code after a fix behaves exactly like the code before it (same logs, same final
 * `result`, same error). Every fixer test runs its before/after pairs through this.
 */
export function expectSameBehaviour(before: string, after: string): void {
  const expected = execute(before);
  expect(expected.error, `the code before the fix threw: ${expected.error}`).toBeNull();
  expect(execute(after)).toEqual(expected);
}
