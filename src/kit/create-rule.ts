/**
 * The rule factory every alloc rule is made with: typescript-eslint's `RuleCreator`, plus the profile
 * figure that every report in measured code carries. The factory reads nothing itself: the per-file
 * profile model (src/analysis/profile.ts) answers, and loads a profile only when
 * `settings.alloc.profile` names one.
 */
import type { ESLintUtils, TSESLint, TSESTree } from '@typescript-eslint/utils';

import { getFileProfile } from '../analysis/profile.js';
import { ESLintUtils as eslintUtils } from '../util/deps.js';
import { packageInfo, repositoryUrl } from '../util/package-info.js';

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
  /** Options only `all` turns on, over the strict ones: reports that have no mechanical remedy or are often noise. */
  allOptions?: Record<string, unknown>;
}

/** The rule's docs page at the released version's tag, so a link never shows a later version's rule. */
export const ruleDocsUrl = (name: string): string => `${repositoryUrl}/blob/v${packageInfo.version}/docs/rules/${name}.md`;

const ruleCreator = eslintUtils.RuleCreator<AllocRuleDocs>(ruleDocsUrl);

/** The placeholder the factory appends to every message and fills on every report. */
const PROFILE_PLACEHOLDER = '{{profile}}';

/**
 * typescript-eslint's `RuleCreator`, plus one thing every alloc rule shares: each message gets the
 * measured figure of the profiled function the report sits in (`settings.alloc.profile`, see
 * docs/profile-guided.md) appended, or nothing. Rules write their messages without it.
 */
export function createRule<Options extends readonly unknown[], MessageIds extends string>(
  rule: Readonly<ESLintUtils.RuleWithMetaAndName<Options, MessageIds, AllocRuleDocs>>,
): ReturnType<typeof ruleCreator<Options, MessageIds>> {
  const messages = Object.fromEntries(
    Object.entries<string>(rule.meta.messages).map(([id, text]) => [id, `${text}${PROFILE_PLACEHOLDER}`]),
  ) as Record<MessageIds, string>;
  return ruleCreator<Options, MessageIds>({
    ...rule,
    create: (context, options) => rule.create(withProfileFigures(context), options),
    meta: { ...rule.meta, messages },
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
    // Suggestion titles carry no figure: the finding's message does.
    const suggest = descriptor.suggest?.map((suggestion) => ({ ...suggestion, data: { ...suggestion.data, profile: '' } }));
    context.report({ ...descriptor, data: { ...descriptor.data, profile: note }, ...(suggest ? { suggest } : {}) });
  };
  // The rule sees ESLint's context with only `report` replaced.
  return Object.create(context, { report: { value: report } }) as C;
}
