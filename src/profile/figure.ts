/**
 * The profile figure a finding carries, in one place: the text each report in a measured function
 * ends with (src/analysis/profile.ts writes it) and its reading back (the ranking formatter). ESLint
 * hands a formatter only each message's text, also from `--concurrency` workers, so the text is the
 * channel; the two directions live together here and are tested as a round trip.
 */
import { formatBytes, formatMicroseconds, formatShare } from '../util/units.js';

export interface Figure {
  kind: 'cpu' | 'heap';
  /** Bytes (heap) or microseconds (CPU) measured in the function itself. */
  self: number;
  /** Of the profile's total, 0–1. */
  share: number;
  /** The profile file as the user named it. */
  label: string;
}

/** "allocates 312 MiB (41.2%) in alloc.heapprofile" / "spends 1.20 s (30.1%) of CPU time in app.cpuprofile". */
export function figureText({ kind, label, self, share }: Figure): string {
  return kind === 'heap'
    ? `allocates ${formatBytes(self)} (${formatShare(share)}) in ${label}`
    : `spends ${formatMicroseconds(self)} (${formatShare(share)}) of CPU time in ${label}`;
}

/** `" Profile: `render` allocates 312 MiB (41.2%) in alloc.heapprofile."`: what a report's message ends with. */
export function profileNote(functionLabel: string, figures: readonly Figure[]): string {
  return ` Profile: ${functionLabel} ${figures.map(figureText).join('; ')}.`;
}

export interface ReadNote {
  /** The message without its note. */
  text: string;
  /** `` `render` `` or `the anonymous function at line 12`. */
  functionLabel: string;
  /** The first figure's text, as printed. */
  figure: string;
  /** The first figure's share in percent, as printed. */
  percent: number;
  /** The first figure's amount in bytes or microseconds, to the printed precision. */
  amount: number;
}

const NOTE = / Profile: (`[^`]+`|the anonymous function at line \d+) ((?:allocates|spends) .+?\((\d+(?:\.\d+)?)%\)(?: of CPU time)? in .+)\.$/u;
const AMOUNT = /^(?:allocates|spends) ([\d.]+) (\S+)/u;
const UNITS: Readonly<Record<string, number>> = { B: 1, GiB: 1024 ** 3, KiB: 1024, MiB: 1024 ** 2, TiB: 1024 ** 4, ms: 1000, s: 1_000_000, µs: 1 };

/** The note `profileNote` wrote at the end of `message`, or `null` for a finding outside measured code. */
export function readProfileNote(message: string): ReadNote | null {
  const match = NOTE.exec(message);
  if (!match) return null;
  const [suffix, functionLabel, figure, percent] = match as unknown as [string, string, string, string];
  const [, value, unit] = AMOUNT.exec(figure) ?? [];
  return {
    amount: Number(value) * (UNITS[unit ?? ''] ?? 0) || 0,
    figure,
    functionLabel,
    percent: Number(percent),
    text: message.slice(0, -suffix.length),
  };
}
