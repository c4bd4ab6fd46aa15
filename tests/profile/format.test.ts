import { describe, expect, it } from 'vitest';

import { ProfileError, parseProfile } from '../../src/profile/format.js';

type Node = { callFrame: { columnNumber: number; functionName: string; lineNumber: number; url: string }; children: Node[]; id: number; selfSize: number };
let nextId = 1;
const node = (functionName: string, url: string, line: number, selfSize: number, children: Node[] = []): Node => ({
  callFrame: { columnNumber: 4, functionName, lineNumber: line, url },
  children,
  id: nextId++,
  selfSize,
});
const heap = (...children: Node[]) => JSON.stringify({ head: node('(root)', '', -1, 0, children), samples: [] });
const APP = 'file:///app/src/app.js';

describe('parseProfile: heap profiles', () => {
  it('sums self and cumulative bytes per function, like pprof', () => {
    const text = heap(
      node('main', APP, 1, 10, [node('render', APP, 5, 300, [node('row', APP, 9, 50)]), node('row', APP, 9, 40)]),
      node('', '', -1, 100), // (program): counted in the total, charged to no function
    );
    const profile = parseProfile(text);
    expect(profile.kind).toBe('heap');
    expect(profile.total).toBe(500);
    expect(profile.functions.map((fn) => [fn.frame.functionName, fn.self, fn.cumulative])).toEqual([
      ['render', 300, 350],
      ['row', 90, 90],
      ['main', 10, 400],
    ]);
  });

  it('charges V8 built-ins and Node.js modules to the program function that called them', () => {
    const text = heap(
      node('encode', APP, 3, 8, [node('alloc', 'node:buffer', 380, 0, [node('createUnsafeBuffer', 'node:internal/buffer', 1060, 640)]), node('push', '', -1, 32)]),
      // Node.js internals with no caller in the program stay unattributed.
      node('Module._load', 'node:internal/modules/cjs/loader', 1002, 999),
    );
    const profile = parseProfile(text);
    expect(profile.functions.map((fn) => [fn.frame.functionName, fn.self, fn.cumulative])).toEqual([['encode', 680, 680]]);
    expect(profile.total).toBe(680 + 999);
  });

  it('counts a recursive function once per sample in its cumulative cost', () => {
    const text = heap(node('walk', APP, 2, 10, [node('walk', APP, 2, 10, [node('walk', APP, 2, 10)])]));
    expect(parseProfile(text).functions).toMatchObject([{ cumulative: 30, self: 30 }]);
  });

  it('handles call trees deeper than the JavaScript stack', () => {
    // Built as text: JSON.stringify itself recurses. A recursive walk overflows at this depth.
    const frame = (name: string, line: number) => `"callFrame":{"functionName":"${name}","url":"${APP}","lineNumber":${line},"columnNumber":0}`;
    const depth = 50_000;
    const opening = Array.from({ length: depth }, (_, id) => `{${frame('f', 2)},"selfSize":0,"id":${id + 1},"children":[`).join('');
    const leaf = `{${frame('leaf', 1)},"selfSize":1,"id":0,"children":[]}`;
    const profile = parseProfile(`{"head":${opening}${leaf}${']}'.repeat(depth)},"samples":[]}`);
    expect(profile.functions.find((fn) => fn.frame.functionName === 'f')?.cumulative).toBe(1);
  });
});

describe('parseProfile: CPU profiles', () => {
  it('charges each sample the time until the next one, and leaves idle time out', () => {
    const frame = (functionName: string, url: string, lineNumber: number) => ({ columnNumber: 0, functionName, lineNumber, url });
    const text = JSON.stringify({
      endTime: 1000,
      nodes: [
        { callFrame: frame('(root)', '', -1), children: [2, 4], id: 1 },
        { callFrame: frame('hot', APP, 3), children: [3], id: 2 },
        { callFrame: frame('JSON.stringify', '', -1), children: [], id: 3 },
        { callFrame: frame('(idle)', '', -1), children: [], id: 4 },
      ],
      samples: [2, 3, 4, 2],
      startTime: 0,
      timeDeltas: [0, 100, 200, 300],
    });
    const profile = parseProfile(text);
    expect(profile.kind).toBe('cpu');
    // hot: 100 (own) + 200 (JSON.stringify, charged to it) + 250 (last sample: the average interval); idle: 0.
    expect(profile.functions).toMatchObject([{ cumulative: 550, frame: { functionName: 'hot' }, self: 550 }]);
    expect(profile.total).toBe(550);
  });
});

