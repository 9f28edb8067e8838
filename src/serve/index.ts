/**
 * `jxlint serve`: the intake service (报送检查服务) — starting it from command-line options,
 * listening, and a graceful SIGTERM (stop accepting, finish the running jobs, then exit).
 * Loaded only by the `serve` command.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { configForPath, type ResolvedConfig } from '../node.js';
import { buildService, DEFAULT_LIMITS, type Service, type ServiceOptions } from './app.js';
import { PostgresStore } from './store/postgres.js';
import { SqliteStore } from './store/sqlite.js';
import type { SubmissionStore } from './store/types.js';

export { buildService, DEFAULT_LIMITS, uploadName, type FileResult, type Service, type ServiceOptions } from './app.js';
export { openApiDocument, apiRoutes } from './schemas.js';
export { SqliteStore } from './store/sqlite.js';
export { PostgresStore } from './store/postgres.js';
export type * from './store/types.js';

/** The options of `jxlint serve` as commander hands them over. */
export interface ServeCommandOptions {
  host: string;
  port: number;
  config?: string;
  data?: string;
  database?: string;
  token?: string;
  cors?: string;
  /** false with --no-store. */
  store: boolean;
  keepFiles?: boolean;
  threads?: number;
  maxQueue?: number;
  timeLimit?: number;
  maxUploadSize?: number;
  maxFiles?: number;
  maxFileSize?: number;
  maxInflatedSize?: number;
}

/** A user error of `jxlint serve` (one line, Chinese first). */
export class ServeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InputError';
  }
}

/** dist/browser/ of the package (the upload page), from src/serve or dist/src/serve. */
export function defaultPageDir(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!existsSync(path.join(dir, 'package.json')) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  return path.join(dir, 'dist', 'browser');
}

export async function openStore(options: Pick<ServeCommandOptions, 'store' | 'data' | 'database'>, cwd = process.cwd()): Promise<{ store: SubmissionStore | null; dataDir: string | null }> {
  if (!options.store) return { store: null, dataDir: null };
  if (options.database) {
    if (!/^postgres(ql)?:\/\//.test(options.database)) throw new ServeError(`--database 只支持 postgres:// 地址：${options.database}（only postgres:// URLs are supported）`);
    try {
      return { store: await PostgresStore.open(options.database), dataDir: options.data ? path.resolve(cwd, options.data) : null };
    } catch (e) {
      throw new ServeError(`无法连接数据库（${(e as Error).message}）：请检查 --database 地址和数据库是否已启动（cannot connect to the database）`);
    }
  }
  const dataDir = path.resolve(cwd, options.data ?? 'jxlint-data');
  try {
    return { store: new SqliteStore(dataDir), dataDir };
  } catch (e) {
    throw new ServeError(`无法打开数据目录 ${dataDir}（${(e as Error).message}）：请检查 --data 路径和权限（cannot open the data folder）`);
  }
}

/** Builds the service from the command's options (listening is separate). */
export async function serviceFromOptions(options: ServeCommandOptions, extra: Partial<ServiceOptions> = {}): Promise<Service> {
  if (options.data && options.database) throw new ServeError('--data 与 --database 只能选一个（use either --data or --database）');
  const config: ResolvedConfig = configForPath('.', { config: options.config, configLookup: options.config !== undefined });
  const { store, dataDir } = await openStore(options);
  return buildService({
    config,
    store,
    keepFilesDir: options.keepFiles && store ? (dataDir ?? path.resolve(options.data ?? 'jxlint-data')) : null,
    token: options.token ?? process.env.JXLINT_TOKEN ?? null,
    corsOrigin: options.cors ?? null,
    pageDir: defaultPageDir(),
    threads: options.threads ?? Math.max(1, availableParallelism()),
    maxQueue: options.maxQueue ?? DEFAULT_LIMITS.maxQueue,
    timeLimitMs: options.timeLimit ?? DEFAULT_LIMITS.timeLimitMs,
    maxUploadSize: options.maxUploadSize ?? DEFAULT_LIMITS.maxUploadSize,
    maxFiles: options.maxFiles ?? DEFAULT_LIMITS.maxFiles,
    maxFileSize: options.maxFileSize,
    maxInflatedSize: options.maxInflatedSize,
    accessLog: (line) => process.stdout.write(line + '\n'),
    retryAfterSeconds: DEFAULT_LIMITS.retryAfterSeconds,
    connectionTimeoutMs: DEFAULT_LIMITS.connectionTimeoutMs,
    keepAliveTimeoutMs: DEFAULT_LIMITS.keepAliveTimeoutMs,
    requestTimeoutMs: DEFAULT_LIMITS.requestTimeoutMs,
    ...extra,
  });
}

/** Graceful stop: new requests get 503, running ones finish, the pool and the store close. */
export async function stopService(service: Service): Promise<void> {
  service.draining = true;
  await service.app.close();
}

/** `jxlint serve`: listens until SIGTERM or SIGINT, then stops gracefully. Resolves with the exit code. */
export async function runServe(
  options: ServeCommandOptions,
  log: (line: string) => void = (l) => process.stderr.write(l + '\n'),
  extra: Partial<ServiceOptions> = {},
): Promise<number> {
  const service = await serviceFromOptions(options, extra);
  let address: string;
  try {
    address = await service.app.listen({ host: options.host, port: options.port });
  } catch (e) {
    await service.app.close();
    throw new ServeError(`无法在 ${options.host}:${options.port} 上监听（${(e as Error).message}）：请换一个 --port 或 --host（cannot listen）`);
  }
  log(JSON.stringify({ time: new Date().toISOString(), event: 'listening', address, pid: process.pid }));
  return new Promise((resolve) => {
    const stop = (signal: string) => {
      log(JSON.stringify({ time: new Date().toISOString(), event: 'stopping', signal }));
      stopService(service).then(
        () => {
          log(JSON.stringify({ time: new Date().toISOString(), event: 'stopped' }));
          resolve(0);
        },
        () => resolve(1),
      );
    };
    process.once('SIGTERM', () => stop('SIGTERM'));
    process.once('SIGINT', () => stop('SIGINT'));
  });
}
