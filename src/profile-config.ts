/**
 * `profileConfig()`: the config object for profile-guided linting, `settings.alloc` with the
 * profile's identity in it. ESLint's `--cache` keeps a file's results while the file and the config
 * it was linted with stay the same; the profile is neither, so after it is recorded again the cache
 * would serve findings from the old one. With the size and modification time of each profile file
 * in `settings.alloc.profileStamp` (what ESLint's default cache strategy compares for source files),
 * a new profile is a new config, and every file is linted again.
 *
 * Part of the plugin's entry, so it only `stat`s: the profile reader loads when a lint needs it.
 */
import { statSync } from 'node:fs';
import path from 'node:path';

import type { Linter } from 'eslint';

/** `settings.alloc` for profile-guided linting (docs/profile-guided.md). */
export interface ProfileSettings {
  /** A `.heapprofile` or `.cpuprofile` file, or several. A relative path is resolved against the working directory. */
  profile: string | readonly string[];
  /** A share between 0 (exclusive) and 1 that a function's self cost must reach to be hot. */
  profileThreshold?: number;
  /** Profile files larger than this many bytes are refused before they are read. */
  profileMaxBytes?: number;
}

/** What `profileStamp` holds for each profile: its size and modification time, or `null` when it cannot be `stat`ed. */
export type ProfileStamp = { mtimeMs: number; size: number } | null;

/**
 * `{ settings: { alloc: { profile, …, profileStamp } } }`, with each profile path made absolute
 * (against `process.cwd()`, ESLint's working directory when run from the command line).
 */
export function profileConfig(settings: ProfileSettings): Linter.Config {
  const resolve = (file: string): string => (typeof file === 'string' && file !== '' ? path.resolve(file) : file);
  const profile = typeof settings.profile === 'string' ? resolve(settings.profile) : Array.isArray(settings.profile) ? settings.profile.map(resolve) : settings.profile;
  const files = (Array.isArray(profile) ? profile : [profile]).filter((file): file is string => typeof file === 'string' && file !== '');
  const profileStamp: Record<string, ProfileStamp> = {};
  for (const file of files) profileStamp[file] = stampOf(file);
  return { name: 'alloc/profile', settings: { alloc: { ...settings, profile, profileStamp } } };
}

function stampOf(file: string): ProfileStamp {
  try {
    const { mtimeMs, size } = statSync(file);
    return { mtimeMs, size };
  } catch {
    return null;
  }
}
