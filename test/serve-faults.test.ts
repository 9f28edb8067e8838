/**
 * Issue 15, the service under faults, on a real socket: malformed multipart bodies of every kind get
 * one 4xx JSON answer (never a 500, never a crash); slow-loris clients that trickle their headers or
 * their body byte by byte are cut off by the request timeout while other clients are served; a client
 * that disconnects in the middle of its upload, or while its file is being linted, leaves no file
 * behind, no submission recorded and no place taken in the queue. (100 parallel uploads past the
 * queue bound are in serve-process.test.ts.)
 */
import { createHash } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SqliteStore, type FileResult, type Service } from '../src/serve/index.js';
import { fixture, makeService, multipart, tempDir } from './serve-support.js';

const seed = fixture('seed/seed.docx');
const seedHash = createHash('sha256').update(seed).digest('hex');
/** The request timeout of the service under test: a slow-loris client is cut off after it. */
const REQUEST_TIMEOUT_MS = 1500;

let service: Service;
let base: string;
let port: number;
let keepDir: string;
let store: SqliteStore;

beforeAll(async () => {
  keepDir = tempDir('jxlint-serve-faults-');
  store = new SqliteStore(path.join(keepDir, 'data'));
  service = await makeService({
    threads: 1,
    maxQueue: 2,
    store,
    keepFilesDir: keepDir,
    requestTimeoutMs: REQUEST_TIMEOUT_MS,
  });
  base = await service.app.listen({ host: '127.0.0.1', port: 0 });
  port = Number(new URL(base).port);
}, 120_000);

afterAll(async () => {
  await service?.app.close();
});

function upload(bytes: Buffer = seed, name = 'seed.docx'): Promise<Response> {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(bytes)]), name);
  return fetch(`${base}/api/lint`, { method: 'POST', body: form });
}

/** What a raw client saw: the bytes the server sent, and how the connection ended. */
interface RawOutcome {
  received: string;
  /** The server closed the connection (end or reset), rather than the client. */
  closedByServer: boolean;
}

/** A raw TCP client: `send` writes, `outcome` resolves when the server ends the connection. */
function rawClient(): { socket: Socket; outcome: Promise<RawOutcome> } {
  const socket = connect({ host: '127.0.0.1', port });
  const chunks: Buffer[] = [];
  const outcome = new Promise<RawOutcome>((resolve) => {
    let byServer = false;
    socket.on('data', (d: Buffer) => chunks.push(d));
    socket.on('end', () => {
      byServer = true;
      socket.end();
    });
    socket.on('error', () => {
      byServer = true; // ECONNRESET: the server reset it
    });
    socket.on('close', () => resolve({ received: Buffer.concat(chunks).toString('latin1'), closedByServer: byServer }));
  });
  return { socket, outcome };
}

/** Writes `bytes` one byte every `everyMs` until the socket closes. */
function trickle(socket: Socket, bytes: Buffer, everyMs = 100): void {
  let i = 0;
  const timer = setInterval(() => {
    if (socket.destroyed || i >= bytes.length) return clearInterval(timer);
    socket.write(bytes.subarray(i, i + 1));
    i++;
  }, everyMs);
  socket.once('close', () => clearInterval(timer));
}

/** Uploads the seed, waiting as told by Retry-After while the queue is full (at most 60 tries). */
async function uploadWhenAdmitted(): Promise<Response> {
  for (let i = 0; ; i++) {
    const r = await upload();
    if (r.status !== 503 || i === 60) return r;
    await r.body?.cancel();
    await new Promise((resolve) => setTimeout(resolve, 1000 * Number(r.headers.get('retry-after') ?? 1)));
  }
}

function storedFiles(): string[] {
  try {
    return readdirSync(path.join(keepDir, 'files'));
  } catch {
    return [];
  }
}

/** The seed's answer: 200 and its 18 projects (an upload made with uploadWhenAdmitted). */
const seedAnswer = async (r: Response): Promise<void> => {
  expect(r.status).toBe(200);
  expect(((await r.json()) as FileResult[])[0]!.projects).toHaveLength(18);
};

