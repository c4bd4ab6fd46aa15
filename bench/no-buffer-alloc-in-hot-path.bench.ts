import { defineBench, formatBytes, ratioRange } from './harness.js';

const SIZES = [64, 4_096, 65_536];

/** A handler's use of its buffer: write a header and read it back. */
function use(buffer: Uint8Array): number {
  buffer[0] = 1;
  buffer[buffer.length - 1] = 2;
  return buffer[0]! + buffer[buffer.length - 1]!;
}

export default defineBench({
  rule: 'no-buffer-alloc-in-hot-path',
  groups: [
    {
      id: 'per-call',
      title: 'A scratch buffer of n bytes per call',
      baseline: 'alloc',
      sizes: SIZES,
      cases: [
        { id: 'alloc', label: '`Buffer.alloc(n)` per call', prepare: (n) => () => use(Buffer.alloc(n)) },
        { id: 'alloc-unsafe', label: '`Buffer.allocUnsafe(n)` per call', prepare: (n) => () => use(Buffer.allocUnsafe(n)) },
        { id: 'uint8array', label: '`new Uint8Array(n)` per call', prepare: (n) => () => use(new Uint8Array(n)) },
        {
          id: 'reused-fill',
          label: 'a module-level `Buffer`, `fill(0)` per call (the suggestion for `alloc`)',
          prepare: (n) => {
            const scratch = Buffer.alloc(n);
            return () => use(scratch.fill(0));
          },
        },
        {
          id: 'reused',
          label: 'a module-level `Buffer`, not cleared (the suggestion for `allocUnsafe`)',
          prepare: (n) => {
            const scratch = Buffer.allocUnsafe(n);
            return () => use(scratch);
          },
        },
      ],
    },
    {
      id: 'unsafe',
      title: '`Buffer.allocUnsafe(n)` per call against a reused buffer',
      baseline: 'alloc-unsafe',
      sizes: SIZES,
      cases: [
        { id: 'alloc-unsafe', label: '`Buffer.allocUnsafe(n)` per call', prepare: (n) => () => use(Buffer.allocUnsafe(n)) },
        {
          id: 'reused',
          label: 'a module-level `Buffer`, not cleared',
          prepare: (n) => {
            const scratch = Buffer.allocUnsafe(n);
            return () => use(scratch);
          },
        },
      ],
    },
  ],
  figures: {
    reusedFill: (r) => ratioRange(Object.values(r['per-call']!).map((row) => row['reused-fill']!.timeRatio)),
    reusedFill4k: (r) => ratioRange([r['per-call']!['4096']!['reused-fill']!.timeRatio]),
    unsafeReused64: (r) => ratioRange([r.unsafe!['64']!.reused!.timeRatio]),
    unsafeReused64k: (r) => ratioRange([r.unsafe!['65536']!.reused!.timeRatio]),
    allocBytes4k: (r) => formatBytes(r['per-call']!['4096']!.alloc!.bytes),
  },
});
