/** Comments a fix must not drop. */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

type SourceCode = Readonly<TSESLint.SourceCode>;

/** True when a comment starts or ends inside `range`: replacing that text would drop it. */
export function hasCommentsInside(sourceCode: SourceCode, range: TSESTree.Range): boolean {
  return sourceCode
    .getAllComments()
    .some((comment) => comment.range[1] > range[0] && comment.range[0] < range[1]);
}
