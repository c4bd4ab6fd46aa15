/**
 * Reading V8 profiles: a sampling heap profile (`.heapprofile`, from `alloc-profile record`, Chrome
 * DevTools "Allocation sampling" or `node --heap-prof`) or a CPU profile (`.cpuprofile`, from
 * `node --cpu-prof` or DevTools), aggregated per function like `pprof top`: self and cumulative cost.
 */
export type ProfileKind = 'cpu' | 'heap';

export interface CallFrame {
  columnNumber: number;
  functionName: string;
  lineNumber: number;
  url: string;
  /** Added by `alloc-profile record` when the recorded process had a source map for the script (tsx, `--enable-source-maps`). */
  originalColumnNumber?: number;
  originalLineNumber?: number;
  originalUrl?: string;
}

export interface ProfileFunction {
  /** The frame as V8 recorded it (0-based line and column of the function's parameter list). */
  frame: CallFrame;
  /** Bytes (heap) or microseconds (CPU) spent in the function itself and in the built-ins it called. */
  self: number;
  /** Bytes or microseconds spent in the function and everything it called (each sample counted once). */
  cumulative: number;
}

export interface Profile {
  kind: ProfileKind;
  /** All sampled bytes or microseconds (CPU: without idle time). */
  total: number;
  /** Functions of the program's code, heaviest `self` first (built-ins and Node.js internals are charged to their callers). */
  functions: ProfileFunction[];
}

/** A profile that cannot be read; `message` says why in one sentence. */
export class ProfileError extends Error {
  override name = 'ProfileError';
}

interface HeapNode {
  callFrame: CallFrame;
  children: HeapNode[];
  id: number;
  selfSize: number;
}

interface CpuNode {
  callFrame: CallFrame;
  children?: number[];
  parent?: number;
  hitCount?: number;
  id: number;
}

/** Parse profile text; throws `ProfileError` for text that is not a complete V8 heap or CPU profile. */
export function parseProfile(text: string): Profile {
  let json: unknown;
  try {
    json = JSON.parse(text.startsWith(BOM) ? text.slice(1) : text);
  } catch (error) {
    throw new ProfileError(jsonProblem(text, error as Error));
  }
  return profileFromJson(json);
}

const BOM = '\uFEFF';

/**
 * Why `text` is no JSON, as a clause: empty, not JSON at all (a profile is a JSON object, so text
 * that starts with anything but `{` or `[` and does not parse is no JSON file), cut off (every
 * bracket it opens is still open at the end: the rest was never written), or broken somewhere.
 */
function jsonProblem(text: string, error: Error): string {
  const start = text.search(/[^\s\uFEFF]/u);
  if (start === -1) return text === '' ? 'it is empty' : 'it holds only whitespace';
  if (text[start] !== '{' && text[start] !== '[') return notJson(text.slice(start));
  if (isCutOff(text, start)) {
    return `it is truncated (its JSON stops after ${Buffer.byteLength(text)} bytes with brackets still open), as if writing it was interrupted`;
  }
  return `it is not valid JSON (${error.message})`;
}

/** `it is not JSON (it starts with "hello world")`: for text whose first non-blank characters are `start`. */
export function notJson(start: string): string {
  const firstLine = start.split(/\r?\n/u, 1)[0]!;
  const quoted = firstLine.length > 40 ? `${JSON.stringify(firstLine.slice(0, 40))}…` : JSON.stringify(firstLine);
  return `it is not JSON (it starts with ${quoted})`;
}

/** Every `{` and `[` outside strings is matched until the text ends with one still open (or inside a string). */
function isCutOff(text: string, start: number): boolean {
  const open: number[] = [];
  let inString = false;
  for (let index = start; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (inString) {
      if (code === 0x5c) index++; // a backslash escapes the next character
      else if (code === 0x22) inString = false;
    } else if (code === 0x22) {
      inString = true;
    } else if (code === 0x7b || code === 0x5b) {
      open.push(code);
    } else if (code === 0x7d || code === 0x5d) {
      // `}` closes `{` (0x7b), `]` closes `[` (0x5b).
      if (open.pop() !== code - 2) return false;
      if (open.length === 0) return false;
    }
  }
  return inString || open.length > 0;
}

