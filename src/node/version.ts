/** The package version, read from package.json (found upward from this file, in src/ or dist/src/ or the dist/bin bundle): the `tool.version` of the reports. */
import { readFileSync } from 'node:fs';

let cached: string | null = null;

export function toolVersion(): string {
  if (cached) return cached;
  for (const up of ['../../package.json', '../../../package.json']) {
    try {
      const pkg = JSON.parse(readFileSync(new URL(up, import.meta.url), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'jxlint' && pkg.version) return (cached = pkg.version);
    } catch {
      // try the next level
    }
  }
  return (cached = '0.0.0');
}
