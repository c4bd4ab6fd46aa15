import { defineBench, formatBytes, ratioRange } from './harness.js';

const PATTERN = '^item-(\\d+)$';

function strings(n: number): string[] {
  return Array.from({ length: n }, (_, i) => (i % 3 === 0 ? `item-${i}` : `other-${i}`));
}

const SIZES = [10, 1_000, 10_000];

export default defineBench({
  rule: 'no-regexp-in-loop',
  groups: [
    {
      id: 'new-regexp',
      title: '`new RegExp(invariant)` per iteration',
      baseline: 'in-loop',
      sizes: SIZES,
      cases: [
        {
          id: 'in-loop',
          label: '`new RegExp(PATTERN).test(s)` in the loop',
          prepare: (n) => {
            const xs = strings(n);
            return () => {
              let count = 0;
              for (const s of xs) if (new RegExp(PATTERN).test(s)) count++;
              return count;
            };
          },
        },
        {
          id: 'hoisted',
          label: '`const re = new RegExp(PATTERN)` before the loop (the autofix)',
          prepare: (n) => {
            const xs = strings(n);
            return () => {
              let count = 0;
              const re = new RegExp(PATTERN);
              for (const s of xs) if (re.test(s)) count++;
              return count;
            };
          },
        },
      ],
    },
    {
      id: 'literal',
      title: 'A regex literal in the loop body',
      baseline: 'in-loop',
      sizes: SIZES,
      cases: [
        {
          id: 'in-loop',
          label: '`/^item-(\\d+)$/.test(s)` in the loop',
          prepare: (n) => {
            const xs = strings(n);
            return () => {
              let count = 0;
              for (const s of xs) if (/^item-(\d+)$/.test(s)) count++;
              return count;
            };
          },
        },
        {
          id: 'hoisted',
          label: 'the literal hoisted before the loop (the autofix)',
          prepare: (n) => {
            const xs = strings(n);
            return () => {
              let count = 0;
              const re = /^item-(\d+)$/;
              for (const s of xs) if (re.test(s)) count++;
              return count;
            };
          },
        },
      ],
    },
    {
      id: 'replace-global',
      title: "`s.replace(/-/g, '_')` in the loop (a `g` regex: suggestion only)",
      baseline: 'in-loop',
      sizes: SIZES,
      cases: [
        {
          id: 'in-loop',
          label: "`s.replace(/-/g, '_')` in the loop",
          prepare: (n) => {
            const xs = strings(n);
            return () => {
              let length = 0;
              for (const s of xs) length += s.replace(/-/g, '_').length;
              return length;
            };
          },
        },
        {
          id: 'hoisted',
          label: 'the `g` literal hoisted before the loop',
          prepare: (n) => {
            const xs = strings(n);
            return () => {
              let length = 0;
              const dash = /-/g;
              for (const s of xs) length += s.replace(dash, '_').length;
              return length;
            };
          },
        },
      ],
    },
  ],
  figures: {
    newRegExpHoisted: (r) => ratioRange(Object.values(r["new-regexp"]!).map((row) => row.hoisted!.timeRatio)),
    literalHoisted: (r) => ratioRange(Object.values(r.literal!).map((row) => row.hoisted!.timeRatio)),
    literalBytesPerIteration: (r) => {
      const row = r.literal!['1000']!;
      return formatBytes((row['in-loop']!.bytes - row.hoisted!.bytes) / 1000);
    },
    newRegExpBytesPerIteration: (r) => {
      const row = r['new-regexp']!['1000']!;
      return formatBytes((row['in-loop']!.bytes - row.hoisted!.bytes) / 1000);
    },
  },
});
