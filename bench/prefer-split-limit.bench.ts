import { defineBench, ratioRange } from './harness.js';

/** Cookie-like headers: the first part is what the code keeps, the rest is thrown away. */
function headers(n: number): string[] {
  return Array.from({ length: n }, (_, i) => `sid=${i.toString(36)}abcdef; Path=/; Domain=example.com; HttpOnly; Secure; SameSite=Lax`);
}

const SIZES = [10, 1_000, 10_000];

export default defineBench({
  rule: 'prefer-split-limit',
  groups: [
    {
      id: 'first-part',
      title: "The first part of `s.split(';')`",
      baseline: 'split',
      sizes: SIZES,
      cases: [
        {
          id: 'split',
          label: "`s.split(';')[0]`",
          prepare: (n) => {
            const xs = headers(n);
            return () => {
              let length = 0;
              for (const s of xs) length += s.split(';')[0]!.length;
              return length;
            };
          },
        },
        {
          id: 'limit',
          label: "`s.split(';', 1)[0]` (the autofix)",
          prepare: (n) => {
            const xs = headers(n);
            return () => {
              let length = 0;
              for (const s of xs) length += s.split(';', 1)[0]!.length;
              return length;
            };
          },
        },
        {
          id: 'slice',
          label: "`indexOf(';')` + `slice` (the suggestion)",
          prepare: (n) => {
            const xs = headers(n);
            return () => {
              let length = 0;
              for (const s of xs) {
                const end = s.indexOf(';');
                length += (end === -1 ? s : s.slice(0, end)).length;
              }
              return length;
            };
          },
        },
      ],
    },
    {
      id: 'second-part',
      title: "The second part of `s.split('; ')`",
      baseline: 'split',
      sizes: SIZES,
      cases: [
        {
          id: 'split',
          label: "`s.split('; ')[1]`",
          prepare: (n) => {
            const xs = headers(n);
            return () => {
              let length = 0;
              for (const s of xs) length += (s.split('; ')[1] ?? '').length;
              return length;
            };
          },
        },
        {
          id: 'limit',
          label: "`s.split('; ', 2)[1]` (the autofix)",
          prepare: (n) => {
            const xs = headers(n);
            return () => {
              let length = 0;
              for (const s of xs) length += (s.split('; ', 2)[1] ?? '').length;
              return length;
            };
          },
        },
      ],
    },
    {
      id: 'last-part',
      title: "The last part: `s.split('; ').pop()`",
      baseline: 'split',
      sizes: SIZES,
      cases: [
        {
          id: 'split',
          label: "`s.split('; ').pop()`",
          prepare: (n) => {
            const xs = headers(n);
            return () => {
              let length = 0;
              for (const s of xs) length += s.split('; ').pop()!.length;
              return length;
            };
          },
        },
        {
          id: 'slice',
          label: "`s.slice(s.lastIndexOf('; ') + 2)` (the suggestion)",
          prepare: (n) => {
            const xs = headers(n);
            return () => {
              let length = 0;
              for (const s of xs) {
                const start = s.lastIndexOf('; ');
                length += (start === -1 ? s : s.slice(start + 2)).length;
              }
              return length;
            };
          },
        },
      ],
    },
  ],
  figures: {
    limitTime: (r) => ratioRange(Object.values(r['first-part']!).map((row) => row.limit!.timeRatio)),
    limitBytes: (r) => ratioRange(Object.values(r['first-part']!).map((row) => row.limit!.allocRatio)),
    sliceTime: (r) => ratioRange(Object.values(r['first-part']!).map((row) => row.slice!.timeRatio)),
    sliceBytes: (r) => ratioRange(Object.values(r['first-part']!).map((row) => row.slice!.allocRatio)),
    secondLimitTime: (r) => ratioRange(Object.values(r['second-part']!).map((row) => row.limit!.timeRatio)),
    lastSliceTime: (r) => ratioRange(Object.values(r['last-part']!).map((row) => row.slice!.timeRatio)),
  },
});
