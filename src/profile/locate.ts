/**
 * Where a profiled function is in the source: the script V8 ran (`callFrame.url`), mapped back
 * through its source map when there is one — the `originalUrl` that `alloc-profile record` took from
 * the running process (tsx, `--enable-source-maps`), or a `//# sourceMappingURL=` next to compiled
 * JavaScript on disk (`dist/*.js` + `.map`, or an inline `data:` map). Node's own `module.SourceMap`
 * decodes the mappings.
 */
import { readFileSync } from 'node:fs';
import { SourceMap, type SourceMapPayload } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

import type { CallFrame } from './format.js';

export interface SourceLocation {
  /** Absolute path of the source file. */
  file: string;
  /** 1-based, like ESLint's `loc`. */
  line: number;
  /** 0-based, like ESLint's `loc`. */
  column: number;
  /** The location came through a source map. */
  mapped: boolean;
}

interface LoadedMap {
  map: SourceMap;
  /** The map's file as a URL, for resolving `sources`. */
  base: URL;
  sourceRoot: string;
}

const SOURCE_MAPPING_URL = /\/\/[#@] sourceMappingURL=(\S+)\s*$/u;
const URL_SCHEME = /^[a-z][a-z0-9+.-]*:/iu;

/** The last `//# sourceMappingURL=` comment, when it ends the script (ECMA-426). Inline maps can be megabytes long. */
function sourceMappingUrl(text: string): string | undefined {
  const start = Math.max(text.lastIndexOf('//# sourceMappingURL='), text.lastIndexOf('//@ sourceMappingURL='));
  return start === -1 ? undefined : SOURCE_MAPPING_URL.exec(text.slice(start))?.[1];
}

/** One per profile load: caches each script's source map. */
export class SourceLocator {
  readonly #maps = new Map<string, LoadedMap | null>();

  locate(frame: CallFrame): SourceLocation | null {
    if (frame.originalUrl !== undefined && typeof frame.originalLineNumber === 'number' && typeof frame.originalColumnNumber === 'number') {
      const file = toPath(frame.originalUrl);
      return file === null ? null : { column: frame.originalColumnNumber, file, line: frame.originalLineNumber + 1, mapped: true };
    }
    const file = toPath(frame.url);
    if (file === null) return null;
    const loaded = this.#mapFor(file);
    if (loaded) {
      const entry = loaded.map.findEntry(frame.lineNumber, frame.columnNumber) as Partial<{
        originalColumn: number;
        originalLine: number;
        originalSource: string;
      }>;
      if (typeof entry.originalSource === 'string' && typeof entry.originalLine === 'number') {
        const source = resolveSource(loaded.sourceRoot + entry.originalSource, loaded.base);
        if (source !== null) return { column: entry.originalColumn ?? 0, file: source, line: entry.originalLine + 1, mapped: true };
      }
    }
    return { column: frame.columnNumber, file, line: frame.lineNumber + 1, mapped: false };
  }

  #mapFor(file: string): LoadedMap | null {
    let loaded = this.#maps.get(file);
    if (loaded === undefined) {
      loaded = readMap(file);
      this.#maps.set(file, loaded);
    }
    return loaded;
  }
}

function readMap(file: string): LoadedMap | null {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return null;
  }
  const reference = sourceMappingUrl(text);
  if (!reference) return null;
  try {
    let payload: SourceMapPayload;
    let base: URL;
    if (reference.startsWith('data:')) {
      const comma = reference.indexOf(',');
      const data = reference.slice(comma + 1);
      payload = JSON.parse(reference.slice(0, comma).endsWith(';base64') ? Buffer.from(data, 'base64').toString('utf8') : decodeURIComponent(data));
      base = pathToFileURL(file);
    } else {
      // Usually a plain relative path (`app.js.map`, which may contain `#`), sometimes a URL.
      base = URL_SCHEME.test(reference) ? new URL(reference) : pathToFileURL(path.resolve(path.dirname(file), reference));
      payload = JSON.parse(readFileSync(base, 'utf8'));
    }
    const sourceRoot = typeof payload.sourceRoot === 'string' && payload.sourceRoot !== '' ? payload.sourceRoot.replace(/\/?$/u, '/') : '';
    return { base, map: new SourceMap(payload), sourceRoot };
  } catch {
    // A missing or malformed map: the compiled file's own positions are all there is.
    return null;
  }
}

/**
 * A map's `sources` entry as a path. They are URLs by the spec, but compilers write file names as
 * they are (tsc keeps a `#` in `a#b.ts`), so one without a scheme is taken as a relative path.
 */
function resolveSource(source: string, base: URL): string | null {
  if (URL_SCHEME.test(source) || base.protocol !== 'file:') return toPath(new URL(source, base).href);
  return path.resolve(path.dirname(fileURLToPath(base)), source);
}

/** `file:///x.js` and `/x.js` (CommonJS) name files; `node:…`, `http:…` and `''` do not. */
function toPath(url: string): string | null {
  if (url.startsWith('file:')) {
    try {
      return fileURLToPath(url);
    } catch {
      return null;
    }
  }
  return path.isAbsolute(url) ? url : null;
}
