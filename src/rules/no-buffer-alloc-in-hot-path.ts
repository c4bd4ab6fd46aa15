import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../util/deps.js';

import {
  calleeName,
  findNode,
  functionName,
  getStaticPropertyName,
  isFunction,
  isGlobalMember,
  isGlobalReference,
  nearestFunction,
  topLevelStatement,
  TYPED_ARRAY_NAMES,
} from '../ast/index.js';
import type { UseVerdict } from '../analysis/escapes.js';
import { constantNumber } from '../analysis/constants.js';
import { findEscape } from '../analysis/escapes.js';
import { getHotPathModel } from '../analysis/hot-path.js';
import { isInvariantIn } from '../analysis/invariance.js';
import { getLoopAnalysis } from '../analysis/loops.js';
import { claimStatementList, fixOrSuggest, getFreeName, insertBeforeWithComments, noFix, suggest } from '../fixers/index.js';
import { createRule } from '../kit/index.js';
import type { FrequencyOptions } from '../analysis/frequency.js';
import { decide, DEFAULT_FREQUENCY_OPTIONS, FREQUENCY_SCHEMA, getFrequencyModel, STRICT_FREQUENCY_OPTIONS, whereItRepeats } from '../analysis/frequency.js';
import { constantCase, shorten } from '../util/text.js';

export type Options = [Partial<FrequencyOptions>];
export type MessageIds = 'allocInHotPath' | 'suggestScratch';

type Allocation = TSESTree.CallExpression | TSESTree.NewExpression;

const BUFFER_FACTORIES = new Set(['alloc', 'allocUnsafe', 'allocUnsafeSlow']);
const TYPED_ARRAYS: ReadonlySet<string> = new Set(TYPED_ARRAY_NAMES);
/** Methods of a buffer that use it in place, keep no reference to it and return something else. */
const IN_PLACE_METHODS = /^(?:compare|copy|equals|get\w+|includes|indexOf|lastIndexOf|read\w*|set\w*|toString|write\w*)$/u;
/** Methods and functions that return the buffer itself: fine only when their result is unused. */
const RETURNS_BUFFER = new Set(['fill', 'randomFillSync']);
/** Functions known to use a buffer argument synchronously and keep no reference to it. */
const SYNC_CONSUMERS = new Set(['compare', 'copy', 'encodeInto', 'equals', 'randomFillSync', 'readSync', 'writeSync']);

/** `DataView` or a typed array constructor: `new X(buffer)` makes a view on the same memory. */
function isViewConstructor(callee: TSESTree.Node): boolean {
  return callee.type === AST_NODE_TYPES.Identifier && (callee.name === 'DataView' || TYPED_ARRAYS.has(callee.name));
}

