import type { InvalidTestCase } from '@typescript-eslint/rule-tester';
import { describe, it } from 'vitest';

import { STRICT_FREQUENCY_OPTIONS } from '../../src/analysis/frequency.js';
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
      it.each(pairs)('%s', async (_, before, after) => {
        await expectSameBehaviour(before, after);
      });
    });
  }
}

/** One reported problem of an invalid case, located at the first `at` snippet of the code. */
export interface ReportSpec<MessageIds extends string> {
  at: string;
  messageId: MessageIds;
  data?: Record<string, unknown>;
  suggestions?: readonly { messageId: MessageIds; output: string }[];
}

export interface InvalidSpec<MessageIds extends string, Options extends readonly unknown[]> extends ReportSpec<MessageIds> {
  name: string;
  code: string;
  /** The autofixed code, or `null` when nothing is autofixed. */
  output?: string | null;
  options?: Options;
  /** Run the code before and after each fix and suggestion (default); `false` for code that needs a server. */
  execute?: boolean;
}

/**
 * The case factory every rule test uses: an invalid case with the exact position of its one
 * problem, its fix output and its suggestions, whose fix and suggestion outputs are also executed
 * against the original code (`register` adds those tests).
 */
export class RuleCases<MessageIds extends string, Options extends readonly unknown[]> {
  readonly executed = new ExecutedFixes();

  invalid(spec: InvalidSpec<MessageIds, Options>): InvalidTestCase<MessageIds, Options> {
    const { code, name, output = null, suggestions = [] } = spec;
    if (spec.execute !== false) {
      this.executed.add(`${name} (fix)`, code, output);
      for (const suggestion of suggestions) {
        this.executed.add(suggestions.length === 1 ? `${name} (suggestion)` : `${name} (${suggestion.messageId})`, code, suggestion.output);
      }
    }
    return {
      code,
      errors: [
        {
          ...at(code, spec.at),
          ...(spec.data ? { data: spec.data } : {}),
          messageId: spec.messageId,
          suggestions: [...suggestions],
        },
      ],
      name,
      ...(spec.options ? { options: spec.options } : {}),
      output,
    };
  }

  register(rule: string): void {
    this.executed.register(rule);
  }
}

/**
 * The frequency options of the `strict` configs: every loop, once-code included. Cases that test
 * what a rule detects and how it fixes (often written at module level over literal arrays) run with
 * them, so that the frequency policy does not hide the trap they test; the policy itself has its own
 * cases with the default options in each rule's test.
 */
export const EVERY_LOOP = STRICT_FREQUENCY_OPTIONS;

/** `cases` (a code string stands for `{ code }`) with `EVERY_LOOP` merged under each case's own options. */
export function everyLoop<Case extends { code: string; options?: readonly unknown[] }>(cases: readonly (Case | string)[]): Case[] {
  return cases.map((item) => {
    const object = typeof item === 'string' ? ({ code: item } as Case) : item;
    const own = (object.options?.[0] ?? {}) as Record<string, unknown>;
    return { ...object, options: [{ ...EVERY_LOOP, ...own }, ...(object.options?.slice(1) ?? [])] };
  });
}
