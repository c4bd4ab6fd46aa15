import type { SuiteResults } from './harness.js';
import { defineBench, formatTime, ratioRange } from './harness.js';

interface Entry {
  k: string;
  v: number;
}

function entries(n: number): Entry[] {
  return Array.from({ length: n }, (_, i) => ({ k: `key${i}`, v: i }));
}

export default defineBench({
  rule: 'no-accumulating-spread',
  groups: [
    {
      id: 'reduce-array',
      title: 'reduce into an array',
      baseline: 'spread',
      sizes: [10, 1_000, 10_000],
      cases: [
        {
          id: 'spread',
          label: '`xs.reduce((acc, x) => [...acc, x * 2], [])`',
          prepare: (n) => {
            const xs = entries(n).map((e) => e.v);
            return () => xs.reduce<number[]>((acc, x) => [...acc, x * 2], []);
          },
        },
        {
          id: 'push',
          label: '`xs.reduce((acc, x) => { acc.push(x * 2); return acc; }, [])` (the autofix)',
          prepare: (n) => {
            const xs = entries(n).map((e) => e.v);
            return () =>
              xs.reduce<number[]>((acc, x) => {
                acc.push(x * 2);
                return acc;
              }, []);
          },
        },
      ],
    },
    {
      id: 'reduce-object',
      title: 'reduce into an object (n stops at 2,000: the spread form takes seconds beyond)',
      baseline: 'spread',
      sizes: [10, 1_000, 2_000],
      cases: [
        {
          id: 'spread',
          label: '`xs.reduce((acc, x) => ({ ...acc, [x.k]: x.v }), {})`',
          prepare: (n) => {
            const xs = entries(n);
            return () => xs.reduce<Record<string, number>>((acc, x) => ({ ...acc, [x.k]: x.v }), {});
          },
        },
        {
          id: 'assign',
          label: '`xs.reduce((acc, x) => { acc[x.k] = x.v; return acc; }, {})` (the autofix)',
          prepare: (n) => {
            const xs = entries(n);
            return () =>
              xs.reduce<Record<string, number>>((acc, x) => {
                acc[x.k] = x.v;
                return acc;
              }, {});
          },
        },
      ],
    },
    {
      id: 'loop-concat',
      title: 'Collecting chunks of 4 in a loop',
      baseline: 'concat',
      sizes: [10, 1_000, 10_000],
      cases: [
        {
          id: 'concat',
          label: '`acc = acc.concat(chunk)`',
          prepare: (n) => {
            const chunks = Array.from({ length: n }, (_, i) => [i, i + 1, i + 2, i + 3]);
            return () => {
              let acc: number[] = [];
              for (const chunk of chunks) acc = acc.concat(chunk);
              return acc;
            };
          },
        },
        {
          id: 'spread',
          label: '`acc = [...acc, ...chunk]`',
          prepare: (n) => {
            const chunks = Array.from({ length: n }, (_, i) => [i, i + 1, i + 2, i + 3]);
            return () => {
              let acc: number[] = [];
              for (const chunk of chunks) acc = [...acc, ...chunk];
              return acc;
            };
          },
        },
        {
          id: 'push-loop',
          label: '`for (const item of chunk) acc.push(item)` (the fix)',
          prepare: (n) => {
            const chunks = Array.from({ length: n }, (_, i) => [i, i + 1, i + 2, i + 3]);
            return () => {
              const acc: number[] = [];
              for (const chunk of chunks) for (const item of chunk) acc.push(item);
              return acc;
            };
          },
        },
      ],
    },
  ],
  figures: {
    arraySpreadAt10k: (r) => time(r, 'reduce-array', '10000', 'spread'),
    arrayPushAt10k: (r) => time(r, 'reduce-array', '10000', 'push'),
    objectSpreadAt2k: (r) => time(r, 'reduce-object', '2000', 'spread'),
    objectAssignAt2k: (r) => time(r, 'reduce-object', '2000', 'assign'),
    arrayPushRatio: (r) => ratioRange(Object.values(r['reduce-array']!).map((row) => row.push!.timeRatio)),
    objectAssignRatio: (r) => ratioRange(Object.values(r['reduce-object']!).map((row) => row.assign!.timeRatio)),
    concatPushRatio: (r) => ratioRange(Object.values(r['loop-concat']!).map((row) => row['push-loop']!.timeRatio)),
  },
});

function time(results: SuiteResults, group: string, size: string, caseId: string): string {
  return formatTime(results[group]![size]![caseId]!.timeNs);
}
