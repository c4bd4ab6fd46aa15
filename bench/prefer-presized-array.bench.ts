import type { BenchCase, SuiteResults } from './harness.js';
import { defineBench, formatBytes, ratioRange } from './harness.js';

const SIZES = [10, 1_000, 100_000];
const SMALL_SIZES = [4, 8, 16, 17, 18, 32];

const f = (x: number): number => x * 2 + 1;

function numbers(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i);
}

/** A typical later use of the built array: one `for…of` pass and one indexed sum. */
function use(out: number[]): number {
  let total = 0;
  for (const x of out) total += x;
  for (let i = 0; i < out.length; i++) total += out[i]!;
  return total;
}

type Builders = Record<string, { label: string; build: (n: number) => () => number[] }>;

/** Two groups per source: building only, and building plus a typical later use (end to end). */
function groupsFor(id: string, title: string, builders: Builders, baseline: string) {
  const cases = (endToEnd: boolean): BenchCase[] =>
    Object.entries(builders).map(([caseId, { build, label }]) => ({
      id: caseId,
      label: endToEnd ? `${label}, then used` : label,
      prepare: (n: number) => {
        const op = build(n);
        return endToEnd ? () => use(op()) : op;
      },
    }));
  return [
    { baseline, cases: cases(false), id, sizes: SIZES, title: `${title}: building` },
    { baseline, cases: cases(true), id: `${id}-end-to-end`, sizes: SIZES, title: `${title}: building, then a for…of pass and an indexed sum` },
  ];
}

