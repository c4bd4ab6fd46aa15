import type { TSESLint } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';

import { fix, fixOrSuggest, noFix, suggest } from '../../src/fixers/index.js';
import { applyFixes } from '../helpers/fix.js';

const apply: TSESLint.ReportFixFunction = (fixer) => fixer.replaceTextRange([0, 1], 'b');

describe('fix, suggest and noFix', () => {
  it('build the three decisions', () => {
    expect(fix(apply)).toEqual({ apply, kind: 'fix' });
    expect(suggest(apply, 'check it')).toEqual({ apply, kind: 'suggest', reason: 'check it' });
    expect(noFix('why not')).toEqual({ kind: 'none', reason: 'why not' });
    expect(noFix()).toEqual({ kind: 'none', reason: undefined });
  });
});

describe('fixOrSuggest', () => {
  const suggestion = { data: { name: 'xs' }, messageId: 'suggestIt' as const };

  it("an autofix: `fix` is the decision's function, no suggestion", () => {
    const fields = fixOrSuggest(fix(apply), suggestion);
    expect(fields).toEqual({ fix: apply, suggest: [] });
    expect(applyFixes('a = 1;', fields.fix!)).toBe('b = 1;');
  });

  it('nothing: neither a fix nor a suggestion, whatever the reason', () => {
    expect(fixOrSuggest(noFix('comments would be lost'), suggestion)).toEqual({ fix: null, suggest: [] });
    expect(fixOrSuggest(noFix(), suggestion)).toEqual({ fix: null, suggest: [] });
  });

  it("a suggestion: one entry with the message, its data and the reason, and the decision's function", () => {
    const fields = fixOrSuggest(suggest(apply, 'check that `f` is pure'), suggestion);
    expect(fields).toEqual({
      fix: null,
      suggest: [{ data: { name: 'xs', reason: 'check that `f` is pure' }, fix: apply, messageId: 'suggestIt' }],
    });
    expect(applyFixes('a = 1;', fields.suggest[0]!.fix)).toBe('b = 1;');
  });

  it('a suggestion without data gets the reason alone; the reason wins over a `reason` in the data', () => {
    expect(fixOrSuggest(suggest(apply, 'why'), { messageId: 'm' }).suggest).toEqual([{ data: { reason: 'why' }, fix: apply, messageId: 'm' }]);
    expect(fixOrSuggest(suggest(apply, 'why'), { data: { reason: 'stale' }, messageId: 'm' }).suggest[0]!.data).toEqual({ reason: 'why' });
  });
});
