/**
 * What the lint needs from the profile reader. Loaded on first use by src/analysis/profile.ts, so a
 * lint without `settings.alloc.profile` never loads or evaluates any of it.
 */
export { loadProfile, readProfileSettings, warnOnce } from './load.js';
export type { LoadedProfile, ProfiledFunction } from './load.js';
export { profileNote } from './figure.js';
export type { Figure } from './figure.js';
