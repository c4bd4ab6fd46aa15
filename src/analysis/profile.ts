/**
 * Profile-guided hot paths, per linted file: which functions of this file a V8 profile
 * (`settings.alloc.profile`) measured, and the figure a report in them carries. One instance per
 * file, shared by every rule; built only from the profile's entries for this file (no AST walk).
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import path from 'node:path';

import { type LoadedProfile, type ProfiledFunction, loadProfile, readProfileSettings, warnOnce } from '../profile/load.js';
import { formatBytes, formatMicroseconds, formatShare } from '../util/text.js';
import { functionName } from './ast.js';
import { type FunctionNode, isFunction, nearestFunction } from './loops.js';

export class FileProfile {
  readonly #byFunction = new Map<FunctionNode, ProfiledFunction[]>();
  readonly #notes = new Map<FunctionNode, string>();

  constructor(sourceCode: Readonly<TSESLint.SourceCode>, filename: string, cwd: string, profiles: readonly LoadedProfile[]) {
    for (const profile of profiles) {
      const stale: ProfiledFunction[] = [];
      for (const entry of profile.byFile.get(filename) ?? []) {
        const fn = functionAt(sourceCode, entry);
        if (fn === 'module') continue;
        if (fn === null) {
          stale.push(entry);
          continue;
        }
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

  /** `" Profile: `render` allocates 312 MiB (41.2%) in alloc.heapprofile."` for code in a hot function, else `''`. */
  noteFor(node: TSESTree.Node): string {
    for (let fn = isFunction(node) ? node : nearestFunction(node); fn; fn = nearestFunction(fn)) {
      let note = this.#notes.get(fn);
      if (note === undefined) {
        const entries = this.hotEntries(fn);
        note = entries.length === 0 ? '' : ` Profile: ${displayName(fn, entries[0]!)} ${entries.map(figure).join('; ')}.`;
        this.#notes.set(fn, note);
      }
      if (note !== '') return note;
    }
    return '';
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
 * of its body. `'module'` for a script's top level; `null` when no function is there any more, or
 * the one there has another name (a stale profile or map).
 */
function functionAt(sourceCode: Readonly<TSESLint.SourceCode>, entry: ProfiledFunction): FunctionNode | 'module' | null {
  const { line, column } = entry.location;
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
  // Anonymous code outside any function is a script's top level.
  if (!node || !isFunction(node)) return entry.name === '' ? 'module' : null;
  const known = functionName(node);
  const recorded = entry.name.split(/[. ]/u).pop() ?? '';
  if (known !== null && recorded !== '' && recorded !== known) return null;
  return node;
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
