import { describe, it } from 'vitest';

import { expectSameBehaviour } from './execute.js';

/** The exact location (1-based line and column, end exclusive) of the first `snippet` in `code`. */
export function at(code: string, snippet: string) {
  const index = code.indexOf(snippet);
  if (index < 0) throw new Error(`${snippet} not in code`);
  const before = code.slice(0, index).split('\n');
  const line = before.length;
  const column = before.at(-1)!.length + 1;
  const inner = snippet.split('\n');
  return {
    column,
    endColumn: inner.length === 1 ? column + snippet.length : inner.at(-1)!.length + 1,
    endLine: line + inner.length - 1,
    line,
  };
}

/**
 * Collects before/after pairs of a rule's fixes and suggestions, and registers one test per pair
 * that runs both programs and compares what they do (see execute.ts).
 */
export class ExecutedFixes {
  readonly #pairs: [string, string, string][] = [];

  add(name: string, before: string, after: string | null): void {
    if (after !== null) this.#pairs.push([name, before, after]);
  }

  register(rule: string): void {
    const pairs = this.#pairs;
    describe(`${rule}: fixes and suggestions keep behaviour`, () => {
      it.each(pairs)('%s', (_, before, after) => {
        expectSameBehaviour(before, after);
      });
    });
  }
}
