import { defineBench, formatBytes, ratioRange } from './harness.js';

/** `n` records parsed from JSON, half of them empty, the others with 1–20 keys. */
function records(n: number): Record<string, number>[] {
  return Array.from({ length: n }, (_, i) => {
    if (i % 2 === 0) return {};
    const keys = 1 + (i % 20);
    return JSON.parse(`{${Array.from({ length: keys }, (_, j) => `"k${j}":${j}`).join(',')}}`) as Record<string, number>;
  });
}

function isEmpty(o: object): boolean {
  for (const k in o) if (Object.hasOwn(o, k)) return false;
  return true;
}

const SIZES = [10, 1_000, 10_000];

export default defineBench({
  rule: 'no-object-keys-emptiness-check',
  groups: [
    {
      id: 'emptiness',
      title: '`Object.keys(o).length === 0` on n records, half of them empty',
      baseline: 'keys-length',
      sizes: SIZES,
      cases: [
        {
          id: 'keys-length',
          label: '`Object.keys(o).length === 0`',
          prepare: (n) => {
            const rs = records(n);
            return () => {
              let empty = 0;
              for (const o of rs) if (Object.keys(o).length === 0) empty++;
              return empty;
            };
          },
        },
        {
          id: 'helper',
          label: '`isEmpty(o)`: `for…in` returning at the first own key (the suggestion)',
          prepare: (n) => {
            const rs = records(n);
            return () => {
              let empty = 0;
              for (const o of rs) if (isEmpty(o)) empty++;
              return empty;
            };
          },
        },
      ],
    },
  ],
  figures: {
    helperTime: (r) => ratioRange(Object.values(r.emptiness!).map((row) => row.helper!.timeRatio)),
    keysLengthBytesPerCheck: (r) => {
      const row = r.emptiness!['1000']!;
      return formatBytes(row['keys-length']!.bytes / 1000);
    },
    helperBytesPerCheck: (r) => {
      const row = r.emptiness!['1000']!;
      return formatBytes(row.helper!.bytes / 1000);
    },
  },
});
