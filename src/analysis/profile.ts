/**
 * Profile-guided hot paths, per linted file: which functions of this file a V8 profile
 * (`settings.alloc.profile`) measured, and the figure a report in them carries. One instance per
 * file, shared by every rule; built from the profile's entries for this file, with one walk of the
 * AST only when some of them are no longer where the profile says.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../util/deps.js';
import path from 'node:path';

import { createRequire } from 'node:module';

import type * as ProfileCode from '../profile/index.js';
import type { Figure, LoadedProfile, ProfiledFunction } from '../profile/index.js';
import type { SourceLocation } from '../profile/locate.js';
import { type FunctionNode, forEachChild, functionName, isFunction, nearestFunction } from '../ast/index.js';

/** Where tests/setup.ts hands over the profile reader vitest loaded from the TypeScript sources. */
const PROFILE_CODE = Symbol.for('eslint-plugin-alloc/profile-code');
let profileCode: typeof ProfileCode | undefined;

/**
 * The profile reader (src/profile/), loaded on first use: only lints that set
 * `settings.alloc.profile` pay for reading profiles and source maps. `require` of this ES module
 * works on every Node version the plugin supports; the tests run the TypeScript sources, which
 * `require` cannot load, so they pass the module in (tests/setup.ts).
 */
function profileReader(): typeof ProfileCode {
  profileCode ??=
    ((globalThis as Record<symbol, unknown>)[PROFILE_CODE] as typeof ProfileCode | undefined) ??
    (createRequire(import.meta.url)('../profile/index.js') as typeof ProfileCode);
  return profileCode;
}

export class FileProfile {
  readonly #byFunction = new Map<FunctionNode, ProfiledFunction[]>();
  readonly #notes = new Map<FunctionNode, string>();

  constructor(sourceCode: Readonly<TSESLint.SourceCode>, filename: string, profiles: readonly LoadedProfile[]) {
    let index: FunctionIndex | undefined;
    const functions = (): FunctionIndex => (index ??= indexFunctions(sourceCode.ast));
    for (const profile of profiles) {
      const matched: { fn: FunctionNode; entry: ProfiledFunction }[] = [];
      const unmatched: ProfiledFunction[] = [];
      for (const entry of profile.byFile.get(filename) ?? []) {
        // V8's synthetic functions (`<instance_members_initializer>`: class fields) are no function here.
        if (entry.name.startsWith('<')) continue;
        let fn = functionAt(sourceCode, entry.location, entry, functions);
        // Not where the profile says: the file changed since (an edit, or `--fix` passes moving
        // code). A name that one function in the file has still identifies it.
        if (fn === null && entry.name !== '') {
          const { byName, implicitConstructors } = functions();
          const candidates = byName.get(entry.name) ?? byName.get(lastSegment(entry.name)) ?? [];
          if (candidates.length === 1) fn = candidates[0]!;
          // A class without a constructor of its own: V8's implicit one, at the class.
          else if (candidates.length === 0 && implicitConstructors.has(entry.name)) continue;
        }
        if (fn === null) unmatched.push(entry);
        else matched.push({ entry, fn });
      }
      // An anonymous function (a callback) that moved: taken only when the functions found above and
      // below it moved by the same lines, and an anonymous function starts there. Otherwise stale.
      const stale: ProfiledFunction[] = [];
      for (const entry of unmatched) {
        const fn = entry.name === '' ? shifted(sourceCode, entry, matched, functions) : null;
        if (fn === null) stale.push(entry);
        else matched.push({ entry, fn });
      }
      for (const { entry, fn } of matched) {
        const list = this.#byFunction.get(fn);
        const same = list?.findIndex((other) => other.profile === profile) ?? -1;
        if (!list) this.#byFunction.set(fn, [entry]);
        else if (same === -1) list.push(entry);
        // Two scripts of one profile map to this function (two builds of it): one figure, their sum.
        else list[same] = combine(list[same]!, entry);
      }
      if (stale.length > 0) {
        const first = stale[0]!;
        profileReader().warnOnce(
          `settings.alloc.profile: ${stale.length} function(s) that ${profile.label} places in ${filename} are not there (e.g. \`${first.name || '(anonymous)'}\` at line ${first.location.line}) — the file changed after the profile was recorded, or its source map is stale. Record the profile again; until then they are not marked hot.`,
        );
      }
    }
  }

