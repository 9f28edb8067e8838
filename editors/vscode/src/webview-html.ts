/**
 * The page the Word viewer shows: jxlint's HTML report for one file, with its own
 * Content-Security-Policy replaced by one for a VS Code webview (VS Code's webview guide: deny by
 * default, scripts only with a per-load nonce, styles from `webview.cspSource` plus the page's inline
 * `<style>`). No `vscode` import, so it can be tested without VS Code.
 */

export interface WebviewPolicy {
  /** `webview.cspSource` */
  cspSource: string;
  /** A fresh random value for every load. */
  nonce: string;
}

export function contentSecurityPolicy({ cspSource, nonce }: WebviewPolicy): string {
  return [
    "default-src 'none'",
    `img-src ${cspSource} data:`,
    `style-src ${cspSource} 'unsafe-inline'`,
    `script-src 'nonce-${nonce}'`,
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

const CSP_META = /<meta\b[^>]*http-equiv\s*=\s*["']?content-security-policy["']?[^>]*>/gi;
/** Inline scripts only: a `<script src=…>` keeps no nonce and stays blocked. */
const INLINE_SCRIPT = /<script\b(?![^>]*\bsrc\s*=)([^>]*)>/gi;

/** Swaps the report's CSP for the webview's and gives each inline `<script>` the nonce. */
export function prepareReportForWebview(html: string, policy: WebviewPolicy): string {
  const meta = `<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy(policy)}">`;
  let page = html.replace(CSP_META, '');
  page = page.replace(INLINE_SCRIPT, (_tag, attributes: string) => {
    const rest = attributes.replace(/\snonce\s*=\s*("[^"]*"|'[^']*'|\S+)/gi, '');
    return `<script nonce="${policy.nonce}"${rest}>`;
  });
  const head = /<head\b[^>]*>/i.exec(page);
  if (head) return page.slice(0, head.index + head[0].length) + meta + page.slice(head.index + head[0].length);
  return `<!DOCTYPE html><html><head>${meta}</head><body>${page}</body></html>`;
}

/** A plain page with one message (server not running, file unreadable…), no script at all. */
export function messagePage(title: string, detail: string, policy: Pick<WebviewPolicy, 'cspSource'>): string {
  const csp = `default-src 'none'; style-src ${policy.cspSource} 'unsafe-inline'`;
  return [
    '<!DOCTYPE html>',
    '<html lang="zh-CN">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${csp}">`,
    '<style>body{font-family:var(--vscode-font-family);color:var(--vscode-foreground);padding:2em;line-height:1.6}',
    'h1{font-size:1.2em;color:var(--vscode-errorForeground)}pre{white-space:pre-wrap;opacity:.8}</style>',
    '</head>',
    '<body>',
    `<h1>${escapeHtml(title)}</h1>`,
    detail ? `<pre>${escapeHtml(detail)}</pre>` : '',
    '</body>',
    '</html>',
  ].join('\n');
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