describe('parseProfile: bad input', () => {
  it.each([
    ['plain text', 'hello world\nsecond line', 'it is not JSON (it starts with "hello world")'],
    ['plain text that starts like a JSON number', '404 Not Found', 'it is not JSON (it starts with "404 Not Found")'],
    ['a long first line', `${'x'.repeat(60)}\n`, `it is not JSON (it starts with "${'x'.repeat(40)}"…)`],
    ['empty', '', 'it is empty'],
    ['only whitespace', ' \n\t', 'it holds only whitespace'],
    ['truncated', '{"head":{"callFrame":{"functionName":"(root)"', 'it is truncated (its JSON stops after 45 bytes with brackets still open), as if writing it was interrupted'],
    ['truncated inside a string', '{"head":{"callFrame":{"functionName":"(ro', 'it is truncated (its JSON stops after 41 bytes with brackets still open), as if writing it was interrupted'],
    ['broken, not cut off (two documents)', '{"head":{}}{"head":{}}', 'it is not valid JSON (Unexpected non-whitespace character after JSON at position 11)'],
    ['a bracket closed by the wrong one', '{"samples":[1,2}', expect.stringMatching(/^it is not valid JSON \(/u)],
    ['other JSON', '{"traceEvents":[]}', 'it is JSON but neither a V8 heap profile (`{ head, samples }`, a .heapprofile) nor a CPU profile (`{ nodes, samples, timeDeltas }`, a .cpuprofile)'],
    ['a JSON string', '"alloc.heapprofile"', 'it is JSON but neither a V8 heap profile (`{ head, samples }`, a .heapprofile) nor a CPU profile (`{ nodes, samples, timeDeltas }`, a .cpuprofile)'],
    ['a broken node', JSON.stringify({ head: { callFrame: { url: 1 }, children: [] }, samples: [] }), 'one of its call frames lacks `url`, `functionName`, `lineNumber` or `columnNumber`'],
    ['an empty CPU profile', JSON.stringify({ nodes: [], samples: [] }), 'it has no call tree (`nodes` is empty)'],
  ])('%s: a ProfileError saying why', (_, text, message) => {
    let thrown: unknown;
    try {
      parseProfile(text);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ProfileError);
    expect((thrown as Error).message).toEqual(message);
  });

  it('a byte-order mark before the JSON is no problem', () => {
    expect(parseProfile(`\uFEFF${heap(node('f', APP, 1, 8))}`).functions).toMatchObject([{ self: 8 }]);
  });
});

describe('parseProfile: unusual but valid, and malformed, call trees', () => {
  const frame = (functionName: string, url: string, lineNumber: number) => ({ columnNumber: 0, functionName, lineNumber, url });

  it('a CPU profile that links nodes by `parent` (Chrome trace events) instead of `children`', () => {
    const text = JSON.stringify({
      endTime: 300,
      nodes: [
        { callFrame: frame('(root)', '', -1), id: 1 },
        { callFrame: frame('hot', APP, 3), id: 2, parent: 1 },
      ],
      samples: [2, 2, 1],
      startTime: 0,
      timeDeltas: [0, 100, 100],
    });
    expect(parseProfile(text).functions).toMatchObject([{ cumulative: 200, frame: { functionName: 'hot' }, self: 200 }]);
  });

  it('a CPU profile whose `children` form a cycle: each node counted once, no endless walk', () => {
    const text = JSON.stringify({
      nodes: [
        { callFrame: frame('(root)', '', -1), children: [2], id: 1 },
        { callFrame: frame('a', APP, 1), children: [3], id: 2 },
        { callFrame: frame('b', APP, 2), children: [2], id: 3 },
      ],
      samples: [2, 3],
      timeDeltas: [0, 10],
    });
    expect(parseProfile(text).functions.map((fn) => fn.frame.functionName).sort()).toEqual(['a', 'b']);
  });

  it.each([
    ['a heap node without a callFrame', { head: { callFrame: frame('(root)', '', -1), children: [{ children: [], id: 2, selfSize: 1 }], id: 1, selfSize: 0 }, samples: [] }, /lacks `url`/u],
    ['a null child', { head: { callFrame: frame('(root)', '', -1), children: [null], id: 1, selfSize: 0 }, samples: [] }, /a child that is not a heap-profile node/u],
  ])('%s: a ProfileError, not a crash', (_, json, message) => {
    expect(() => parseProfile(JSON.stringify(json))).toThrow(ProfileError);
    expect(() => parseProfile(JSON.stringify(json))).toThrow(message);
  });
});