export default defineBench({
  rule: 'prefer-presized-array',
  groups: [
    ...groupsFor(
      'array',
      'From an Array',
      {
        'push-loop': {
          label: '`for (const x of src) out.push(f(x))`',
          build: (n) => {
            const src = numbers(n);
            return () => {
              const out: number[] = [];
              for (const x of src) out.push(f(x));
              return out;
            };
          },
        },
        map: {
          label: '`src.map((x) => f(x))`',
          build: (n) => {
            const src = numbers(n);
            return () => src.map((x) => f(x));
          },
        },
        presized: {
          label: '`new Array(src.length)` filled by a counter (the autofix)',
          build: (n) => {
            const src = numbers(n);
            return () => {
              const out = new Array<number>(src.length);
              let i = 0;
              for (const x of src) out[i++] = f(x);
              return out;
            };
          },
        },
        'array-from': {
          label: '`Array.from(src, (x) => f(x))`',
          build: (n) => {
            const src = numbers(n);
            return () => Array.from(src, (x) => f(x));
          },
        },
      },
      'push-loop',
    ),
    ...groupsFor(
      'typed-array',
      'From a Float64Array',
      {
        'push-loop': {
          label: '`for (const x of typed) out.push(f(x))`',
          build: (n) => {
            const src = Float64Array.from(numbers(n));
            return () => {
              const out: number[] = [];
              for (const x of src) out.push(f(x));
              return out;
            };
          },
        },
        presized: {
          label: '`new Array(typed.length)` filled by a counter (the autofix)',
          build: (n) => {
            const src = Float64Array.from(numbers(n));
            return () => {
              const out = new Array<number>(src.length);
              let i = 0;
              for (const x of src) out[i++] = f(x);
              return out;
            };
          },
        },
        'array-from': {
          label: '`Array.from(typed, (x) => f(x))`',
          build: (n) => {
            const src = Float64Array.from(numbers(n));
            return () => Array.from(src, (x) => f(x));
          },
        },
      },
      'push-loop',
    ),
    ...groupsFor(
      'set',
      'From a Set',
      {
        'push-loop': {
          label: '`for (const x of set) out.push(f(x))`',
          build: (n) => {
            const src = new Set(numbers(n));
            return () => {
              const out: number[] = [];
              for (const x of src) out.push(f(x));
              return out;
            };
          },
        },
        'spread-map': {
          label: '`[...set].map((x) => f(x))`',
          build: (n) => {
            const src = new Set(numbers(n));
            return () => [...src].map((x) => f(x));
          },
        },
        presized: {
          label: '`new Array(set.size)` filled by a counter (the autofix)',
          build: (n) => {
            const src = new Set(numbers(n));
            return () => {
              const out = new Array<number>(src.size);
              let i = 0;
              for (const x of src) out[i++] = f(x);
              return out;
            };
          },
        },
        'array-from': {
          label: '`Array.from(set, (x) => f(x))`',
          build: (n) => {
            const src = new Set(numbers(n));
            return () => Array.from(src, (x) => f(x));
          },
        },
      },
      'push-loop',
    ),
    ...groupsFor(
      'map-values',
      "From a Map's values()",
      {
        'push-loop': {
          label: '`for (const v of map.values()) out.push(f(v))`',
          build: (n) => {
            const src = new Map(numbers(n).map((i) => [`k${i}`, i]));
            return () => {
              const out: number[] = [];
              for (const v of src.values()) out.push(f(v));
              return out;
            };
          },
        },
        'spread-map': {
          label: '`[...map.values()].map((v) => f(v))`',
          build: (n) => {
            const src = new Map(numbers(n).map((i) => [`k${i}`, i]));
            return () => [...src.values()].map((v) => f(v));
          },
        },
        presized: {
          label: '`new Array(map.size)` filled by a counter (the autofix)',
          build: (n) => {
            const src = new Map(numbers(n).map((i) => [`k${i}`, i]));
            return () => {
              const out = new Array<number>(src.size);
              let i = 0;
              for (const v of src.values()) out[i++] = f(v);
              return out;
            };
          },
        },
      },
      'push-loop',
    ),
    ...groupsFor(
      'counted',
      'A counted range',
      {
        'push-loop': {
          label: '`for (let i = 0; i < n; i++) out.push(f(i))`',
          build: (n) => () => {
            const out: number[] = [];
            for (let i = 0; i < n; i++) out.push(f(i));
            return out;
          },
        },
        presized: {
          label: '`new Array(n)` filled by index (the autofix)',
          build: (n) => () => {
            const out = new Array<number>(n);
            for (let i = 0; i < n; i++) out[i] = f(i);
            return out;
          },
        },
        'array-from': {
          label: '`Array.from({ length: n }, (_, i) => f(i))`',
          build: (n) => () => Array.from({ length: n }, (_, i) => f(i)),
        },
      },
      'push-loop',
    ),
    // `Array.from({ length: n }, fn)` walks its array-like argument through the generic path (a
    // property read and a map-function call per index): the report the rule gives for it.
    ...groupsFor(
      'array-from-length',
      'An index range built by `Array.from({ length: n }, fn)`',
      {
        'array-from': {
          label: '`Array.from({ length: n }, (_, i) => f(i))`',
          build: (n) => () => Array.from({ length: n }, (_, i) => f(i)),
        },
        presized: {
          label: '`new Array(n)` filled by index (the autofix)',
          build: (n) => () => {
            const out = new Array<number>(n);
            for (let i = 0; i < out.length; i++) out[i] = f(i);
            return out;
          },
        },
        'push-loop': {
          label: '`[]` + `for (let i = 0; i < n; i++) out.push(f(i))`',
          build: (n) => () => {
            const out: number[] = [];
            for (let i = 0; i < n; i++) out.push(f(i));
            return out;
          },
        },
      },
      'array-from',
    ),
    // When each pushed element is itself a new object, the element allocations dominate: what
    // presizing saves (the discarded backing stores) is a small share of the loop's garbage.
    {
      baseline: 'push-loop',
      cases: elementCases('{ id: x, value: f(x), tag: "row" }', (x) => ({ id: x, tag: 'row', value: f(x) }), (e) => e.value),
      id: 'object-elements-end-to-end',
      sizes: SIZES,
      title: 'From an Array, each element a new object literal: building, then a pass over a field',
    },
    {
      baseline: 'push-loop',
      cases: sliceCases(),
      id: 'slice-elements-end-to-end',
      sizes: SIZES,
      title: 'From an Array of Float64Array rows, each element a `row.slice(0, 8)`: building, then a pass',
    },
    // Small counts: V8 gives an empty array literal room for 17 elements on its first push, so up to
    // that count a push loop allocates one backing store, as presizing does, and presizing saves
    // (almost) nothing; past it the push loop reallocates. The frequency model's default
    // `minIterations` is the count measured here just before the push loop's bytes jump
    // (`smallCountLimit` below; tests/analysis/frequency.test.ts checks that the default is it).
    {
      baseline: 'push-loop',
      cases: elementCases('f(x)', f, (e) => e),
      id: 'small-counts',
      sizes: SMALL_SIZES,
      title: 'From an Array of a few elements, then a pass: where pushing starts to reallocate',
    },
  ],
  figures: {
    arrayMapTime: (r) => range(r, 'array', 'map'),
    arrayFromTime: (r) => range(r, 'array', 'array-from'),
    arrayPresizedEndToEnd: (r) => range(r, 'array-end-to-end', 'presized'),
    arrayMapEndToEnd: (r) => range(r, 'array-end-to-end', 'map'),
    setSpreadEndToEnd: (r) => range(r, 'set-end-to-end', 'spread-map'),
    setPresizedEndToEnd: (r) => range(r, 'set-end-to-end', 'presized'),
    mapPresizedEndToEnd: (r) => range(r, 'map-values-end-to-end', 'presized'),
    countedPresizedEndToEnd: (r) => range(r, 'counted-end-to-end', 'presized'),
    typedPresizedEndToEnd: (r) => range(r, 'typed-array-end-to-end', 'presized'),
    objectElementsPresizedEndToEnd: (r) => range(r, 'object-elements-end-to-end', 'presized'),
    arrayFromLengthPresized: (r) => range(r, 'array-from-length', 'presized'),
    arrayFromLengthPresizedEndToEnd: (r) => range(r, 'array-from-length-end-to-end', 'presized'),
    arrayFromLengthPushLoop: (r) => range(r, 'array-from-length', 'push-loop'),
    arrayFromLengthPushLoopBytes: (r) => ratioRange(Object.values(r['array-from-length']!).map((row) => row['push-loop']!.allocRatio)),
    sliceElementsPresizedEndToEnd: (r) => range(r, 'slice-elements-end-to-end', 'presized'),
    smallCountLimit: (r) => String(smallCountLimit(r)),
    smallCountPushBytes: (r) => formatBytes(r['small-counts']![String(smallCountLimit(r))]!['push-loop']!.bytes),
    smallCountGrownPushBytes: (r) => {
      const limit = smallCountLimit(r);
      const next = SMALL_SIZES.find((n) => n > limit);
      return next === undefined ? '-' : formatBytes(r['small-counts']![String(next)]!['push-loop']!.bytes);
    },
  },
});