/** A profile from parsed JSON (`parseProfile` without the text). */
export function profileFromJson(json: unknown): Profile {
  if (isObject(json) && isObject(json.head) && Array.isArray(json.samples)) return readHeapProfile(json.head as unknown as HeapNode);
  if (isObject(json) && Array.isArray(json.nodes) && Array.isArray(json.samples)) return readCpuProfile(json as unknown as CpuJson);
  throw new ProfileError(
    'it is JSON but neither a V8 heap profile (`{ head, samples }`, a .heapprofile) nor a CPU profile (`{ nodes, samples, timeDeltas }`, a .cpuprofile)',
  );
}

/** A script's top-level code: V8 names it `''` at line 0, column 0. */
export function isTopLevel(frame: CallFrame): boolean {
  return frame.functionName === '' && frame.lineNumber === 0 && frame.columnNumber === 0;
}

/**
 * Frames of the program's own code (and its dependencies'): not `(root)`, `(program)` or
 * `(garbage collector)`, not a V8 built-in such as `push` or `JSON.stringify`, and not Node.js's
 * own modules (`node:buffer` for `Buffer.alloc`, `node:path`, …).
 */
function isProgramCode(frame: CallFrame): boolean {
  return frame.url !== '' && frame.lineNumber >= 0 && !frame.url.startsWith('node:');
}

const frameKey = (frame: CallFrame): string => `${frame.url}\0${frame.lineNumber}\0${frame.columnNumber}\0${frame.functionName}`;

/**
 * Aggregates a call tree: `weightOf(node)` is the node's own cost. The cost of V8 built-ins and
 * Node.js's modules is charged to their nearest caller in the program's code, because that is the
 * code a lint finding can change: `Buffer.alloc(64)` allocates in `node:buffer`, on behalf of the
 * function that called it. Cost with no such caller (module loading, the event loop) stays unattributed.
 */
function aggregate<N>(
  root: N,
  frameOf: (node: N) => CallFrame,
  weightOf: (node: N) => number,
  childrenOf: (node: N) => N[],
): { functions: ProfileFunction[]; total: number } {
  const byKey = new Map<string, ProfileFunction>();
  const onStack = new Map<ProfileFunction, number>();
  let total = 0;
  // Iterative post-order walk: deep recursive programs produce call trees deeper than the JS stack.
  interface Frame {
    node: N;
    fn: ProfileFunction | null;
    owner: ProfileFunction | null;
    childIndex: number;
    subtotal: number;
  }
  // A node reached twice (a malformed CPU profile whose `children` form a cycle) is counted once.
  const visited = new Set<N>();
  const enter = (node: N, owner: ProfileFunction | null): Frame => {
    visited.add(node);
    const frame = frameOf(node);
    let fn: ProfileFunction | null = null;
    if (isProgramCode(frame)) {
      const key = frameKey(frame);
      fn = byKey.get(key) ?? null;
      if (!fn) {
        fn = { cumulative: 0, frame, self: 0 };
        byKey.set(key, fn);
      }
      onStack.set(fn, (onStack.get(fn) ?? 0) + 1);
    }
    const weight = weightOf(node);
    total += weight;
    const charged = fn ?? owner;
    if (charged) charged.self += weight;
    return { childIndex: 0, fn, node, owner: fn ?? owner, subtotal: weight };
  };
  const stack: Frame[] = [enter(root, null)];
  while (stack.length > 0) {
    const top = stack[stack.length - 1]!;
    const children = childrenOf(top.node);
    if (top.childIndex < children.length) {
      const child = children[top.childIndex++]!;
      if (!visited.has(child)) stack.push(enter(child, top.owner));
      continue;
    }
    stack.pop();
    if (top.fn) {
      const depth = onStack.get(top.fn)! - 1;
      onStack.set(top.fn, depth);
      // Recursion: only the outermost activation counts the subtree, so no sample is counted twice.
      if (depth === 0) top.fn.cumulative += top.subtotal;
    }
    const parent = stack[stack.length - 1];
    if (parent) parent.subtotal += top.subtotal;
  }
  const functions = [...byKey.values()].sort((a, b) => b.self - a.self || b.cumulative - a.cumulative);
  return { functions, total };
}

