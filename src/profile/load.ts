/**
 * `settings.alloc.profile`: the profiles a lint run reads, parsed once per thread and path
 * (cached by path, size and mtime, so a re-recorded profile is read again and each `--concurrency`
 * worker has its own copy), with every function located in the source and marked hot or not.
 */
import { statSync } from 'node:fs';
import path from 'node:path';
import { inspect } from 'node:util';

import { claimOnce } from '../util/once.js';
import { formatBytes } from '../util/units.js';
import { type Profile, ProfileError, type ProfileKind, isTopLevel } from './format.js';
import { type SourceLocation, SourceLocator } from './locate.js';
import { isOwnSource } from './paths.js';
import { DEFAULT_MAX_BYTES, UnreadableProfileError, readProfileFile } from './read.js';

export interface ProfiledFunction {
  /** V8's name for the function (`''` for an anonymous one). */
  name: string;
  location: SourceLocation;
  self: number;
  cumulative: number;
  /** `self` as a share of everything the profile sampled. */
  share: number;
  /** Above `settings.alloc.profileThreshold`. */
  hot: boolean;
  profile: LoadedProfile;
}

export interface LoadedProfile {
  /** Absolute path. */
  path: string;
  /** The file name, as messages quote it. */
  label: string;
  kind: ProfileKind;
  total: number;
  functions: ProfiledFunction[];
  /** Located functions by absolute source path. */
  byFile: Map<string, ProfiledFunction[]>;
}

export interface ProfileSettings {
  paths: string[];
  /** A share (0–1] a function's self cost must reach to be hot; `null`: the 80% rule. */
  threshold: number | null;
  /** Profile files larger than this are refused before they are read. */
  maxBytes: number;
}

/** The default hot set: the fewest functions that together account for this share of the attributed cost. */
export const DEFAULT_COVERAGE = 0.8;

/** Reads `settings.alloc.profile`, `profileThreshold` and `profileMaxBytes`; invalid values are reported once and ignored. */
export function readProfileSettings(settings: Readonly<Record<string, unknown>>, cwd: string): ProfileSettings | null {
  const alloc = settings.alloc as { profile?: unknown; profileMaxBytes?: unknown; profileThreshold?: unknown } | undefined;
  if (alloc?.profile === undefined) return null;
  const raw = Array.isArray(alloc.profile) ? alloc.profile : [alloc.profile];
  const paths: string[] = [];
  for (const entry of raw) {
    if (typeof entry === 'string' && entry !== '') {
      // The same file twice would count its figures twice.
      const resolved = path.resolve(cwd, entry);
      if (!paths.includes(resolved)) paths.push(resolved);
    }
    else warnOnce(`settings.alloc.profile: expected a path or an array of paths to .heapprofile/.cpuprofile files, got ${inspect(entry)}; ignored.`);
  }
  let threshold: number | null = null;
  const value = alloc.profileThreshold;
  if (value !== undefined) {
    if (typeof value === 'number' && value > 0 && value <= 1) threshold = value;
    else warnOnce(`settings.alloc.profileThreshold: expected a share between 0 (exclusive) and 1, such as 0.05 for 5%, got ${inspect(value)}; using the default (the functions that make up ${DEFAULT_COVERAGE * 100}% of the profile).`);
  }
  let maxBytes = DEFAULT_MAX_BYTES;
  const limit = alloc.profileMaxBytes;
  if (limit !== undefined) {
    if (typeof limit === 'number' && Number.isSafeInteger(limit) && limit > 0) maxBytes = limit;
    else warnOnce(`settings.alloc.profileMaxBytes: expected a whole number of bytes, such as ${2 * DEFAULT_MAX_BYTES} for ${formatBytes(2 * DEFAULT_MAX_BYTES)}, got ${inspect(limit)}; using the default (${formatBytes(DEFAULT_MAX_BYTES)}).`);
  }
  return paths.length === 0 ? null : { maxBytes, paths, threshold };
}

const cache = new Map<string, LoadedProfile | null>();

