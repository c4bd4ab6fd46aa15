import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES, ASTUtils } from '../util/deps.js';
import type ts from 'typescript';

import { typescript } from '../util/deps.js';

import { findNode, findVariable, getStaticPropertyName, isInsideFunction, skipTypeWrappers } from '../ast/index.js';
import type { Loop } from '../analysis/loops.js';
import type { TypeInformationMessageId } from '../kit/index.js';
import { createRule, getTypedRuleContext, TYPE_INFORMATION_MESSAGES } from '../kit/index.js';

export type Options = [{ allowNonNumeric?: number; minFields?: number }];
export type MessageIds = 'preferStructOfArrays' | TypeInformationMessageId;

/** Where an array of records is declared: a variable, a parameter, or a class field. */
type Declaration = TSESTree.Identifier | TSESTree.PropertyDefinition;

interface Walk {
  loop: Loop;
  fields: Set<string>;
}

/** Array literals up to this length are small fixed tables, not bulk data. */
const SMALL_LITERAL = 8;

export default createRule<Options, MessageIds>({
  name: 'prefer-struct-of-arrays',
  meta: {
    type: 'suggestion',
    docs: {
      description:
        'Prefer one typed array per field over arrays of numeric records that hot loops walk field by field',
      recommended: 'strict',
      requiresTypeChecking: true,
    },
    messages: {
      preferStructOfArrays:
        '`{{name}}` holds `{{type}}` records ({{fields}}: all numbers), walked field by field in the {{loops}}: keep one typed array per field instead.',
      // Reported by getTypeServices() when the file has no type information.
      ...TYPE_INFORMATION_MESSAGES,
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          allowNonNumeric: {
            type: 'integer',
            minimum: 0,
            description: 'How many non-numeric fields a record may have and still be reported.',
          },
          minFields: {
            type: 'integer',
            minimum: 1,
            description: 'The fewest fields a record type must have to be reported.',
          },
        },
      },
    ],
    defaultOptions: [{ allowNonNumeric: 0, minFields: 2 }],
  },
  create(context, [{ allowNonNumeric, minFields }]) {
    const typed = getTypedRuleContext(context);
    if (!typed) return {};
    const { checker, loops, services, sourceCode } = typed;

    /** Per array declaration: the loops that walk it and the fields they touch. */
    const walks = new Map<Declaration, Walk[]>();
    const verdicts = new Map<Declaration, RecordShape | null>();

    /** The declaration an array expression (`particles`, `this.particles`) refers to. */
    function declarationOf(array: TSESTree.Node): Declaration | null {
      if (array.type === AST_NODE_TYPES.Identifier) {
        const variable = findVariable(sourceCode, array);
        const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
        if (def?.type === 'Variable' || def?.type === 'Parameter') return def.name as TSESTree.Identifier;
        return null;
      }
      if (
        array.type === AST_NODE_TYPES.MemberExpression &&
        !array.computed &&
        array.object.type === AST_NODE_TYPES.ThisExpression &&
        array.property.type === AST_NODE_TYPES.Identifier
      ) {
        const name = array.property.name;
        for (let node: TSESTree.Node | undefined = array.parent; node; node = node.parent) {
          if (node.type === AST_NODE_TYPES.ClassBody) {
            return (
              node.body.find(
                (member): member is TSESTree.PropertyDefinition =>
                  member.type === AST_NODE_TYPES.PropertyDefinition &&
                  !member.static &&
                  member.key.type === AST_NODE_TYPES.Identifier &&
                  member.key.name === name,
              ) ?? null
            );
          }
        }
      }
      return null;
    }

    function record(array: TSESTree.Node, loop: Loop, fields: Set<string>): void {
      if (fields.size === 0) return;
      // A loop at module level runs once, at startup.
      if (!isInsideFunction(loop.node)) return;
      const declaration = declarationOf(array);
      if (!declaration) return;
      let list = walks.get(declaration);
      if (!list) walks.set(declaration, (list = []));
      list.push({ fields, loop });
    }

    /** Fields read or written through `element` (a loop variable or callback parameter) inside `region`. */
    function fieldsThrough(element: TSESTree.Node | undefined, region: TSESTree.Node): Set<string> {
      const fields = new Set<string>();
      if (!element) return fields;
      if (element.type === AST_NODE_TYPES.ObjectPattern) {
        for (const property of element.properties) {
          if (property.type === AST_NODE_TYPES.Property && !property.computed && property.key.type === AST_NODE_TYPES.Identifier) {
            fields.add(property.key.name);
          }
        }
        return fields;
      }
      if (element.type !== AST_NODE_TYPES.Identifier) return fields;
      const variable = ASTUtils.findVariable(sourceCode.getScope(region), element) ??
        sourceCode.getDeclaredVariables(element.parent).find((v) => v.name === element.name) ?? null;
      for (const reference of variable?.references ?? []) {
        const parent = reference.identifier.parent;
        if (parent.type === AST_NODE_TYPES.MemberExpression && parent.object === reference.identifier) {
          const name = getStaticPropertyName(parent);
          if (name !== null) fields.add(name);
        }
      }
      return fields;
    }

    /** The record shape of an array type's elements, or `null` when it is not a numeric record. */
    function recordShape(declaration: Declaration): RecordShape | null {
      let verdict = verdicts.get(declaration);
      if (verdict !== undefined) return verdict;
      verdict = computeShape(declaration);
      verdicts.set(declaration, verdict);
      return verdict;
    }

    function computeShape(declaration: Declaration): RecordShape | null {
      const node = declaration.type === AST_NODE_TYPES.PropertyDefinition ? declaration.key : declaration;
      const type = services.getTypeAtLocation(node);
      // Arrays only (tuples are small fixed records), never a union of array types.
      if (!checker.isArrayType(type)) return null;
      const element = checker.getTypeArguments(type as ts.TypeReference)[0];
      if (!element || element.isUnion() || element.isIntersection() || (element.flags & typescript.TypeFlags.Object) === 0) return null;
      const symbol = element.getSymbol() ?? element.aliasSymbol;
      // Plain shapes only: interfaces, type aliases and object literal types — not classes.
      if (!symbol || (symbol.flags & (typescript.SymbolFlags.Interface | typescript.SymbolFlags.TypeLiteral)) === 0) return null;
      if ((symbol.flags & typescript.SymbolFlags.Class) !== 0 || element.getCallSignatures().length > 0) return null;
      const numeric: string[] = [];
      let other = 0;
      for (const property of checker.getPropertiesOfType(element)) {
        const propertyType = checker.getTypeOfSymbol(property);
        if ((propertyType.flags & typescript.TypeFlags.NumberLike) !== 0 && !propertyType.isUnion()) numeric.push(property.name);
        else other++;
      }
      // Both options always have values: meta.defaultOptions fills them in.
      if (numeric.length + other < minFields! || other > allowNonNumeric! || numeric.length === 0) return null;
      if (!isBuiltInBulk(declaration)) return null;
      const name = element.aliasSymbol?.name ?? (symbol.flags & typescript.SymbolFlags.TypeLiteral ? `{ ${numeric.join(', ')} }` : symbol.name);
      return { name, numeric: new Set(numeric) };
    }

    /**
     * Built in bulk: a parameter or field of the array type, filled by a push in a loop, or produced
     * at run time (`map`, `Array.from`, `new Array(n).fill()`, a function's result). An array literal
     * of at most eight elements that is never pushed to in a loop is a small fixed table.
     */
    function isBuiltInBulk(declaration: Declaration): boolean {
      if (declaration.type === AST_NODE_TYPES.PropertyDefinition) return true;
      const declarator = declaration.parent;
      if (declarator?.type !== AST_NODE_TYPES.VariableDeclarator || declarator.id !== declaration) return true; // a parameter
      const init = declarator.init ? skipTypeWrappers(declarator.init) : null;
      if (!init) return true;
      if (init.type === AST_NODE_TYPES.ArrayExpression) {
        const variable = sourceCode.getDeclaredVariables(declarator)[0];
        const pushedInLoop = variable?.references.some((reference) => {
          const parent = reference.identifier.parent;
          return (
            parent.type === AST_NODE_TYPES.MemberExpression &&
            getStaticPropertyName(parent) === 'push' &&
            loops.enclosingLoops(parent).length > 0
          );
        });
        return pushedInLoop === true || init.elements.length > SMALL_LITERAL;
      }
      return init.type === AST_NODE_TYPES.CallExpression || init.type === AST_NODE_TYPES.NewExpression;
    }

    return {
      ForOfStatement(node): void {
        if (node.await || node.left.type !== AST_NODE_TYPES.VariableDeclaration) return;
        const loop = loops.loopStatement(node);
        if (!loop) return;
        record(node.right, loop, fieldsThrough(node.left.declarations[0]?.id, node.body));
      },
      ForStatement(node): void {
        // `for (let i = 0; i < arr.length; i++) … arr[i].x …`
        const test = node.test;
        if (
          test?.type !== AST_NODE_TYPES.BinaryExpression ||
          test.operator !== '<' ||
          test.left.type !== AST_NODE_TYPES.Identifier ||
          test.right.type !== AST_NODE_TYPES.MemberExpression ||
          getStaticPropertyName(test.right) !== 'length'
        ) {
          return;
        }
        const index = test.left.name;
        const array = test.right.object;
        const arrayText = sourceCode.getText(array);
        const fields = new Set<string>();
        findNode(node.body, (current) => {
          // `arr[i].x` or `arr[i]!.x`
          const element =
            current.type === AST_NODE_TYPES.MemberExpression && current.object.type === AST_NODE_TYPES.TSNonNullExpression
              ? current.object.expression
              : current.type === AST_NODE_TYPES.MemberExpression
                ? current.object
                : null;
          if (
            current.type === AST_NODE_TYPES.MemberExpression &&
            element?.type === AST_NODE_TYPES.MemberExpression &&
            element.computed &&
            element.property.type === AST_NODE_TYPES.Identifier &&
            element.property.name === index &&
            sourceCode.getText(element.object) === arrayText
          ) {
            const name = getStaticPropertyName(current);
            if (name !== null) fields.add(name);
          }
          return false; // visit everything
        });
        const loop = loops.loopStatement(node);
        if (loop) record(array, loop, fields);
      },
      'CallExpression[callee.type="MemberExpression"] > :function.arguments:first-child'(
        fn: TSESTree.ArrowFunctionExpression | TSESTree.FunctionExpression,
      ): void {
        const loop = loops.iterationCallback(fn);
        if (!loop) return;
        const call = fn.parent as TSESTree.CallExpression;
        const element = loop.method === 'reduce' || loop.method === 'reduceRight' ? fn.params[1] : fn.params[0];
        record((call.callee as TSESTree.MemberExpression).object, loop, fieldsThrough(element, fn));
      },
      'Program:exit'(): void {
        for (const [declaration, list] of walks) {
          const shape = recordShape(declaration);
          if (!shape) continue;
          const relevant = list.filter((walk) => [...walk.fields].some((field) => shape.numeric.has(field)));
          if (relevant.length === 0) continue;
          const descriptions = [...new Set(relevant.map((walk) => walk.loop.description))];
          const loopsText =
            descriptions.length <= 2 ? descriptions.join(' and ') : `${descriptions.slice(0, 2).join(', ')} and ${descriptions.length - 2} more`;
          const node = declaration.type === AST_NODE_TYPES.PropertyDefinition ? declaration.key : declaration;
          const name = node.type === AST_NODE_TYPES.Identifier ? node.name : sourceCode.getText(node);
          // The name only, not a parameter's type annotation.
          const { start } = node.loc;
          context.report({
            data: {
              fields: [...shape.numeric].map((f) => `\`${f}\``).join(', '),
              loops: loopsText,
              name,
              type: shape.name,
            },
            loc: { end: { column: start.column + name.length, line: start.line }, start },
            messageId: 'preferStructOfArrays',
          });
        }
      },
    } satisfies TSESLint.RuleListener;
  },
});

interface RecordShape {
  name: string;
  numeric: Set<string>;
}