  /** The hot profile entries for `fn` (empty when the profile does not mark it hot). */
  hotEntries(fn: FunctionNode): ProfiledFunction[] {
    return this.#byFunction.get(fn)?.filter((entry) => entry.hot) ?? [];
  }

  /**
   * `" Profile: `render` allocates 312 MiB (41.2%) in alloc.heapprofile."` for code whose function
   * the profile measured (hot or not), else `''`. Only the innermost function counts: a callback is
   * a function of its own in the profile, and one the profile did not see is not its parent's cost.
   */
  noteFor(node: TSESTree.Node): string {
    const fn = isFunction(node) ? node : nearestFunction(node);
    if (!fn) return '';
    let note = this.#notes.get(fn);
    if (note === undefined) {
      const entries = this.#byFunction.get(fn)?.filter((entry) => entry.self > 0) ?? [];
      note = entries.length === 0 ? '' : profileReader().profileNote(displayName(fn, entries[0]!), entries.map(asFigure));
      this.#notes.set(fn, note);
    }
    return note;
  }
}

function combine(a: ProfiledFunction, b: ProfiledFunction): ProfiledFunction {
  return { ...a, cumulative: a.cumulative + b.cumulative, hot: a.hot || b.hot, self: a.self + b.self, share: a.share + b.share };
}

function asFigure(entry: ProfiledFunction): Figure {
  return { kind: entry.profile.kind, label: entry.profile.label, self: entry.self, share: entry.share };
}


/** `` `render` ``, `` `Encoder.constructor` ``, or `the anonymous function at line 12`. */
function displayName(fn: FunctionNode, entry: ProfiledFunction): string {
  const name = qualifiedName(fn) ?? entry.name;
  return name ? `\`${name}\`` : `the anonymous function at line ${fn.loc.start.line}`;
}

/** The function's name, with a constructor named after its class (`Encoder.constructor`). */
export function qualifiedName(fn: FunctionNode): string | null {
  const className = constructorOf(fn);
  return className === null ? functionName(fn) : `${className}.constructor`;
}

interface FunctionIndex {
  /** Named functions by name; constructors also under their class's name (V8 names them so). */
  byName: Map<string, FunctionNode[]>;
  /** Names of classes without a constructor of their own. */
  implicitConstructors: Set<string>;
}

/**
 * The function a profile entry names. V8 records a function at its parameter list; through a
 * source map that lands somewhere from the function's head (name, `async`, method key) to the start
 * of its body. `null` when no function starts there any more, or the one there has another name.
 */
function functionAt(
  sourceCode: Readonly<TSESLint.SourceCode>,
  location: SourceLocation,
  entry: ProfiledFunction,
  functions: () => FunctionIndex,
): FunctionNode | null {
  const { line, column } = location;
  const lines = sourceCode.lines;
  if (line < 1 || line > lines.length || column > lines[line - 1]!.length) return null;
  const index = sourceCode.getIndexFromLoc({ column, line });
  let node: TSESTree.Node | null = sourceCode.getNodeByRangeIndex(index);
  // At a function's very start the deepest node may be its name, or the method key beside it.
  for (; node; node = node.parent ?? null) {
    if (isFunction(node) && headStart(node) <= index && index <= node.body.range[0]) break;
    const value = (node.type === AST_NODE_TYPES.MethodDefinition || node.type === AST_NODE_TYPES.Property || node.type === AST_NODE_TYPES.PropertyDefinition) ? node.value : null;
    if (value && isFunction(value) && index <= value.body.range[0]) {
      node = value;
      break;
    }
    if (node.type === AST_NODE_TYPES.VariableDeclarator && node.init && isFunction(node.init) && index <= node.init.body.range[0]) {
      node = node.init;
      break;
    }
  }
  if (!node || !isFunction(node)) return null;
  // V8 leaves only anonymous functions unnamed; through a source map, though, compiled helpers
  // (a downlevel `async` function's generator) map into the named function they came from.
  if (entry.name === '') return location.mapped || functionName(node) === null ? node : null;
  if (namesAgree(entry.name, node)) return node;
  // The names differ. Without a source map that means the position is stale. Through one, it does
  // only if the recorded name is one of this file's (tsc keeps names); a minifier's `h` or
  // downlevel output's `get` is no name here, and the position is all there is.
  if (!location.mapped) return null;
  const { byName, implicitConstructors } = functions();
  const isSourceName = byName.has(entry.name) || byName.has(lastSegment(entry.name)) || implicitConstructors.has(entry.name);
  return isSourceName ? null : node;
}

