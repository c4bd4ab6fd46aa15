import type { SuiteResults } from './harness.js';
import { defineBench, formatBytes, ratioRange } from './harness.js';

/** A particle: four double fields (positions and velocities are fractional). */
interface Particle {
  x: number;
  y: number;
  vx: number;
  vy: number;
}

const SIZES = [1_000, 100_000, 1_000_000];
const DT = 0.016;

function aos(n: number): Particle[] {
  const particles: Particle[] = [];
  for (let i = 0; i < n; i++) particles.push({ vx: Math.cos(i) * 0.5, vy: Math.sin(i) * 0.5, x: i * 0.25, y: i * 0.75 });
  return particles;
}

interface Soa {
  x: Float64Array;
  y: Float64Array;
  vx: Float64Array;
  vy: Float64Array;
}

function soa(n: number): Soa {
  const s = { vx: new Float64Array(n), vy: new Float64Array(n), x: new Float64Array(n), y: new Float64Array(n) };
  for (let i = 0; i < n; i++) {
    s.x[i] = i * 0.25;
    s.y[i] = i * 0.75;
    s.vx[i] = Math.cos(i) * 0.5;
    s.vy[i] = Math.sin(i) * 0.5;
  }
  return s;
}

/** One Float64Array with the four fields of each particle side by side. */
function interleaved(n: number): Float64Array {
  const data = new Float64Array(n * 4);
  for (let i = 0; i < n; i++) {
    data[i * 4] = i * 0.25;
    data[i * 4 + 1] = i * 0.75;
    data[i * 4 + 2] = Math.cos(i) * 0.5;
    data[i * 4 + 3] = Math.sin(i) * 0.5;
  }
  return data;
}

export default defineBench({
  rule: 'prefer-struct-of-arrays',
  groups: [
    {
      id: 'build',
      title: 'Building n particles (and what they keep alive)',
      baseline: 'aos',
      retained: true,
      sizes: SIZES,
      cases: [
        { id: 'aos', label: 'array of `{ x, y, vx, vy }` objects', prepare: (n) => () => aos(n) },
        { id: 'soa', label: 'one `Float64Array` per field', prepare: (n) => () => soa(n) },
        { id: 'interleaved', label: 'one interleaved `Float64Array(4n)`', prepare: (n) => () => interleaved(n) },
      ],
    },
    {
      id: 'update',
      title: 'One update pass: `x += vx * dt; y += vy * dt`',
      baseline: 'aos',
      sizes: SIZES,
      cases: [
        {
          id: 'aos',
          label: '`for (const p of particles) { p.x += p.vx * dt; … }`',
          prepare: (n) => {
            const particles = aos(n);
            return () => {
              for (const p of particles) {
                p.x += p.vx * DT;
                p.y += p.vy * DT;
              }
              return particles.length;
            };
          },
        },
        {
          id: 'soa',
          label: '`x[i] += vx[i] * dt; …` over `Float64Array` fields',
          prepare: (n) => {
            const s = soa(n);
            return () => {
              const { x, y, vx, vy } = s;
              for (let i = 0; i < x.length; i++) {
                x[i]! += vx[i]! * DT;
                y[i]! += vy[i]! * DT;
              }
              return x.length;
            };
          },
        },
        {
          id: 'interleaved',
          label: 'the same over one interleaved `Float64Array`',
          prepare: (n) => {
            const data = interleaved(n);
            return () => {
              for (let i = 0; i < data.length; i += 4) {
                data[i]! += data[i + 2]! * DT;
                data[i + 1]! += data[i + 3]! * DT;
              }
              return data.length;
            };
          },
        },
      ],
    },
    {
      id: 'reduce',
      title: 'A reduction: sum of `x + y`',
      baseline: 'aos',
      sizes: SIZES,
      cases: [
        {
          id: 'aos',
          label: '`for (const p of particles) sum += p.x + p.y`',
          prepare: (n) => {
            const particles = aos(n);
            return () => {
              let sum = 0;
              for (const p of particles) sum += p.x + p.y;
              return sum;
            };
          },
        },
        {
          id: 'soa',
          label: '`sum += x[i] + y[i]` over `Float64Array` fields',
          prepare: (n) => {
            const s = soa(n);
            return () => {
              let sum = 0;
              const { x, y } = s;
              for (let i = 0; i < x.length; i++) sum += x[i]! + y[i]!;
              return sum;
            };
          },
        },
        {
          id: 'interleaved',
          label: 'the same over one interleaved `Float64Array`',
          prepare: (n) => {
            const data = interleaved(n);
            return () => {
              let sum = 0;
              for (let i = 0; i < data.length; i += 4) sum += data[i]! + data[i + 1]!;
              return sum;
            };
          },
        },
      ],
    },
    {
      id: 'update-int',
      title: 'Small-integer fields: one update pass over `{ col, row }` grid cells',
      baseline: 'aos',
      sizes: SIZES,
      cases: [
        {
          id: 'aos',
          label: '`for (const c of cells) { c.col = (c.col + 1) & 1023; … }`',
          prepare: (n) => {
            const cells = Array.from({ length: n }, (_, i) => ({ col: i & 1023, row: i >> 10 }));
            return () => {
              for (const c of cells) {
                c.col = (c.col + 1) & 1023;
                c.row = (c.row + c.col) & 1023;
              }
              return cells.length;
            };
          },
        },
        {
          id: 'soa',
          label: 'the same over `Int32Array` fields',
          prepare: (n) => {
            const col = new Int32Array(n);
            const row = new Int32Array(n);
            for (let i = 0; i < n; i++) {
              col[i] = i & 1023;
              row[i] = i >> 10;
            }
            return () => {
              for (let i = 0; i < col.length; i++) {
                col[i] = (col[i]! + 1) & 1023;
                row[i] = (row[i]! + col[i]!) & 1023;
              }
              return col.length;
            };
          },
        },
      ],
    },
  ],
  figures: {
    updateSoa: (r) => ratioRange(Object.values(r.update!).map((row) => row.soa!.timeRatio)),
    reduceSoa: (r) => ratioRange(Object.values(r.reduce!).map((row) => row.soa!.timeRatio)),
    updateAosBytes1k: (r) => formatBytes(r.update!['1000']!.aos!.bytes),
    retainedAosPerItem: (r) => perItem(r, 'aos'),
    retainedSoaPerItem: (r) => perItem(r, 'soa'),
    intUpdateSoa: (r) => ratioRange(Object.values(r['update-int']!).map((row) => row.soa!.timeRatio)),
  },
});

function perItem(results: SuiteResults, caseId: string): string {
  const row = results.build!['1000000']![caseId]!;
  return `${Math.round((row.retainedBytes ?? 0) / 1_000_000)} B`;
}
