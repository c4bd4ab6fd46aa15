/** Walking the AST: children, first match, source-range containment. */
import type { TSESTree } from '@typescript-eslint/utils';

/** Calls `visit` on each direct child node of `node` (not on `parent`). */
export function forEachChild(node: TSESTree.Node, visit: (child: TSESTree.Node) => void): void {
  for (const [key, value] of Object.entries(node)) {
    // A Program also holds its `tokens` and `comments`, which are no child nodes.
    if (key === 'parent' || key === 'tokens' || key === 'comments' || !value || typeof value !== 'object') continue;
    if (Array.isArray(value)) {
      for (const child of value) if (isNode(child)) visit(child);
    } else if (isNode(value)) {
      visit(value);
    }
  }
}

/** The first node in `root`'s subtree (itself included) that `test` accepts, skipping what `skip` rejects. */
export function findNode(
  root: TSESTree.Node,
  test: (node: TSESTree.Node) => boolean,
  skip: (node: TSESTree.Node) => boolean = () => false,
): TSESTree.Node | null {
  let found: TSESTree.Node | null = null;
  const visit = (node: TSESTree.Node): void => {
    if (found || (node !== root && skip(node))) return;
    if (test(node)) {
      found = node;
      return;
    }
    forEachChild(node, visit);
  };
  visit(root);
  return found;
}

function isNode(value: unknown): value is TSESTree.Node {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
}

/** True when `inner` lies within `outer`'s source range. */
export function contains(outer: TSESTree.Node, inner: TSESTree.Node): boolean {
  return outer.range[0] <= inner.range[0] && inner.range[1] <= outer.range[1];
}

/** Whether `name` occurs as an identifier anywhere inside `node` (closures included). */
export function mentions(node: TSESTree.Node, name: string): boolean {
  return findNode(node, (n) => n.type === 'Identifier' && n.name === name) !== null;
}

/** `node` is the identifier `name`. */
export function isIdentifierNamed(node: TSESTree.Node | null | undefined, name: string): node is TSESTree.Identifier {
  return node?.type === 'Identifier' && node.name === name;
}
