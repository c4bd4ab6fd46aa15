import { constants } from 'node:buffer';
import { mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';

import { ProfileError } from '../../src/profile/format.js';
import { DEFAULT_MAX_BYTES, UnreadableProfileError, readProfileFile } from '../../src/profile/read.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'alloc-read-'));
afterAll(() => rmSync(dir, { force: true, recursive: true }));

const OPTIONS = { limitName: '--max-bytes', maxBytes: DEFAULT_MAX_BYTES };
const PROFILE = JSON.stringify({
  head: { callFrame: { columnNumber: -1, functionName: '(root)', lineNumber: -1, url: '' }, children: [{ callFrame: { columnNumber: 4, functionName: 'f', lineNumber: 1, url: 'file:///app/a.js' }, children: [], id: 2, selfSize: 64 }], id: 1, selfSize: 0 },
  samples: [],
});

function file(name: string, content: string | Buffer): string {
  const at = path.join(dir, name);
  writeFileSync(at, content);
  return at;
}

/** The error `readProfileFile` throws for `at`. */
function problem(at: string, options = OPTIONS): ProfileError {
  try {
    readProfileFile(at, options);
  } catch (error) {
    if (error instanceof ProfileError) return error;
    throw error;
  }
  throw new Error(`${at} was read without a problem`);
}

describe('readProfileFile: what is wrong with each kind of bad file', () => {
  it('a profile reads', () => {
    expect(readProfileFile(file('good.heapprofile', PROFILE), OPTIONS)).toMatchObject({ functions: [{ self: 64 }], kind: 'heap', total: 64 });
  });

  it('missing: cannot be read, with the system error code', () => {
    const error = problem(path.join(dir, 'nowhere.heapprofile'));
    expect(error).toBeInstanceOf(UnreadableProfileError);
    expect(error.message).toBe(`cannot read ${path.join(dir, 'nowhere.heapprofile')} (ENOENT)`);
    expect((error as UnreadableProfileError).code).toBe('ENOENT');
  });

  it('a directory', () => {
    expect(problem(dir).message).toBe(`${dir} is not usable: it is a directory`);
  });

  it('not a regular file (a device, which could block the lint)', () => {
    expect(problem('/dev/zero').message).toBe('/dev/zero is not usable: it is not a regular file');
  });

  it('empty', () => {
    expect(problem(file('empty.heapprofile', '')).message).toBe(`${path.join(dir, 'empty.heapprofile')} is not usable: it is empty (0 bytes)`);
  });

  it('plain text: not JSON (not "truncated")', () => {
    const at = file('notes.heapprofile', 'Profile of the 2 December run\nsee below');
    expect(problem(at).message).toBe(`${at} is not usable: it is not JSON (it starts with "Profile of the 2 December run")`);
  });

  it('gzip-compressed', () => {
    const at = file('alloc.heapprofile.gz', gzipSync(PROFILE));
    expect(problem(at).message).toBe(`${at} is not usable: it is gzip-compressed (decompress it first)`);
  });

  it('JSON, but no heap or CPU profile', () => {
    const at = file('package.json', '{ "name": "app" }\n');
    expect(problem(at).message).toBe(`${at} is not usable: it is JSON but neither a V8 heap profile (\`{ head, samples }\`, a .heapprofile) nor a CPU profile (\`{ nodes, samples, timeDeltas }\`, a .cpuprofile)`);
  });

  it('truncated JSON', () => {
    const at = file('cut.heapprofile', PROFILE.slice(0, 120));
    expect(problem(at).message).toBe(`${at} is not usable: it is truncated (its JSON stops after 120 bytes with brackets still open), as if writing it was interrupted`);
  });

  it('too big: refused from its size, before it is read (a 635 MiB file, as in the report)', () => {
    const at = file('huge.cpuprofile', '{"nodes":[');
    // Sparse: no disk space used. Reading it whole would fail on V8's longest string instead.
    truncateSync(at, 635 * 1024 * 1024);
    expect(problem(at).message).toBe(`${at} is not usable: it is 635 MiB, over the 256 MiB limit (--max-bytes)`);
    expect(problem(at, { limitName: 'settings.alloc.profileMaxBytes', maxBytes: 1024 }).message).toBe(`${at} is not usable: it is 635 MiB, over the 1.00 KiB limit (settings.alloc.profileMaxBytes)`);
  });

  it('a limit raised past the longest string Node.js can hold: still refused before reading, saying why', () => {
    const at = file('huge.heapprofile', '{"head":');
    truncateSync(at, constants.MAX_STRING_LENGTH + 1);
    expect(problem(at, { limitName: '--max-bytes', maxBytes: 2 ** 40 }).message).toBe(
      `${at} is not usable: it is ${constants.MAX_STRING_LENGTH + 1} bytes, more than Node.js can hold in one string (${constants.MAX_STRING_LENGTH} characters)`,
    );
  });
});
