/**
 * The one fix-or-suggest policy: a rule decides, once per finding, whether its rewrite is an
 * autofix (provably keeps behaviour), a suggestion (keeps it unless something the rule cannot see
 * holds; the reason says what to check), or not offered; `fixOrSuggest` turns that decision into the
 * report's `fix` and `suggest` fields.
 */
import type { TSESLint } from '@typescript-eslint/utils';

export type FixDecision =
  | { kind: 'fix'; apply: TSESLint.ReportFixFunction }
  | { kind: 'none'; reason?: string }
  | { kind: 'suggest'; apply: TSESLint.ReportFixFunction; reason: string };

/** An autofix. */
export const fix = (apply: TSESLint.ReportFixFunction): FixDecision => ({ apply, kind: 'fix' });

/** A suggestion, with what the user should check before applying it. */
export const suggest = (apply: TSESLint.ReportFixFunction, reason: string): FixDecision => ({ apply, kind: 'suggest', reason });

/** Nothing to offer (the reason is for the code that reads the decision, not for users). */
export const noFix = (reason?: string): FixDecision => ({ kind: 'none', reason });

/**
 * The report fields for `decision`: `fix` for an autofix; for a suggestion, one entry with
 * `messageId` and `data` plus `reason` (the suggestion's title names it).
 */
export function fixOrSuggest<MessageIds extends string>(
  decision: FixDecision,
  suggestion: { messageId: MessageIds; data?: Record<string, unknown> },
): { fix: TSESLint.ReportFixFunction | null; suggest: TSESLint.ReportSuggestionArray<MessageIds> } {
  if (decision.kind === 'fix') return { fix: decision.apply, suggest: [] };
  if (decision.kind === 'none') return { fix: null, suggest: [] };
  return {
    fix: null,
    suggest: [{ data: { ...suggestion.data, reason: decision.reason }, fix: decision.apply, messageId: suggestion.messageId }],
  };
}