export default createRule<Options, MessageIds>({
  name: 'no-buffer-alloc-in-hot-path',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow allocating a fixed-size buffer on every request or iteration',
      recommended: 'recommended',
      requiresTypeChecking: false,
      strictOptions: { ...STRICT_FREQUENCY_OPTIONS },
    },
    hasSuggestions: true,
    messages: {
      allocInHotPath:
        '`{{text}}` allocates {{what}} {{hot}}: reuse one scratch buffer instead.',
      suggestScratch:
        'Reuse a module-level `{{name}}` ({{how}}); only while the buffer is never kept beyond the call.',
    },
    schema: [{ type: 'object', additionalProperties: false, properties: { ...FREQUENCY_SCHEMA } }],
    defaultOptions: [{ ...DEFAULT_FREQUENCY_OPTIONS }],
  },
  create(context, [options]) {
    const { sourceCode } = context;
    const loops = getLoopAnalysis(sourceCode);
    const model = getHotPathModel(context, loops);
    const frequency = getFrequencyModel(context);
    const frequencyOptions = { ...DEFAULT_FREQUENCY_OPTIONS, ...options };

    /** What is allocated, how many bytes per element, and how to clear a reused one. */
    function describe(node: Allocation): { bytesPerElement: number; clear: 'fill' | 'fill0n' | 'none' | null; size: TSESTree.Node | undefined } | null {
      const { callee } = node;
      if (node.type === AST_NODE_TYPES.CallExpression && isGlobalMember(sourceCode, callee, 'Buffer', BUFFER_FACTORIES)) {
        const method = getStaticPropertyName(callee);
        // `Buffer.alloc(n, fill)` fills with something else than zeros: reuse would need that fill.
        if (method === 'alloc' && node.arguments.length > 1) return { bytesPerElement: 1, clear: null, size: node.arguments[0] };
        return { bytesPerElement: 1, clear: method === 'alloc' ? 'fill' : 'none', size: node.arguments[0] };
      }
      if (node.type === AST_NODE_TYPES.NewExpression && isGlobalReference(sourceCode, callee)) {
        if (TYPED_ARRAYS.has(callee.name)) {
          const bytes = /(\d+)/u.exec(callee.name)?.[1];
          return { bytesPerElement: bytes ? Number(bytes) / 8 : 1, clear: callee.name.startsWith('Big') ? 'fill0n' : 'fill', size: node.arguments[0] };
        }
        // `new ArrayBuffer(n)`, also inside `new DataView(new ArrayBuffer(n))`: reported, no suggestion.
        if (callee.name === 'ArrayBuffer') return { bytesPerElement: 1, clear: null, size: node.arguments[0] };
      }
      return null;
    }

    /** A size that stays the same across the loop (declared before it and not assigned in it). */
    function isLoopInvariant(node: TSESTree.Node): boolean {
      const loop = loops.enclosingLoops(node)[0];
      return node.type === AST_NODE_TYPES.Identifier && loop !== undefined && isInvariantIn(sourceCode, node, loop.node);
    }

    /** How the buffer is used at one reference: in place (length, index, in-place methods, a view used at once, a synchronous consumer) or not. */
    function classifyBufferUse({ identifier: id }: TSESLint.Scope.Reference): UseVerdict {
      const parent = id.parent;
      if (parent.type === AST_NODE_TYPES.MemberExpression && parent.object === id) {
        const name = getStaticPropertyName(parent);
        const call = parent.parent.type === AST_NODE_TYPES.CallExpression && parent.parent.callee === parent ? parent.parent : null;
        if (name === 'length' && !call) return 'contained';
        if (name === null && parent.computed && !call) return 'contained'; // buf[i]
        if (call && name !== null && IN_PLACE_METHODS.test(name)) return 'contained';
        if (call && name !== null && RETURNS_BUFFER.has(name) && call.parent.type === AST_NODE_TYPES.ExpressionStatement) return 'contained';
        return 'used'; // a view kept (`subarray`, `.buffer`), or a method that may keep it
      }
      // `new DataView(buf).setUint8(…)`: a view used in place at once.
      if (
        parent.type === AST_NODE_TYPES.NewExpression &&
        isViewConstructor(parent.callee) &&
        parent.parent.type === AST_NODE_TYPES.MemberExpression &&
        parent.parent.object === parent
      ) {
        return 'contained';
      }
      if (parent.type === AST_NODE_TYPES.CallExpression && parent.callee !== id) {
        const name = calleeName(parent);
        if (name === null || !SYNC_CONSUMERS.has(name)) return 'argument';
        if (RETURNS_BUFFER.has(name) && parent.parent.type !== AST_NODE_TYPES.ExpressionStatement) return 'argument';
        return 'contained';
      }
      return undefined;
    }

    /**
     * The buffer dies with the call, so one scratch buffer could replace it: bound by
     * `const buf = <allocation>` (or `new DataView(<allocation>)`) and only used in place — no escape
     * (returned, thrown, stored, captured, passed to anything but a known synchronous consumer), no
     * view kept (`subarray`, `.buffer`), and no `await`/`yield`/`for await` while it is in use. A
     * buffer that is kept, or lives across a suspension, is not reported: there is nothing to reuse.
     */
    function diesWithinCall(allocation: Allocation): boolean {
      const parentNew = allocation.parent;
      const node =
        parentNew?.type === AST_NODE_TYPES.NewExpression && parentNew.arguments[0] === allocation && isViewConstructor(parentNew.callee)
          ? parentNew
          : allocation;
      const declarator = node.parent;
      if (declarator?.type !== AST_NODE_TYPES.VariableDeclarator || declarator.init !== node || declarator.id.type !== AST_NODE_TYPES.Identifier) {
        return false;
      }
      if (declarator.parent.kind !== 'const') return false;
      const variable = sourceCode.getDeclaredVariables(declarator)[0];
      const fn = nearestFunction(node);
      if (!variable || !fn) return false;
      if (findEscape(variable, { classify: classifyBufferUse })) return false;
      const lastUse = Math.max(declarator.range[1], ...variable.references.filter((r) => !r.init).map((r) => r.identifier.range[1]));
      const suspends = findNode(
        fn.body,
        (n) =>
          (n.type === AST_NODE_TYPES.AwaitExpression ||
            n.type === AST_NODE_TYPES.YieldExpression ||
            (n.type === AST_NODE_TYPES.ForOfStatement && n.await)) &&
          n.range[1] > declarator.range[1] &&
          n.range[0] < lastUse,
        isFunction,
      );
      return suspends === null;
    }

    /** A recursive call would use the same scratch buffer while this call still holds it. */
    function isRecursive(node: TSESTree.Node): boolean {
      const fn = nearestFunction(node);
      const name = fn ? functionName(fn) : null;
      return (
        fn !== null &&
        name !== null &&
        findNode(fn.body, (n) => n.type === AST_NODE_TYPES.CallExpression && n.callee.type === AST_NODE_TYPES.Identifier && n.callee.name === name) !== null
      );
    }

    function check(node: Allocation): void {
      const what = describe(node);
      if (!what) return;
      const sizeNode = what.size;
      if (!sizeNode || sizeNode.type === AST_NODE_TYPES.SpreadElement) return;
      const size = constantNumber(sourceCode, sizeNode);
      // Only fixed sizes (or sizes that do not change across the loop) can be reused.
      if (size === null && !isLoopInvariant(sizeNode)) return;
      if (size !== null && (!Number.isInteger(size) || size <= 0)) return;
      if (!model.hotness(node) || !diesWithinCall(node)) return;
      // Hot, and repeating there: not on an error path, in a small loop, in once-code or an awaiting iteration.
      const verdict = decide(frequency, node, frequencyOptions, { hot: true, kind: 'constant' });
      if (!verdict.report) return;
      const hot = whereItRepeats(verdict);
      let decision = noFix('the size is not a constant, the allocation is not bound to a name, or the function is recursive');
      let how = '';
      let name = '';
      if (size !== null && what.clear !== null && node.parent?.type === AST_NODE_TYPES.VariableDeclarator && !isRecursive(node)) {
        const anchor = topLevelStatement(node);
        const declarator = node.parent as TSESTree.VariableDeclarator;
        const local = (declarator.id as TSESTree.Identifier).name;
        const scratch = getFreeName(sourceCode, sourceCode.ast, sourceCode.ast, [`SCRATCH_${constantCase(local)}`]);
        // The size is written as the number it evaluates to: a constant it names may not be in
        // scope (or initialised) at module level.
        const constructor = sourceCode.getText(node.callee);
        const text = node.type === AST_NODE_TYPES.NewExpression ? `new ${constructor}(${size})` : `${constructor}(${size})`;
        const clear = what.clear;
        name = scratch;
        how = clear === 'none' ? 'not cleared: `allocUnsafe` contents were arbitrary anyway' : 'cleared with `fill(0)` on each use, as the allocation did';
        // Never a fix: nothing here proves the buffer is not kept beyond the call by code it reaches.
        decision = suggest(
          (fixer) => [
            insertBeforeWithComments(fixer, sourceCode, anchor, `const ${scratch} = ${text};\n\n`),
            fixer.replaceText(node, clear === 'fill' ? `${scratch}.fill(0)` : clear === 'fill0n' ? `${scratch}.fill(0n)` : scratch),
            claimStatementList(fixer, anchor),
          ],
          'only while the buffer is never kept beyond the call',
        );
      }
      const offer = fixOrSuggest(decision, { data: { how, name }, messageId: 'suggestScratch' });
      context.report({
        data: {
          hot,
          what: size === null ? 'a new buffer of the same size' : `a new ${size * what.bytesPerElement}-byte buffer`,
          text: shorten(sourceCode.getText(node)),
        },
        messageId: 'allocInHotPath',
        node,
        suggest: offer.suggest,
      });
    }

    return {
      'CallExpression[callee.object.name="Buffer"]': check,
      'NewExpression[callee.type="Identifier"]': check,
    };
  },
});




