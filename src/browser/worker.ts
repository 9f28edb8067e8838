/**
 * The lint worker (检查线程) of the upload page: the whole core — readers for .docx/.txt/.html,
 * grammar, rules, engine, formatters — runs here so the page never freezes. Requests are handled one
 * at a time, in order (the .docx inflater is installed per file).
 */
import { format, ruleSummaries, type LintResult } from '../index.js';
import { lintBytes } from './lint-file.js';
import type { WorkerReply, WorkerRequest } from './protocol.js';

declare const JXLINT_VERSION: string;

interface WorkerScope {
  postMessage(message: WorkerReply): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<WorkerRequest>) => void): void;
}
const scope = self as unknown as WorkerScope;

async function handle(request: WorkerRequest): Promise<WorkerReply> {
  if (request.kind === 'lint') {
    const started = performance.now();
    const result: LintResult = await lintBytes(new Uint8Array(request.bytes), request.name, { locale: request.locale, keepDocument: true });
    return { kind: 'linted', id: request.id, result, millis: performance.now() - started };
  }
  const text = await format(request.results, request.format, {
    rules: ruleSummaries(request.locale),
    locale: request.locale,
    color: false,
    toolVersion: typeof JXLINT_VERSION === 'string' ? JXLINT_VERSION : '0.0.0',
    generatedAt: request.generatedAt,
  });
  return { kind: 'formatted', id: request.id, text: typeof text === 'string' ? text : new TextDecoder().decode(text) };
}

let queue: Promise<void> = Promise.resolve();
scope.addEventListener('message', (event) => {
  const request = event.data;
  queue = queue.then(async () => {
    let reply: WorkerReply;
    try {
      reply = await handle(request);
    } catch (error) {
      reply = { kind: 'failed', id: request.id, message: error instanceof Error ? error.message : String(error) };
    }
    scope.postMessage(reply);
  });
});
