/**
 * The upload page runs under the service's CSP: its inline scripts are allowed by the hashes the
 * page build writes to csp.json, and by nothing looser.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { pageCsp } from '../src/serve/app.js';
import { tempDir } from './serve-support.js';

const HASH_A = "'sha256-oCUY0C0zM2GcXE6SUlrbBgzUMv+HXfDPTeTPWDnhfH8='";
const HASH_B = "'sha256-2oxRz0eqvr6dq8zBJEwITxCRUQ22C7NtcnyKXBFstC8='";

function pageDirWith(cspJson: string | null): string {
  const dir = path.join(tempDir(), 'browser');
  mkdirSync(dir);
  if (cspJson !== null) writeFileSync(path.join(dir, 'csp.json'), cspJson);
  return dir;
}

describe('the page CSP', () => {
  it.each([
    ['no csp.json: only the service’s own scripts', null, ["'self'"]],
    ['the built hashes are added', JSON.stringify({ scriptSrc: [HASH_A, HASH_B], workerSrc: ['blob:'] }), ["'self'", HASH_A, HASH_B]],
    ['anything but a hash is ignored', JSON.stringify({ scriptSrc: ["'unsafe-inline'", 'https://cdn.example', HASH_A] }), ["'self'", HASH_A]],
    ['a damaged csp.json leaves the strict policy', '{ not json', ["'self'"]],
  ])('%s', (_name, cspJson, scriptSrc) => {
    const directives = pageCsp(pageDirWith(cspJson));
    expect(directives.scriptSrc).toEqual(scriptSrc);
    expect(directives.workerSrc).toContain('blob:');
    expect(directives.objectSrc).toEqual(["'none'"]);
  });
});
