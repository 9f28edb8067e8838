/**
 * Debian's Chromium for the end-to-end tests (playwright-core with executablePath; nothing is
 * downloaded). Locally a missing chromium skips the suite with a reason; under CI it fails.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

function findChromium(): string | null {
  for (const name of ['chromium', 'chromium-browser']) {
    try {
      const path = execFileSync('which', [name], { encoding: 'utf8' }).trim();
      if (path && existsSync(path)) return path;
    } catch {
      // not on PATH
    }
  }
  return null;
}

export const chromiumPath = findChromium();
export const inCi = !!process.env.CI;
/** True when the suite should be skipped (no chromium, and not under CI). */
export const skipChromium = !chromiumPath && !inCi;
export const chromiumSkipReason = 'skipped: chromium not found (install it with `apt-get install -y chromium`; CI fails instead of skipping)';
/** The flags the project runs headless Chromium with. */
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'];

export function warnIfSkipped(suite: string): void {
  if (skipChromium) console.warn(`${suite}: ${chromiumSkipReason}`);
}
