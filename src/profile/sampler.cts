/**
 * Preloaded into every Node.js process `alloc-profile record` starts (through `NODE_OPTIONS
 * --require`): runs the inspector's sampling heap profiler, counting objects that the garbage
 * collector already freed — the allocation volume, not what is alive at exit as `node --heap-prof`
 * records — and writes `<ALLOC_PROFILE_DIR>/<pid>.heapprofile` when the process exits, also on
 * SIGINT and SIGTERM. CommonJS, so that `--require` can load it in any process.
 */
import fs = require('node:fs');
import inspector = require('node:inspector');
import Module = require('node:module');
import path = require('node:path');
import v8 = require('node:v8');
import workerThreads = require('node:worker_threads');

import type { CallFrame as Frame } from './format.js' with { 'resolution-mode': 'import' };

interface Node {
  callFrame: Frame;
  children: Node[];
}

const directory = process.env.ALLOC_PROFILE_DIR;
const recorder = Symbol.for('eslint-plugin-alloc.sampler');

if (directory && workerThreads.isMainThread && !(recorder in globalThis)) {
  Object.defineProperty(globalThis, recorder, { value: true });
  start(directory);
}

function start(outputDirectory: string): void {
  // TurboFan inlining charges an inlined function's allocations to its caller; off unless asked.
  if (process.env.ALLOC_PROFILE_KEEP_INLINING !== '1') v8.setFlagsFromString('--no-turbo-inlining');

  // Node 20's CommonJS loader compiles modules in a way that leaves their heap-profile frames with no
  // url and no line (measured on Node 20.20). With `Module.wrap` replaced, Node compiles modules with
  // `vm.Script`, which keeps both; the wrapper then shifts columns on a module's first line, which
  // `write` takes back off.
  const moduleWithWrap = Module as unknown as { wrap: (script: string) => string; wrapper: string[] };
  const originalWrap = moduleWithWrap.wrap;
  const wrapperLength = moduleWithWrap.wrapper[0]?.length ?? 0;
  // `vm.Script` does not skip a hashbang after the wrapper as the default path does: comment it out (same length).
  moduleWithWrap.wrap = (script) => originalWrap(script.startsWith('#!') ? `//${script.slice(2)}` : script);

  const session = new inspector.Session();
  session.connect();
  const interval = Number(process.env.ALLOC_PROFILE_INTERVAL) || 32_768;
  session.post('HeapProfiler.startSampling', {
    includeObjectsCollectedByMajorGC: true,
    includeObjectsCollectedByMinorGC: true,
    samplingInterval: interval,
  });

  let stopped = false;
  /**
   * Writes the profile: the final one at exit (sampling stops), or the one so far when a signal
   * arrives (sampling goes on, in case the program handles the signal and keeps running; its exit
   * then writes the final one). Written to a temporary name and renamed, so a process killed while
   * writing leaves no half profile.
   */
  const write = (final: boolean): void => {
    if (stopped) return;
    let profile: { head: Node } | undefined;
    // The main-thread session answers synchronously, which is what makes this work in `exit`.
    const received = (error: Error | null, result: { profile: unknown }): void => {
      if (!error) profile = result.profile as { head: Node };
    };
    if (final) session.post('HeapProfiler.stopSampling', received);
    else session.post('HeapProfiler.getSamplingProfile', received);
    if (!profile) return;
    if (final) stopped = true;
    // The sampler's own frames (stopping the session) are not the program's.
    profile.head.children = profile.head.children.filter(function keep(node): boolean {
      node.children = node.children.filter(keep);
      return node.callFrame.url !== __filename;
    });
    annotate(profile.head, wrapperLength);
    fs.mkdirSync(outputDirectory, { recursive: true });
    const base = path.join(outputDirectory, String(process.pid));
    fs.writeFileSync(`${base}.json`, JSON.stringify({ argv: process.argv, interval, pid: process.pid }));
    fs.writeFileSync(`${base}.partial`, JSON.stringify(profile));
    fs.renameSync(`${base}.partial`, `${base}.heapprofile`);
  };
  process.on('exit', () => write(true));
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    const onSignal = (): void => {
      write(false);
      // Step aside: with no other listener the signal's default action (exit) follows; with one
      // (the program's own, or signal-exit's, which re-raises only when it is alone), it decides.
      process.removeListener(signal, onSignal);
      if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
    };
    process.on(signal, onSignal);
  }
}

/** Undo the CommonJS wrapper's column shift and add source-mapped positions the process knows (tsx, `--enable-source-maps`). */
function annotate(root: Node, wrapperLength: number): void {
  const maps = new Map<string, Module.SourceMap | undefined>();
  const stack = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    stack.push(...node.children);
    const frame = node.callFrame;
    if (frame.url === '' || frame.lineNumber < 0 || frame.url.startsWith('node:')) continue;
    // CommonJS modules are named by path, ES modules by `file:` URL.
    if (frame.lineNumber === 0 && path.isAbsolute(frame.url)) frame.columnNumber = Math.max(0, frame.columnNumber - wrapperLength);
    let map = maps.get(frame.url);
    if (!maps.has(frame.url)) {
      try {
        map = Module.findSourceMap(frame.url);
      } catch {
        map = undefined;
      }
      maps.set(frame.url, map);
    }
    if (!map) continue;
    const entry = map.findEntry(frame.lineNumber, frame.columnNumber) as Partial<{ originalColumn: number; originalLine: number; originalSource: string }>;
    if (typeof entry.originalSource === 'string' && typeof entry.originalLine === 'number') {
      frame.originalUrl = entry.originalSource;
      frame.originalLineNumber = entry.originalLine;
      frame.originalColumnNumber = entry.originalColumn ?? 0;
    }
  }
}
