import { mkdtempSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

import { profileConfig } from '../src/index.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'alloc-profile-config-'));
afterAll(() => rmSync(dir, { force: true, recursive: true }));

describe('profileConfig()', () => {
  it('puts the settings in settings.alloc, each profile made absolute and stamped with its size and modification time', () => {
    const file = path.join(dir, 'alloc.heapprofile');
    writeFileSync(file, '{"head":{}}');
    const { mtimeMs } = statSync(file);
    expect(profileConfig({ profile: file, profileMaxBytes: 1000, profileThreshold: 0.05 })).toEqual({
      name: 'alloc/profile',
      settings: { alloc: { profile: file, profileMaxBytes: 1000, profileStamp: { [file]: { mtimeMs, size: 11 } }, profileThreshold: 0.05 } },
    });
  });

  it('resolves relative paths against the working directory; a missing profile is stamped null', () => {
    expect(profileConfig({ profile: ['a.heapprofile', path.join(dir, 'b.cpuprofile')] }).settings).toEqual({
      alloc: {
        profile: [path.resolve('a.heapprofile'), path.join(dir, 'b.cpuprofile')],
        profileStamp: { [path.resolve('a.heapprofile')]: null, [path.join(dir, 'b.cpuprofile')]: null },
      },
    });
  });

  it('a profile recorded again gives another config (what ESLint\'s cache compares)', () => {
    const file = path.join(dir, 'again.heapprofile');
    writeFileSync(file, '{"head":{},"samples":[]}');
    utimesSync(file, new Date('2026-12-01T10:00:00Z'), new Date('2026-12-01T10:00:00Z'));
    const before = JSON.stringify(profileConfig({ profile: file }));
    expect(JSON.stringify(profileConfig({ profile: file }))).toBe(before);
    // The same size, written later.
    writeFileSync(file, '{"head":{},"samples":[1]}'.slice(0, 24));
    utimesSync(file, new Date('2026-12-01T10:05:00Z'), new Date('2026-12-01T10:05:00Z'));
    expect(JSON.stringify(profileConfig({ profile: file }))).not.toBe(before);
  });
});
