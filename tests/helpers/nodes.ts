import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

import { withTypedContext } from './lint.js';

type Context = Parameters<Parameters<typeof withTypedContext>[1]>[0];
/** Each node type by its name as a plain string (`'ForStatement'`, not `AST_NODE_TYPES.ForStatement`). */
type NodeByType = { [N in TSESTree.Node as `${N['type']}`]: N };
export type NodeType = keyof NodeByType;
type NodeOfType<T extends NodeType> = NodeByType[T];

/**
 * Parses `code` like `withTypedContext` (without type information unless `typed` is set) and returns
 * what `read` returns.
 */
export function inspect<T>(code: string, read: (context: Context, program: TSESTree.Program) => T, options: { typed?: boolean } = {}): T {
  let value: T | undefined;
  let done = false;
  withTypedContext(
    code,
    (context, program) => {
      value = read(context, program);
      done = true;
    },
    { typed: options.typed ?? false },
  );
  if (!done) throw new Error('the code was not inspected');
  return value as T;
}

/**
 * Every node of `type` in `root`'s subtree, in source order, outer first. Unlike `findAll`, this
 * does not walk `Program.tokens` (whose identifiers also have the type `Identifier`) or comments.
 */
export function inSourceOrder<T extends NodeType>(root: TSESTree.Node, type: T): NodeOfType<T>[] {
  const found: TSESTree.Node[] = [];
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) {
      for (const child of value) visit(child);
      return;
    }
    if (!value || typeof value !== 'object' || typeof (value as { type?: unknown }).type !== 'string') return;
    const node = value as TSESTree.Node;
    if (node.type === type) found.push(node);
    for (const [key, child] of Object.entries(node)) {
      if (key !== 'parent' && key !== 'tokens' && key !== 'comments') visit(child);
    }
  };
  visit(root);
  return (found as NodeOfType<T>[]).sort((a, b) => a.range[0] - b.range[0] || b.range[1] - a.range[1]);
}

/** The `nth` (0-based, in source order) node of `type` whose source text is exactly `text`. */
export function nodeByText<T extends NodeType>(
  sourceCode: Readonly<TSESLint.SourceCode>,
  program: TSESTree.Program,
  type: T,
  text: string,
  nth = 0,
): NodeOfType<T> {
  const node = inSourceOrder(program, type).filter((candidate) => sourceCode.getText(candidate) === text)[nth];
  if (!node) throw new Error(`no ${type} \`${text}\` (#${nth}) in the code`);
  return node;
}

/** The identifiers named `name`, in source order. */
export function identifiersNamed(program: TSESTree.Program, name: string): TSESTree.Identifier[] {
  return inSourceOrder(program, 'Identifier').filter((identifier) => identifier.name === name);
}

/** The variable named `name` declared by the first declaration of that name in source order. */
export function variableNamed(context: Context, program: TSESTree.Program, name: string): TSESLint.Scope.Variable {
  for (const identifier of identifiersNamed(program, name)) {
    const variable = context.sourceCode.getDeclaredVariables(identifier.parent).find((candidate) => candidate.name === name);
    if (variable) return variable;
  }
  throw new Error(`no declaration of \`${name}\` in the code`);
}
