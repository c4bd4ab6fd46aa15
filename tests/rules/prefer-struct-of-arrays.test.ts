import type { InvalidTestCase } from '@typescript-eslint/rule-tester';

import type { MessageIds, Options } from '../../src/rules/prefer-struct-of-arrays.js';
import rule from '../../src/rules/prefer-struct-of-arrays.js';
import { createTypedRuleTester } from '../rule-tester.js';
import { RuleCases } from '../helpers/cases.js';

const ruleTester = createTypedRuleTester();
/** Report-only rule: every case also asserts that nothing is fixed. */
const cases = new RuleCases<MessageIds, Options>();

const PARTICLE = 'interface Particle { x: number; y: number; vx: number; vy: number }\n';

/** Reported once, at `declared` (the array's declaration), naming the type, fields and loops. */
function reported(
  name: string,
  code: string,
  declared: string,
  data: { fields: string; loops: string; type: string },
  options?: Options,
): InvalidTestCase<MessageIds, Options> {
  return cases.invalid({
    at: declared,
    code,
    data: {
      profile: '',
      ...data,
      name: declared,
    },
    messageId: 'preferStructOfArrays',
    name,
    options: options ?? [{}],
  });
}

ruleTester.run('prefer-struct-of-arrays', rule, {
  valid: [
    // A class with methods is not a plain record.
    'class P { x = 0; y = 0; move() { this.x++; } }\nfunction step(ps: P[]) { for (const p of ps) p.x += p.y; }',
    // Records mixing strings, arrays or nested objects.
    'interface U { id: number; name: string }\nfunction f(us: U[]) { let s = 0; for (const u of us) s += u.id; return s; }',
    'interface N { x: number; pos: { y: number } }\nfunction f(ns: N[]) { let s = 0; for (const n of ns) s += n.x; return s; }',
    // A union of shapes, optional (number | undefined) fields.
    'type S = { x: number; y: number } | { x: number; z: number };\nfunction f(ss: S[]) { let t = 0; for (const s of ss) t += s.x; return t; }',
    'interface O { x?: number; y: number }\nfunction f(os: O[]) { let t = 0; for (const o of os) t += o.y; return t; }',
    // Too few fields (default minFields 2).
    'interface W { w: number }\nfunction f(ws: W[]) { let t = 0; for (const w of ws) t += w.w; return t; }',
    // Tuples and small literal tables.
    'function f(pair: [{ x: number; y: number }, { x: number; y: number }]) { let t = 0; for (const p of pair) t += p.x; return t; }',
    'const CORNERS = [{ x: 0, y: 0 }, { x: 1, y: 0 }, { x: 1, y: 1 }, { x: 0, y: 1 }];\nfunction area() { let t = 0; for (const c of CORNERS) t += c.x * c.y; return t; }',
    // Iterated only at module level (startup).
    `${PARTICLE}declare const ps: Particle[];\nlet total = 0;\nfor (const p of ps) total += p.x;`,
    // Walked without touching its numeric fields.
    `${PARTICLE}function count(ps: Particle[]) { let n = 0; for (const p of ps) if (p) n++; return n; }`,
    // Already typed arrays.
    'function f(xs: Float64Array) { let t = 0; for (const x of xs) t += x; return t; }',
    // minFields raised above the shape's field count.
    { code: `${PARTICLE}function f(ps: Particle[]) { for (const p of ps) p.x += p.vx; }`, options: [{ minFields: 5 }] },
  ],
  invalid: [
    reported(
      'an interface parameter walked by for…of',
      `${PARTICLE}function step(particles: Particle[], dt: number) {\n  for (const p of particles) {\n    p.x += p.vx * dt;\n    p.y += p.vy * dt;\n  }\n}`,
      'particles',
      { fields: '`x`, `y`, `vx`, `vy`', loops: '`for…of` loop at line 3', type: 'Particle' },
    ),
    reported(
      'a type alias, built by a push loop, walked by an index loop and a forEach',
      'type Boid = { x: number; y: number; heading: number };\nfunction flock(n: number) {\n  const boids: Boid[] = [];\n  for (let i = 0; i < n; i++) boids.push({ heading: i, x: i, y: i });\n  for (let i = 0; i < boids.length; i++) boids[i]!.heading += boids[i]!.x;\n  boids.forEach((b) => { b.y += 1; });\n  return boids;\n}',
      'boids',
      { fields: '`x`, `y`, `heading`', loops: '`for` loop at line 5 and `forEach()` callback at line 6', type: 'Boid' },
    ),
    reported(
      'an inline type in a ReadonlyArray, walked by reduce',
      'function total(cells: ReadonlyArray<{ heat: number; decay: number }>) {\n  return cells.reduce((sum, c) => sum + c.heat * c.decay, 0);\n}',
      'cells',
      { fields: '`heat`, `decay`', loops: '`reduce()` callback at line 2', type: '{ heat, decay }' },
    ),
    reported(
      'a class field holding records, built with map',
      `${PARTICLE}class World {\n  particles: Particle[] = [1, 2, 3].map((i) => ({ vx: i, vy: i, x: 0, y: 0 }));\n  tick() { for (const p of this.particles) p.x += p.vx; }\n}`,
      'particles',
      { fields: '`x`, `y`, `vx`, `vy`', loops: '`for…of` loop at line 4', type: 'Particle' },
    ),
    reported(
      'destructuring in the loop head reads the fields',
      `${PARTICLE}function energy(ps: Particle[]) { let e = 0; for (const { vx, vy } of ps) e += vx * vx + vy * vy; return e; }`,
      'ps',
      { fields: '`x`, `y`, `vx`, `vy`', loops: '`for…of` loop at line 2', type: 'Particle' },
    ),
    reported(
      'allowNonNumeric tolerates a label field',
      'interface Tagged { x: number; y: number; label: string }\nfunction f(ts: Tagged[]) { let s = 0; for (const t of ts) s += t.x; return s; }',
      'ts',
      { fields: '`x`, `y`', loops: '`for…of` loop at line 2', type: 'Tagged' },
      [{ allowNonNumeric: 1 }],
    ),
  ],
});
