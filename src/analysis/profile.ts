/**
 * Profile-guided hot paths, per linted file: which functions of this file a V8 profile
 * (`settings.alloc.profile`) measured, and the figure a report in them carries. One instance per
 * file, shared by every rule; built from the profile's entries for this file, with one walk of the
 * AST only when some of them are no longer where the profile says.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import path from 'node:path';

import { type LoadedProfile, type ProfiledFunction, loadProfile, readProfileSettings, warnOnce } from '../profile/load.js';
import type { SourceLocation } from '../profile/locate.js';
import { formatBytes, formatMicroseconds, formatShare } from '../util/text.js';
import { forEachChild, functionName } from './ast.js';
import { type FunctionNode, isFunction, nearestFunction } from './loops.js';

export class FileProfile {
  readonly #byFunction = new Map<FunctionNode, ProfiledFunction[]>();
  readonly #notes = new Map<FunctionNode, string>();

  constructor(sourceCode: Readonly<TSESLint.SourceCode>, filename: string, cwd: string, profiles: readonly LoadedProfile[]) {
    let byName: Map<string, FunctionNode[]> | undefined;
    for (const profile of profiles) {
      const matched: { fn: FunctionNode; entry: ProfiledFunction }[] = [];
      const unmatched: ProfiledFunction[] = [];
      for (const entry of profile.byFile.get(filename) ?? []) {
        let fn = functionAt(sourceCode, entry.location, entry);
        if (fn === 'skip') continue;
        // Not where the profile says: the file changed since (an edit, or `--fix` passes moving
        // code). A name that one function in the file has still identifies it.
        if (fn === null && entry.name !== '') {
          byName ??= functionsByName(sourceCode.ast);
          const candidates = byName.get(lastSegment(entry.name)) ?? [];
          if (candidates.length === 1) fn = candidates[0]!;
        }
        if (fn === null) unmatched.push(entry);
        else matched.push({ entry, fn });
      }
      // An anonymous function (a callback) that moved goes with the nearest function above it that
      // was found: usually the function it sits in, moved by the same lines.
      const stale: ProfiledFunction[] = [];
      for (const entry of unmatched) {
        const anchor = matched.filter((m) => m.entry.location.line <= entry.location.line).sort((a, b) => b.entry.location.line - a.entry.location.line)[0];
        const shift = anchor ? anchor.fn.loc.start.line - anchor.entry.location.line : 0;
        const fn = entry.name === '' && shift !== 0 ? functionAt(sourceCode, { ...entry.location, line: entry.location.line + shift }, entry) : null;
        if (fn === null || fn === 'skip') stale.push(entry);
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
        warnOnce(
          `settings.alloc.profile: ${stale.length} function(s) that ${profile.label} places in ${path.relative(cwd, filename) || filename} are not there (e.g. \`${first.name || '(anonymous)'}\` at line ${first.location.line}) — the file changed after the profile was recorded, or its source map is stale. Record the profile again; until then they are not marked hot.`,
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
      note = entries.length === 0 ? '' : ` Profile: ${displayName(fn, entries[0]!)} ${entries.map(figure).join('; ')}.`;
      this.#notes.set(fn, note);
    }
    return note;
  }
}

function combine(a: ProfiledFunction, b: ProfiledFunction): ProfiledFunction {
  return { ...a, cumulative: a.cumulative + b.cumulative, hot: a.hot || b.hot, self: a.self + b.self, share: a.share + b.share };
}

/** "allocates 312 MiB (41.2%) in alloc.heapprofile" / "spends 1.20 s (30.1%) of CPU time in app.cpuprofile". */
export function figure(entry: ProfiledFunction): string {
  const { kind, label } = entry.profile;
  return kind === 'heap'
    ? `allocates ${formatBytes(entry.self)} (${formatShare(entry.share)}) in ${label}`
    : `spends ${formatMicroseconds(entry.self)} (${formatShare(entry.share)}) of CPU time in ${label}`;
}