/** A moved anonymous function: the shift of the found functions around it, if they agree on one. */
function shifted(
  sourceCode: Readonly<TSESLint.SourceCode>,
  entry: ProfiledFunction,
  matched: readonly { fn: FunctionNode; entry: ProfiledFunction }[],
  functions: () => FunctionIndex,
): FunctionNode | null {
  const line = entry.location.line;
  const shiftOf = (m: { fn: FunctionNode; entry: ProfiledFunction }): number => m.fn.loc.start.line - m.entry.location.line;
  let above: (typeof matched)[number] | undefined;
  let below: (typeof matched)[number] | undefined;
  for (const m of matched) {
    const at = m.entry.location.line;
    if (at <= line && (!above || at > above.entry.location.line)) above = m;
    if (at > line && (!below || at < below.entry.location.line)) below = m;
  }
  const shifts = [above, below].filter((m) => m !== undefined).map(shiftOf);
  if (shifts.length === 0 || shifts.some((s) => s !== shifts[0]) || shifts[0] === 0) return null;
  const fn = functionAt(sourceCode, { ...entry.location, line: line + shifts[0]! }, entry, functions);
  return fn && functionName(fn) === null ? fn : null;
}

/** V8's `Class.method`, `get x`, `exports.run` or a class's name for its constructor, against the source's function. */
function namesAgree(recorded: string, fn: FunctionNode): boolean {
  const known = functionName(fn);
  if (known === null || recorded === known || lastSegment(recorded) === known) return true;
  const className = constructorOf(fn);
  return className !== null && recorded === className;
}

/** The class name of a constructor, or `null` for any other function. */
function constructorOf(fn: FunctionNode): string | null {
  const parent = fn.parent;
  if (parent?.type !== AST_NODE_TYPES.MethodDefinition || parent.kind !== 'constructor') return null;
  return parent.parent.parent.id?.name ?? null;
}

/** `Class.method` → `method`, `get size` → `size`. */
function lastSegment(name: string): string {
  return name.split(/[. ]/u).pop() ?? name;
}

/** One walk of the file, only when a profile entry is not where it says. */
function indexFunctions(program: TSESTree.Program): FunctionIndex {
  const byName = new Map<string, FunctionNode[]>();
  const implicitConstructors = new Set<string>();
  const add = (name: string, fn: FunctionNode): void => {
    const list = byName.get(name);
    if (list) list.push(fn);
    else byName.set(name, [fn]);
  };
  const stack: TSESTree.Node[] = [program];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (isFunction(node)) {
      const name = functionName(node);
      if (name !== null) add(name, node);
      const className = constructorOf(node);
      if (className !== null) add(className, node);
    }
    if ((node.type === AST_NODE_TYPES.ClassDeclaration || node.type === AST_NODE_TYPES.ClassExpression) && node.id) {
      const hasConstructor = node.body.body.some((member) => member.type === AST_NODE_TYPES.MethodDefinition && member.kind === 'constructor');
      if (!hasConstructor) implicitConstructors.add(node.id.name);
    }
    forEachChild(node, (child) => stack.push(child));
  }
  return { byName, implicitConstructors };
}

function headStart(fn: FunctionNode): number {
  const parent = fn.parent;
  if (parent?.type === AST_NODE_TYPES.MethodDefinition || (parent?.type === AST_NODE_TYPES.Property && parent.value === fn)) return parent.range[0];
  return fn.range[0];
}

const fileProfiles = new WeakMap<TSESTree.Program, FileProfile | null>();

/** This file's profile figures, or `null` without `settings.alloc.profile` (or when no profile loads). */
export function getFileProfile(context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>): FileProfile | null {
  const program = context.sourceCode.ast;
  let profile = fileProfiles.get(program);
  if (profile === undefined) {
    // Without the setting, nothing of the profile reader is loaded.
    const configured = (context.settings.alloc as { profile?: unknown } | undefined)?.profile !== undefined;
    const reader = configured ? profileReader() : null;
    const settings = reader?.readProfileSettings(context.settings, context.cwd);
    const profiles = settings?.paths.map((file) => reader!.loadProfile(file, settings.threshold, context.cwd, settings.maxBytes)).filter((p): p is LoadedProfile => p !== null) ?? [];
    // ESLint's filename may be relative to `cwd` (RuleTester's is).
    profile = profiles.length === 0 ? null : new FileProfile(context.sourceCode, path.resolve(context.cwd, context.filename), profiles);
    fileProfiles.set(program, profile);
  }
  return profile;
}
