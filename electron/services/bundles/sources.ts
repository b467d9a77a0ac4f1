import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../../../shared/errors';
import { readRegularFile, sha256 } from '../files';
import { BUNDLE_LIMITS, joinParts, partInfo } from './format';

/** A bundle as found on disk: one file, or the parts that make it. */
export interface Source {
  readonly files: readonly string[];
  readonly bytes: Buffer | null;
  readonly error: AppError | null;
}

export const errorOf = (e: unknown) => (e instanceof AppError ? e : new AppError('VALIDATION', 'bundles.damaged'));

/** The bundle files named: files as given, folders by their `.mlpaket` files; parts joined by what they contain. */
function gather(paths: readonly string[]): Source[] {
  const files: string[] = [];
  const sources: Source[] = [];
  for (const p of paths) {
    try {
      const st = statSync(p);
      if (st.isDirectory())
        files.push(
          ...readdirSync(p)
            .filter((n) => n.toLowerCase().endsWith('.mlpaket'))
            .sort()
            .map((n) => join(p, n)),
        );
      else files.push(p);
    } catch {
      sources.push({ files: [p], bytes: null, error: new AppError('VALIDATION', 'bundles.fileNotFound') });
    }
  }
  const parts = new Map<string, { files: string[]; bytes: Buffer[] }>();
  for (const f of new Set(files)) {
    try {
      const bytes = readRegularFile(f, BUNDLE_LIMITS.maxTotalBytes, (key) => new AppError('VALIDATION', `bundles.${key}`));
      const part = partInfo(bytes);
      if (!part) {
        sources.push({ files: [f], bytes, error: null });
        continue;
      }
      const group = parts.get(part.whole) ?? { files: [], bytes: [] };
      group.files.push(f);
      group.bytes.push(bytes);
      parts.set(part.whole, group);
    } catch (e) {
      sources.push({ files: [f], bytes: null, error: errorOf(e) });
    }
  }
  for (const g of parts.values()) {
    try {
      sources.push({ files: g.files, bytes: joinParts(g.bytes), error: null });
    } catch (e) {
      sources.push({ files: g.files, bytes: null, error: errorOf(e) });
    }
  }
  return sources;
}

/**
 * The same bundle picked twice (a "paket (1).mlpaket" copy beside the original, or the file and its
 * folder) is one bundle: its files are listed together and it is checked and received once.
 */
function distinct(sources: readonly Source[]): Source[] {
  const out: Source[] = [];
  const index = new Map<string, number>();
  for (const s of sources) {
    const sha = s.bytes ? sha256(s.bytes) : null;
    const at = sha === null ? undefined : index.get(sha);
    if (at === undefined) {
      if (sha !== null) index.set(sha, out.length);
      out.push(s);
    } else {
      const first = out[at]!;
      out[at] = { ...first, files: [...first.files, ...s.files.filter((f) => !first.files.includes(f))] };
    }
  }
  return out;
}

/** The bundles the officer picked (files, parts, folders), read from disk once each, every bundle once. */
export const bundleSources = (paths: readonly string[]): Source[] => distinct(gather(paths));
