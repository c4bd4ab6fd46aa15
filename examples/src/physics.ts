// A geometry/physics step over many particles, run every frame.
export interface Particle {
  x: number;
  y: number;
  vx: number;
  vy: number;
}

export function spawn(count: number): Particle[] {
  const particles: Particle[] = [];
  for (let i = 0; i < count; i++) {
    particles.push({ vx: Math.cos(i), vy: Math.sin(i), x: 0, y: 0 });
  }
  return particles;
}

export function step(particles: Particle[], dt: number): number {
  let energy = 0;
  for (const p of particles) {
    p.x += p.vx * dt;
    p.y += p.vy * dt;
    energy += p.vx * p.vx + p.vy * p.vy;
  }
  return energy / 2;
}

export function trace(particles: readonly Particle[]): string {
  let out = '';
  for (const p of particles) out += `${p.x.toFixed(1)},${p.y.toFixed(1)};`;
  return out;
}
