/**
 * A profile file from disk, for the lint (`settings.alloc.profile`) and `alloc-profile top`, with
 * one sentence for each way a file can be unusable: missing or unreadable, a directory, empty, over
 * the size limit, not JSON at all, truncated JSON, broken JSON, or JSON that is no V8 profile.
 *
 * Not streamed: ESLint runs rules synchronously, so the lint can only read synchronously; Node.js
 * has no incremental JSON parser; and adding up the costs needs the whole call tree in memory
 * anyway (a CPU profile's `samples` and `timeDeltas` come after its `nodes`). What a stream would
 * save is holding the text, and the size limit bounds that. So the file is `stat`ed first and one
 * over the limit is refused before anything is read; its first bytes are read on their own, so a
 * file that is no JSON is refused without reading the rest; only then is the whole text parsed.
 */
import { constants } from 'node:buffer';
import { type Stats, closeSync, openSync, readFileSync, readSync, statSync } from 'node:fs';

import { formatBytes } from '../util/units.js';
import { type Profile, ProfileError, notJson, parseProfile } from './format.js';

/** The default size limit: `settings.alloc.profileMaxBytes` and `alloc-profile top --max-bytes`. */
export const DEFAULT_MAX_BYTES = 256 * 1024 * 1024;

/** A profile file that cannot be opened or read; `code` is the system error code (`ENOENT`, `EACCES`). */
export class UnreadableProfileError extends ProfileError {
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
  }
}

export interface ReadOptions {
  /** Files larger than this many bytes are refused before they are read. */
  maxBytes: number;
  /** Where the limit is set, for the message: `settings.alloc.profileMaxBytes`, `--max-bytes`. */
  limitName: string;
  /** The file's `stat`, when the caller has it. */
  stats?: Stats;
}

/** Bytes read on their own first: enough to see how the file starts. */
const HEAD_BYTES = 64;

/**
 * The profile in `file` (an absolute path). Throws `UnreadableProfileError` when it cannot be read,
 * and `ProfileError` saying `<file> is not usable: <why>` when it is no usable profile.
 */
export function readProfileFile(file: string, { limitName, maxBytes, stats: known }: ReadOptions): Profile {
  const unusable = (why: string): ProfileError => new ProfileError(`${file} is not usable: ${why}`);
  let stats: Stats;
  try {
    stats = known ?? statSync(file);
  } catch (error) {
    throw unreadable(file, error);
  }
  if (stats.isDirectory()) throw unusable('it is a directory');
  // A FIFO or a device could block the lint forever.
  if (!stats.isFile()) throw unusable('it is not a regular file');
  if (stats.size === 0) throw unusable('it is empty (0 bytes)');
  if (stats.size > maxBytes) throw unusable(`it is ${formatBytes(stats.size)}, over the ${formatBytes(maxBytes)} limit (${limitName})`);
  if (stats.size > constants.MAX_STRING_LENGTH) {
    throw unusable(`it is ${stats.size} bytes, more than Node.js can hold in one string (${constants.MAX_STRING_LENGTH} characters)`);
  }
  const head = Buffer.alloc(Math.min(HEAD_BYTES, stats.size));
  try {
    const fd = openSync(file, 'r');
    try {
      readSync(fd, head, 0, head.length, 0);
    } finally {
      closeSync(fd);
    }
  } catch (error) {
    throw unreadable(file, error);
  }
  if (head[0] === 0x1f && head[1] === 0x8b) throw unusable('it is gzip-compressed (decompress it first)');
  const start = head.toString('utf8').replace(/^[\s\uFEFF]+/u, '');
  // Every JSON text starts with one of these; this one is not JSON, whatever follows.
  if (start !== '' && !/^[[{"\-\d]|^(?:t|f|n)/u.test(start)) throw unusable(notJson(start));
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw unreadable(file, error);
  }
  try {
    return parseProfile(text);
  } catch (error) {
    if (error instanceof ProfileError) throw unusable(error.message);
    throw error;
  }
}

function unreadable(file: string, error: unknown): UnreadableProfileError {
  const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
  return new UnreadableProfileError(`cannot read ${file} (${code})`, code);
}
