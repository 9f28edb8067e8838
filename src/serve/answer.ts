/**
 * A file's answer (检查结果) as `POST /api/lint` sends it, prepared where the file was linted: the
 * pool thread turns its result into the answer's JSON bytes and the little the store needs, so the
 * service's one main thread neither copies the whole result across threads nor serialises it — it
 * only adds the submission id and the 整改 changes, which it alone knows.
 */
import { createHash } from 'node:crypto';
import type { LintResult } from '../index.js';
import { agencyOf, findingsOf, projectsOf, type NewSubmission } from './store/types.js';

/** What the store records of a file, beyond what the request knows (name, time, kept file). */
export type SubmissionPart = Pick<NewSubmission, 'agency' | 'status' | 'errorCount' | 'warningCount' | 'infoCount' | 'projects' | 'findings'>;

export type AnswerStatus = 'ok' | 'problems' | 'unreadable';

/** One file's answer, serialised. */
export interface PreparedAnswer {
  status: AnswerStatus;
  sha256: string;
  size: number;
  /**
   * UTF-8 JSON of the answer without its last two members: `{"filePath":…,"status":…,…,"sha256":…,"size":30950}`
   * — `submissionId` and `changes` go in before the closing brace.
   */
  json: Uint8Array;
  /** null when the service records nothing (--no-store). */
  submission: SubmissionPart | null;
}

const utf8 = new TextEncoder();

/** A growing UTF-8 buffer that JSON is written into piece by piece (kept between calls on one thread). */
class Utf8Writer {
  private buffer = new Uint8Array(1 << 20);
  private length = 0;

  write(text: string): void {
    const worst = text.length * 3; // one UTF-16 unit is at most 3 bytes of UTF-8
    if (this.length + worst > this.buffer.length) {
      const grown = new Uint8Array(Math.max(this.buffer.length * 2, this.length + worst));
      grown.set(this.buffer.subarray(0, this.length));
      this.buffer = grown;
    }
    this.length += utf8.encodeInto(text, this.buffer.subarray(this.length)).written;
  }

  /** The bytes written, in an ArrayBuffer of their own; the writer starts again empty. */
  take(): Uint8Array {
    const bytes = this.buffer.slice(0, this.length);
    this.length = 0;
    if (this.buffer.length > 16 << 20) this.buffer = new Uint8Array(1 << 20);
    return bytes;
  }
}

const writer = new Utf8Writer();

/**
 * `JSON.stringify(record)` as UTF-8 bytes, byte for byte, with the members that are long arrays (a
 * result's messages) written element by element: one large two-byte string, flattened and encoded in
 * one piece, costs about twice as much CPU as its small pieces.
 */
export function jsonBytes(record: Record<string, unknown>): Uint8Array {
  let first = true;
  writer.write('{');
  for (const [key, value] of Object.entries(record)) {
    if (value === undefined || typeof value === 'function' || typeof value === 'symbol') continue;
    writer.write(`${first ? '' : ','}${JSON.stringify(key)}:`);
    first = false;
    if (Array.isArray(value) && value.length > 16) {
      writer.write('[');
      value.forEach((element, i) => writer.write((i > 0 ? ',' : '') + (JSON.stringify(element) ?? 'null')));
      writer.write(']');
    } else writer.write(JSON.stringify(value));
  }
  writer.write('}');
  return writer.take();
}

export function isPreparedAnswer(outcome: LintResult | PreparedAnswer): outcome is PreparedAnswer {
  return 'json' in outcome && 'sha256' in outcome;
}

export function answerStatus(r: LintResult): AnswerStatus {
  if (r.status === 'failed') return 'unreadable';
  return r.messages.length > 0 ? 'problems' : 'ok';
}

export function sha256Of(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** The answer of one file: the `-f json` result (no document) with the service's status, hash and size. */
export function prepareAnswer(result: LintResult, bytes: Uint8Array, record: boolean): PreparedAnswer {
  const { document: _document, ...rest } = result;
  const status = answerStatus(result);
  const sha256 = sha256Of(bytes);
  // Its own ArrayBuffer (never a slice of Buffer's pool), so the pool thread can hand it over.
  const json = jsonBytes({ ...rest, status, sha256, size: bytes.length });
  const submission: SubmissionPart | null = record
    ? {
        agency: agencyOf(result),
        status,
        errorCount: result.errorCount,
        warningCount: result.warningCount,
        infoCount: result.infoCount,
        projects: projectsOf(result),
        findings: findingsOf(result),
      }
    : null;
  return { status, sha256, size: bytes.length, json, submission };
}

/** What the main thread adds to an answer: its submission id and, when a project was seen before, the changes. */
export interface AnswerTail {
  submissionId: number | null;
  changes: unknown;
}

/** `[answer, …]` as bytes: each prepared answer with its submission id and changes. */
export function answerArray(answers: { json: Uint8Array; tail: AnswerTail }[]): Buffer {
  const chunks: Uint8Array[] = [Buffer.from('[')];
  answers.forEach(({ json, tail }, i) => {
    if (i > 0) chunks.push(Buffer.from(','));
    const { submissionId, changes } = tail;
    const more = changes === undefined || changes === null ? `,"submissionId":${submissionId}}` : `,"submissionId":${submissionId},"changes":${JSON.stringify(changes)}}`;
    chunks.push(json.subarray(0, json.length - 1), Buffer.from(more));
  });
  chunks.push(Buffer.from(']'));
  return Buffer.concat(chunks);
}
