/** Messages between the upload page and its lint worker (页面与检查线程之间的消息). */
import type { LintResult, Locale } from '../index.js';

/** Report formats the worker renders (xlsx needs exceljs and comes from the service). */
export type BrowserFormat = 'html' | 'sarif' | 'json';

export type WorkerRequest =
  | { kind: 'lint'; id: number; name: string; bytes: ArrayBuffer; locale: Locale }
  | { kind: 'format'; id: number; format: BrowserFormat; results: LintResult[]; locale: Locale; generatedAt: string };

export type WorkerReply =
  | { kind: 'linted'; id: number; result: LintResult; millis: number }
  | { kind: 'formatted'; id: number; text: string }
  | { kind: 'failed'; id: number; message: string };