function readHeapProfile(head: HeapNode): Profile {
  if (!isObject(head.callFrame) || !Array.isArray(head.children)) {
    throw new ProfileError('its `head` is not a heap-profile node (`{ callFrame, selfSize, children }`)');
  }
  const { functions, total } = aggregate(
    head,
    (node) => validFrame(node.callFrame),
    (node) => (typeof node.selfSize === 'number' ? node.selfSize : 0),
    (node) => {
      const children = Array.isArray(node.children) ? node.children : [];
      if (!children.every((child) => isObject(child))) throw new ProfileError('one of its nodes has a child that is not a heap-profile node');
      return children;
    },
  );
  return { functions, kind: 'heap', total };
}

interface CpuJson {
  endTime?: number;
  nodes: CpuNode[];
  samples: number[];
  startTime?: number;
  timeDeltas?: number[];
}

function readCpuProfile(json: CpuJson): Profile {
  const nodes = new Map<number, CpuNode>();
  for (const node of json.nodes) {
    if (!isObject(node) || typeof node.id !== 'number' || !isObject(node.callFrame)) {
      throw new ProfileError('one of its `nodes` is not a CPU-profile node (`{ id, callFrame, children }`)');
    }
    nodes.set(node.id, node);
  }
  // Time per sample: V8 records the delta before each sample; the last one has no successor.
  const selfTime = new Map<number, number>();
  const deltas = Array.isArray(json.timeDeltas) ? json.timeDeltas : [];
  const interval =
    typeof json.endTime === 'number' && typeof json.startTime === 'number' && json.samples.length > 0
      ? (json.endTime - json.startTime) / json.samples.length
      : 1;
  json.samples.forEach((id, index) => {
    const delta = deltas[index + 1];
    selfTime.set(id, (selfTime.get(id) ?? 0) + (typeof delta === 'number' && delta >= 0 ? delta : interval));
  });
  const root = json.nodes[0];
  if (!root) throw new ProfileError('it has no call tree (`nodes` is empty)');
  // Chrome's trace-event CPU profiles link each node to its `parent` instead of listing `children`.
  if (json.nodes.every((node) => node.children === undefined) && json.nodes.some((node) => typeof node.parent === 'number')) {
    for (const node of json.nodes) {
      const parent = typeof node.parent === 'number' ? nodes.get(node.parent) : undefined;
      if (parent) (parent.children ??= []).push(node.id);
    }
  }
  const children = (node: CpuNode): CpuNode[] => (node.children ?? []).map((id) => nodes.get(id)).filter((n): n is CpuNode => n !== undefined);
  // Idle time is the process waiting, not code running.
  const weight = (node: CpuNode): number => (node.callFrame.functionName === '(idle)' ? 0 : (selfTime.get(node.id) ?? 0));
  const { functions, total } = aggregate(root, (node) => validFrame(node.callFrame), weight, children);
  return { functions, kind: 'cpu', total };
}

function validFrame(frame: CallFrame | undefined): CallFrame {
  if (!isObject(frame) || typeof frame.url !== 'string' || typeof frame.functionName !== 'string' || typeof frame.lineNumber !== 'number' || typeof frame.columnNumber !== 'number') {
    throw new ProfileError('one of its call frames lacks `url`, `functionName`, `lineNumber` or `columnNumber`');
  }
  return frame;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}