/** `` `render` ``, or `the anonymous function at line 12`. */
function displayName(fn: FunctionNode, entry: ProfiledFunction): string {
  const name = functionName(fn) ?? entry.name;
  return name ? `\`${name}\`` : `the anonymous function at line ${fn.loc.start.line}`;
}

/**
 * The function a profile entry names. V8 records a function at its parameter list; through a
 * source map that lands somewhere from the function's head (name, `async`, method key) to the start
 * of its body. `'skip'` for code that is no function here: a script's top level, class field
 * initializers and implicit constructors (V8 places them at the class). `null` when no function is
 * there any more, or the one there has another name (a stale profile or map).
 */
function functionAt(sourceCode: Readonly<TSESLint.SourceCode>, location: SourceLocation, entry: ProfiledFunction): FunctionNode | 'skip' | null {
  const { line, column } = location;
  const lines = sourceCode.lines;
  if (line < 1 || line > lines.length || column > lines[line - 1]!.length) return null;
  const index = sourceCode.getIndexFromLoc({ column, line });
  let node: TSESTree.Node | null = sourceCode.getNodeByRangeIndex(index);
  let inClass = false;
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
    if (
      node.type === AST_NODE_TYPES.ClassDeclaration ||
      node.type === AST_NODE_TYPES.ClassExpression ||
      // `export class Row`: V8 may place the class where the export starts.
      ((node.type === AST_NODE_TYPES.ExportNamedDeclaration || node.type === AST_NODE_TYPES.ExportDefaultDeclaration) && node.declaration?.type === AST_NODE_TYPES.ClassDeclaration)
    ) {
      inClass = true;
    }
  }
  if (!node || !isFunction(node)) {
    // V8's synthetic functions are named `<instance_members_initializer>` and the like.
    return entry.name === '' || entry.name.startsWith('<') || inClass ? 'skip' : null;
  }
  // Names tell a stale position apart only where the profile's name is the source's: not through a
  // source map (minifiers rename functions, downlevel output names accessors `get` and `set`).
  const recorded = entry.location.mapped ? '' : entry.name;
  return recorded === '' || namesAgree(recorded, node) ? node : null;
}

/** V8's `Class.method`, `get x`, `exports.run` or a class's name for its constructor, against the source's function. */
function namesAgree(recorded: string, fn: FunctionNode): boolean {
  const known = functionName(fn);
  if (known === null || recorded === known || lastSegment(recorded) === known) return true;
  const parent = fn.parent;
  if (parent?.type === AST_NODE_TYPES.MethodDefinition && parent.kind === 'constructor') {
    const className = parent.parent.parent.id?.name;
    return className === undefined || recorded === className;
  }
  return false;
}

/** `Class.method` → `method`, `get size` → `size`; a quoted key like `'GET /users'` stays whole when it is the name. */
function lastSegment(name: string): string {
  return name.split(/[. ]/u).pop() ?? name;
}

/** Named functions of the file, by name: the fallback when positions moved. One walk, only when needed. */
function functionsByName(program: TSESTree.Program): Map<string, FunctionNode[]> {
  const byName = new Map<string, FunctionNode[]>();
  const stack: TSESTree.Node[] = [program];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (isFunction(node)) {
      const name = functionName(node);
      if (name !== null) {
        const list = byName.get(name);
        if (list) list.push(node);
        else byName.set(name, [node]);
      }
    }
    forEachChild(node, (child) => stack.push(child));
  }
  return byName;
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
    const settings = readProfileSettings(context.settings, context.cwd);
    const profiles = settings?.paths.map((file) => loadProfile(file, settings.threshold, context.cwd)).filter((p): p is LoadedProfile => p !== null) ?? [];
    // ESLint's filename may be relative to `cwd` (RuleTester's is).
    profile = profiles.length === 0 ? null : new FileProfile(context.sourceCode, path.resolve(context.cwd, context.filename), context.cwd, profiles);
    fileProfiles.set(program, profile);
  }
  return profile;
}
