/** Amounts as people read them: bytes, durations, shares. The one formatter of each, used by messages, the CLI and the benchmarks. */
/** `1536` → `1.50 KiB`: bytes in binary units, three significant digits. */
export function formatBytes(bytes: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${unit === 0 ? value.toFixed(0) : significant(value)} ${units[unit]}`;
}

/** Microseconds as `850 µs`, `12.3 ms` or `1.20 s`. */
export function formatMicroseconds(microseconds: number): string {
  if (microseconds < 1000) return `${microseconds.toFixed(0)} µs`;
  if (microseconds < 1_000_000) return `${significant(microseconds / 1000)} ms`;
  return `${significant(microseconds / 1_000_000)} s`;
}

/** `0.4123` → `41.2%`. */
export function formatShare(share: number): string {
  return `${(share * 100).toFixed(1)}%`;
}

/** Three significant digits without exponent notation: `1000` → `1000`, `12.345` → `12.3`. */
function significant(value: number): string {
  return value >= 100 ? value.toFixed(0) : value >= 10 ? value.toFixed(1) : value.toFixed(2);
}