describe('malformed multipart: one 4xx JSON answer each, the service goes on', () => {
  const boundary = 'b0undary';
  const part = (headers: string, body: string) => `--${boundary}\r\n${headers}\r\n\r\n${body}\r\n`;
  const file = 'Content-Disposition: form-data; name="file"; filename="a.txt"';
  it.each([
    ['truncated in a part', `${part(file, 'abc').slice(0, -2)}`, `multipart/form-data; boundary=${boundary}`],
    ['no closing boundary', part(file, 'abc'), `multipart/form-data; boundary=${boundary}`],
    ['no boundary parameter', part(file, 'abc') + `--${boundary}--\r\n`, 'multipart/form-data'],
    ['a boundary that never occurs', part(file, 'abc') + `--${boundary}--\r\n`, 'multipart/form-data; boundary=other'],
    ['an empty body', '', `multipart/form-data; boundary=${boundary}`],
    ['a part without Content-Disposition', part('Content-Type: text/plain', 'abc') + `--${boundary}--\r\n`, `multipart/form-data; boundary=${boundary}`],
    ['a part whose headers never end', `--${boundary}\r\n${file}\r\nX: ${'y'.repeat(100_000)}`, `multipart/form-data; boundary=${boundary}`],
    ['200 header lines in one part', `--${boundary}\r\n${file}\r\n${Array.from({ length: 200 }, (_, i) => `X-${i}: y`).join('\r\n')}\r\n\r\nabc\r\n--${boundary}--\r\n`, `multipart/form-data; boundary=${boundary}`],
    ['binary garbage', Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)).toString('latin1'), `multipart/form-data; boundary=${boundary}`],
    ['a boundary of 200 characters', part(file, 'abc'), `multipart/form-data; boundary=${'x'.repeat(200)}`],
    ['a nested multipart as the file field', part(`${file}\r\nContent-Type: multipart/mixed; boundary=inner`, '--inner\r\n\r\nx\r\n--inner--') + `--${boundary}--\r\n`, `multipart/form-data; boundary=${boundary}`],
  ])('%s', async (_name, body, type) => {
    const r = await fetch(`${base}/api/lint`, { method: 'POST', body: Buffer.from(body, 'latin1'), headers: { 'content-type': type } });
    expect(r.status).toBeGreaterThanOrEqual(200);
    expect(r.status).toBeLessThan(500);
    expect(r.headers.get('content-type')).toContain('application/json');
    const answer = (await r.json()) as unknown;
    if (r.status >= 400) expect(answer).toMatchObject({ status: r.status, code: expect.any(String), message: expect.stringMatching(/[\u4e00-\u9fff]/) });
    else expect(Array.isArray(answer)).toBe(true); // a readable part, read as a file
  }, 60_000);

  it('after all of them, an upload is answered as ever', async () => {
    await seedAnswer(await uploadWhenAdmitted());
  }, 120_000);
});

describe('slow-loris clients are cut off; the others are served meanwhile', () => {
  const body = multipart([['file', 'seed.docx', seed]]);

  it.each([
    ['headers trickled byte by byte', () => Buffer.from(`POST /api/lint HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: ${body.headers['content-type']}\r\nContent-Length: ${body.payload.length}\r\n\r\n`), () => Buffer.alloc(0)],
    ['a body trickled byte by byte', () => Buffer.alloc(0), () => body.payload],
  ])('%s: the connection is closed by the request timeout, and uploads from others are answered', async (_name, slowHead, slowBody) => {
    const head = Buffer.from(`POST /api/lint HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: ${body.headers['content-type']}\r\nContent-Length: ${body.payload.length}\r\n\r\n`);
    const files = storedFiles();
    const clients = Array.from({ length: 3 }, () => rawClient());
    for (const { socket } of clients) {
      const trickled = slowHead();
      if (trickled.length > 0) trickle(socket, trickled);
      else {
        socket.write(head);
        trickle(socket, slowBody());
      }
    }
    // While the three trickle, two normal uploads are answered in full.
    const served = await Promise.all([uploadWhenAdmitted(), uploadWhenAdmitted()]);
    for (const r of served) await seedAnswer(r);
    const outcomes = await Promise.all(clients.map((c) => c.outcome));
    for (const o of outcomes) {
      expect(o.closedByServer).toBe(true);
      // Node answers 408 when it can; it never answers 200 to a request it did not receive.
      expect(o.received).not.toMatch(/^HTTP\/1\.1 200/);
    }
    for (const name of storedFiles()) expect([...files, `${seedHash}.docx`]).toContain(name); // the served seed, by its hash
    await seedAnswer(await uploadWhenAdmitted());
  }, 120_000);
});

describe('a client that disconnects', () => {
  it.each([
    ['half-way through its body', 0.5],
    ['after the headers', 0],
    ['one byte before the end of its body', -1],
  ])('%s: no file kept, no submission recorded, the next request works', async (_name, fraction) => {
    const files = storedFiles();
    const odd = Buffer.concat([seed, Buffer.from(`disconnect-${fraction}`)]); // a file never uploaded whole
    const body = multipart([['file', 'odd.docx', odd]]);
    const { socket, outcome } = rawClient();
    socket.write(`POST /api/lint HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: ${body.headers['content-type']}\r\nContent-Length: ${body.payload.length}\r\n\r\n`);
    const sent = fraction < 0 ? body.payload.length - 1 : Math.floor(body.payload.length * fraction);
    await new Promise<void>((resolve) => socket.write(body.payload.subarray(0, sent), () => resolve()));
    await new Promise((r) => setTimeout(r, 200));
    socket.destroy();
    await outcome;
    await seedAnswer(await uploadWhenAdmitted());
    // The seed just uploaded may be stored (by its hash); the half-sent file never is.
    for (const name of storedFiles()) expect([...files, `${seedHash}.docx`]).toContain(name);
    expect(JSON.stringify(await (await fetch(`${base}/api/submissions`)).json())).not.toContain('odd.docx');
  }, 120_000);

  it('while its file is being linted: the answer is dropped, the queue place is given back', async () => {
    const body = multipart([['file', 'gone.docx', seed]]);
    for (let i = 0; i < 4; i++) {
      const { socket, outcome } = rawClient();
      socket.write(`POST /api/lint HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: ${body.headers['content-type']}\r\nContent-Length: ${body.payload.length}\r\n\r\n`);
      await new Promise<void>((resolve) => socket.write(body.payload, () => resolve()));
      socket.destroy();
      await outcome;
    }
    // The queue holds three (one thread, two waiting): once the dropped files are done, four disconnected
    // clients must have given every place back (a lost place would answer 503 for ever).
    const answers = await Promise.all([uploadWhenAdmitted(), uploadWhenAdmitted(), uploadWhenAdmitted()]);
    for (const r of answers) await seedAnswer(r);
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
  }, 180_000);
});
