import { defineBench, formatBytes, ratioRange } from './harness.js';

/** Identifier-like words (ASCII) and the same with a few non-ASCII letters. */
function words(n: number, accent: boolean): string[] {
  return Array.from({ length: n }, (_, i) => `${accent ? 'café_' : 'user_'}${i.toString(36)}_name-${i % 7}`);
}

/** Counts the `_` and `-` of each word: the loop body compares each character with ASCII literals. */
const SIZES = [10, 1_000, 10_000];

export default defineBench({
  rule: 'no-char-array-iteration',
  groups: [
    {
      id: 'split',
      title: "Walking characters of `s.split('')`",
      baseline: 'split',
      sizes: SIZES,
      cases: [
        {
          id: 'split',
          label: "`for (const c of s.split(''))`",
          prepare: (n) => {
            const xs = words(n, false);
            return () => {
              let count = 0;
              for (const s of xs) for (const c of s.split('')) if (c === '_' || c === '-') count++;
              return count;
            };
          },
        },
        {
          id: 'index',
          label: '`for (let i = 0; i < s.length; i++)` with `s[i]` (the autofix)',
          prepare: (n) => {
            const xs = words(n, false);
            return () => {
              let count = 0;
              for (const s of xs) {
                for (let i = 0; i < s.length; i++) {
                  const c = s[i];
                  if (c === '_' || c === '-') count++;
                }
              }
              return count;
            };
          },
        },
        {
          id: 'char-code',
          label: '`s.charCodeAt(i)` compared with char codes',
          prepare: (n) => {
            const xs = words(n, false);
            return () => {
              let count = 0;
              for (const s of xs) {
                for (let i = 0; i < s.length; i++) {
                  const c = s.charCodeAt(i);
                  if (c === 95 || c === 45) count++;
                }
              }
              return count;
            };
          },
        },
      ],
    },
    {
      id: 'spread',
      title: 'Walking characters of `[...s]` (code points)',
      baseline: 'spread',
      sizes: SIZES,
      cases: [
        {
          id: 'spread',
          label: '`for (const c of [...s])`',
          prepare: (n) => {
            const xs = words(n, true);
            return () => {
              let count = 0;
              for (const s of xs) for (const c of [...s]) if (c === '_' || c === '-') count++;
              return count;
            };
          },
        },
        {
          id: 'for-of',
          label: '`for (const c of s)` (the autofix: same code points)',
          prepare: (n) => {
            const xs = words(n, true);
            return () => {
              let count = 0;
              for (const s of xs) for (const c of s) if (c === '_' || c === '-') count++;
              return count;
            };
          },
        },
        {
          id: 'index',
          label: '`s[i]` index loop (UTF-16 units)',
          prepare: (n) => {
            const xs = words(n, true);
            return () => {
              let count = 0;
              for (const s of xs) {
                for (let i = 0; i < s.length; i++) {
                  const c = s[i];
                  if (c === '_' || c === '-') count++;
                }
              }
              return count;
            };
          },
        },
      ],
    },
    {
      id: 'array-from',
      title: '`Array.from(s).forEach(…)` (code points)',
      baseline: 'array-from',
      sizes: SIZES,
      cases: [
        {
          id: 'array-from',
          label: '`Array.from(s).forEach(…)`',
          prepare: (n) => {
            const xs = words(n, true);
            return () => {
              let count = 0;
              for (const s of xs) Array.from(s).forEach((c) => { if (c === '_' || c === '-') count++; });
              return count;
            };
          },
        },
        {
          id: 'for-of',
          label: '`for (const c of s)` (the autofix)',
          prepare: (n) => {
            const xs = words(n, true);
            return () => {
              let count = 0;
              for (const s of xs) for (const c of s) if (c === '_' || c === '-') count++;
              return count;
            };
          },
        },
      ],
    },
  ],
  figures: {
    indexTime: (r) => ratioRange(Object.values(r.split!).map((row) => row.index!.timeRatio)),
    charCodeTime: (r) => ratioRange(Object.values(r.split!).map((row) => row['char-code']!.timeRatio)),
    forOfTime: (r) => ratioRange(Object.values(r.spread!).map((row) => row['for-of']!.timeRatio)),
    arrayFromForOfTime: (r) => ratioRange(Object.values(r['array-from']!).map((row) => row['for-of']!.timeRatio)),
    forOfBytes: (r) => ratioRange(Object.values(r.spread!).map((row) => row['for-of']!.allocRatio)),
    spreadIndexTime: (r) => ratioRange(Object.values(r.spread!).map((row) => row.index!.timeRatio)),
    splitBytesPerChar: (r) => {
      const row = r.split!['1000']!;
      const chars = words(1000, false).reduce((sum, word) => sum + word.length, 0);
      return formatBytes((row.split!.bytes - row.index!.bytes) / chars);
    },
  },
});