/** The profile at `file` (absolute), or `null` after one warning if it cannot be used. */
export function loadProfile(file: string, threshold: number | null, cwd: string, maxBytes = DEFAULT_MAX_BYTES): LoadedProfile | null {
  let stats;
  try {
    stats = statSync(file);
  } catch {
    // readProfileFile says why.
  }
  const key = stats ? `${file}\0${stats.size}\0${stats.mtimeMs}\0${threshold}\0${cwd}\0${maxBytes}` : null;
  if (key !== null && cache.has(key)) return cache.get(key)!;
  let loaded: LoadedProfile | null = null;
  try {
    loaded = locateProfile(file, readProfileFile(file, { limitName: 'settings.alloc.profileMaxBytes', maxBytes, ...(stats ? { stats } : {}) }), threshold);
    checkBelongsHere(loaded, cwd);
  } catch (error) {
    if (!(error instanceof ProfileError)) throw error;
    const missing = error instanceof UnreadableProfileError && error.code === 'ENOENT';
    warnOnce(
      `settings.alloc.profile: ${error.message}${missing ? '. Record one with `npx alloc-profile record -- node <your program>`; profile-guided hot paths are off until then' : ''}.`,
    );
  }
  if (key !== null) cache.set(key, loaded);
  return loaded;
}

/** Locates every function of a parsed profile and marks the hot ones. */
export function locateProfile(file: string, profile: Profile, threshold: number | null): LoadedProfile {
  const locator = new SourceLocator();
  const loaded: LoadedProfile = {
    byFile: new Map(),
    functions: [],
    kind: profile.kind,
    label: path.basename(file),
    path: file,
    total: profile.total,
  };
  const hot = hotSet(profile, threshold);
  for (const fn of profile.functions) {
    // Module top-level code runs once; it is no function a lint finding can sit in.
    if (isTopLevel(fn.frame)) continue;
    const location = locator.locate(fn.frame);
    if (!location) continue;
    const located: ProfiledFunction = {
      cumulative: fn.cumulative,
      hot: hot.has(fn),
      location,
      name: fn.frame.functionName,
      profile: loaded,
      self: fn.self,
      share: profile.total > 0 ? fn.self / profile.total : 0,
    };
    loaded.functions.push(located);
    const list = loaded.byFile.get(location.file);
    if (list) list.push(located);
    else loaded.byFile.set(location.file, [located]);
  }
  return loaded;
}

function hotSet(profile: Profile, threshold: number | null): Set<Profile['functions'][number]> {
  const hot = new Set<Profile['functions'][number]>();
  if (profile.total <= 0) return hot;
  if (threshold !== null) {
    for (const fn of profile.functions) if (fn.self / profile.total >= threshold) hot.add(fn);
    return hot;
  }
  // `functions` is sorted by self cost: take the heaviest until they cover the share.
  const attributed = profile.functions.reduce((sum, fn) => sum + fn.self, 0);
  let covered = 0;
  for (const fn of profile.functions) {
    if (covered >= DEFAULT_COVERAGE * attributed || fn.self === 0) break;
    hot.add(fn);
    covered += fn.self;
  }
  return hot;
}

/** A profile none of whose functions is in this code base was recorded elsewhere: say so once. */
function checkBelongsHere(profile: LoadedProfile, cwd: string): void {
  if (profile.functions.some((fn) => isOwnSource(cwd, fn.location.file))) return;
  if (profile.functions.length === 0) {
    warnOnce(
      `settings.alloc.profile: ${profile.path} has no function of a program's code in it — an empty recording, or one from \`node --heap-prof\`, which keeps only what was still alive at exit (record with \`npx alloc-profile record\`). It marks nothing hot.`,
    );
    return;
  }
  const example = profile.functions.find((fn) => !fn.location.file.includes(`${path.sep}node_modules${path.sep}`)) ?? profile.functions[0];
  warnOnce(
    `settings.alloc.profile: none of the ${profile.functions.length} functions in ${profile.path} is in a source file under ${cwd}${example ? ` (it has e.g. ${example.location.file})` : ''} — was it recorded from another code base or checkout? It marks nothing hot here.`,
  );
}

/** Configuration problems are printed once per run, also across `--concurrency` worker threads (src/util/once.ts). */
export function warnOnce(message: string): void {
  if (claimOnce(`warn\0${message}`)) console.warn(`eslint-plugin-alloc: ${message}`);
}
