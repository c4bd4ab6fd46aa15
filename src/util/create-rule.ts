import { ESLintUtils } from '@typescript-eslint/utils';

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

export const createRule = ESLintUtils.RuleCreator<AllocRuleDocs>(ruleDocsUrl);
