import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { ESLintUtils } from '@typescript-eslint/utils';

import { getFileProfile } from '../analysis/profile.js';

/** Documentation metadata every alloc rule declares; configs and the README table are computed from it. */
export interface AllocRuleDocs {
  description: string;
  /**
   * `'recommended'`: in `recommended` (if no type information is needed) and `recommended-type-checked`.
   * `'strict'`: informational; only in `strict` and `all`.
   */
  recommended: 'recommended' | 'strict';
  /** The rule calls the TypeScript type checker. */
  requiresTypeChecking: boolean;
  /** Options the `strict` and `all` configs turn on (informational reports), merged over the defaults. */
  strictOptions?: Record<string, unknown>;
}

const REPO_URL = 'https://github.com/eslint-plugin-alloc/eslint-plugin-alloc';

export const ruleDocsUrl = (name: string): string => `${REPO_URL}/blob/main/docs/rules/${name}.md`;

const ruleCreator = ESLintUtils.RuleCreator<AllocRuleDocs>(ruleDocsUrl);

/**
 * typescript-eslint's `RuleCreator`, plus one thing every alloc rule shares: each report's message
 * ends with `{{profile}}`, which is filled here — the measured figure of the profiled function the
 * report sits in (`settings.alloc.profile`, see docs/profile-guided.md), or nothing.
 */
export function createRule<Options extends readonly unknown[], MessageIds extends string>(
  rule: Readonly<ESLintUtils.RuleWithMetaAndName<Options, MessageIds, AllocRuleDocs>>,
): ReturnType<typeof ruleCreator<Options, MessageIds>> {
  return ruleCreator<Options, MessageIds>({
    ...rule,
    create: (context, options) => rule.create(withProfileFigures(context), options),
  });
}

function withProfileFigures<C extends Readonly<TSESLint.RuleContext<string, readonly unknown[]>>>(context: C): C {
  const profile = getFileProfile(context);
  const { sourceCode } = context;
  const report = (descriptor: TSESLint.ReportDescriptor<string>): void => {
    let note = '';
    if (profile) {
      const loc = 'loc' in descriptor ? descriptor.loc : undefined;
      const node: TSESTree.Node | null =
        'node' in descriptor && descriptor.node
          ? (descriptor.node as TSESTree.Node)
          : loc
            ? sourceCode.getNodeByRangeIndex(sourceCode.getIndexFromLoc('line' in loc ? loc : loc.start))
            : null;
      note = node ? profile.noteFor(node) : '';
    }
    context.report({ ...descriptor, data: { ...descriptor.data, profile: note } });
  };
  // The rule sees ESLint's context with only `report` replaced.
  return Object.create(context, { report: { value: report } }) as C;
}
