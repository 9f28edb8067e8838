/** The service's errors: one JSON shape, `{ status, code, message (中文), messageEn }`. */
export class ServiceError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly messageEn: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'ServiceError';
  }

  body(): { status: number; code: string; message: string; messageEn: string } {
    return { status: this.status, code: this.code, message: this.message, messageEn: this.messageEn };
  }
}

const mib = (n: number) => `${(n / 1048576).toFixed(n % 1048576 === 0 ? 0 : 1)} MiB`;

/** Maps what fastify, its plugins and the multipart parser throw to a ServiceError. */
export function toServiceError(error: unknown, limits: { maxUploadSize: number; maxFiles: number }): ServiceError {
  if (error instanceof ServiceError) return error;
  const e = error as { code?: string; statusCode?: number; message?: string; validation?: unknown };
  switch (e.code) {
    case 'FST_REQ_FILE_TOO_LARGE':
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new ServiceError(413, 'file-too-large', `上传的文件过大（上限 ${mib(limits.maxUploadSize)}）：请确认文件无误，或请管理员调高 --max-upload-size`, `an uploaded file is larger than ${limits.maxUploadSize} bytes`);
    case 'FST_FILES_LIMIT':
      return new ServiceError(413, 'too-many-files', `一次上传的文件过多（上限 ${limits.maxFiles} 个）：请分批上传`, `too many files in one request (at most ${limits.maxFiles}); send them in several requests`);
    case 'FST_PARTS_LIMIT':
    case 'FST_FIELDS_LIMIT':
      return new ServiceError(413, 'too-many-parts', '上传表单的字段过多：只需上传 file 字段', 'too many form fields; send only the `file` field');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_INVALID_MULTIPART_CONTENT_TYPE':
      return new ServiceError(415, 'unsupported-media-type', '不支持的请求类型：请用 multipart/form-data 上传 file 字段，或以 application/octet-stream 发送文件并带上 ?filename=', 'unsupported media type; use multipart/form-data (field `file`) or a raw body with ?filename=');
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_PROTO_VIOLATION':
      return new ServiceError(400, 'bad-request', `请求格式错误：${e.message ?? ''}`, `malformed request: ${e.message ?? ''}`);
    case 'FST_ERR_VALIDATION':
      return new ServiceError(400, 'bad-parameter', `请求参数不正确：${e.message ?? ''}`, `invalid parameter: ${e.message ?? ''}`);
  }
  if (e.validation) return new ServiceError(400, 'bad-parameter', `请求参数不正确：${e.message ?? ''}`, `invalid parameter: ${e.message ?? ''}`);
  // busboy's own errors: a body that is not well-formed multipart.
  if (typeof e.message === 'string' && /multipart|boundary|unexpected end of form|malformed|part header/i.test(e.message)) {
    return new ServiceError(400, 'malformed-multipart', `上传表单格式错误（${e.message}）：请用 multipart/form-data 上传 file 字段`, `malformed multipart body (${e.message})`);
  }
  if (e.statusCode === 404) return notFound();
  if (e.statusCode && e.statusCode >= 400 && e.statusCode < 500) {
    return new ServiceError(e.statusCode, 'bad-request', `请求无法处理：${e.message ?? ''}`, `bad request: ${e.message ?? ''}`);
  }
  return new ServiceError(500, 'internal-error', `jxlint 服务内部错误：${e.message ?? String(error)}；请把请求和文件附在问题报告中`, `internal error: ${e.message ?? String(error)}; please report it`);
}

export function notFound(): ServiceError {
  return new ServiceError(404, 'not-found', '没有这个地址：接口列表见 /api/openapi.json', 'no such route; see /api/openapi.json');
}