/**
 * The count of the `small-counts` group just before the push loop's bytes per call rise the most
 * from one measured count to the next: up to it, pushing allocates one backing store and presizing
 * saves (almost) nothing. A step, not a threshold, so that a noisy measurement at one count does
 * not move it.
 */
export function smallCountLimit(results: SuiteResults): number {
  const group = results['small-counts']!;
  const bytes = SMALL_SIZES.map((n) => group[String(n)]!['push-loop']!.bytes);
  let limit = SMALL_SIZES[0]!;
  let rise = -Infinity;
  for (let i = 0; i + 1 < SMALL_SIZES.length; i++) {
    if (bytes[i + 1]! - bytes[i]! > rise) {
      rise = bytes[i + 1]! - bytes[i]!;
      limit = SMALL_SIZES[i]!;
    }
  }
  return limit;
}

/** The push loop and the presized rewrite over an array, each element built by `make`, then a pass reading `read`. */
function elementCases<E>(text: string, make: (x: number) => E, read: (e: E) => number): BenchCase[] {
  const pass = (out: E[]): number => {
    let total = 0;
    for (const e of out) total += read(e);
    return total;
  };
  return [
    {
      id: 'push-loop',
      label: `\`for (const x of src) out.push(${text})\`, then used`,
      prepare: (n) => {
        const src = numbers(n);
        return () => {
          const out: E[] = [];
          for (const x of src) out.push(make(x));
          return pass(out);
        };
      },
    },
    {
      id: 'presized',
      label: '`new Array(src.length)` filled by a counter (the autofix), then used',
      prepare: (n) => {
        const src = numbers(n);
        return () => {
          const out = new Array<E>(src.length);
          let i = 0;
          for (const x of src) out[i++] = make(x);
          return pass(out);
        };
      },
    },
  ];
}

function sliceCases(): BenchCase[] {
  const rowsOf = (n: number) => Array.from({ length: n }, (_, i) => new Float64Array(16).fill(i));
  const pass = (out: Float64Array[]): number => {
    let total = 0;
    for (const row of out) total += row[0]!;
    return total;
  };
  return [
    {
      id: 'push-loop',
      label: '`for (let i = 0; i < rows.length; i++) out.push(rows[i].slice(0, 8))`, then used',
      prepare: (n) => {
        const rows = rowsOf(n);
        return () => {
          const out: Float64Array[] = [];
          for (let i = 0; i < rows.length; i++) out.push(rows[i]!.slice(0, 8));
          return pass(out);
        };
      },
    },
    {
      id: 'presized',
      label: '`new Array(rows.length)` filled by index (the autofix), then used',
      prepare: (n) => {
        const rows = rowsOf(n);
        return () => {
          const out = new Array<Float64Array>(rows.length);
          for (let i = 0; i < rows.length; i++) out[i] = rows[i]!.slice(0, 8);
          return pass(out);
        };
      },
    },
  ];
}

function range(results: SuiteResults, group: string, caseId: string): string {
  return ratioRange(Object.values(results[group]!).map((row) => row[caseId]!.timeRatio));
}
