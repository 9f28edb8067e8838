/**
 * The html report (`--format html`): one self-contained page (page.ts), or for a batch an index
 * page with one page per document (batch.ts).
 */
export { documentPage, documentPageChunks, formatHtml } from './page.js';
export { documentPageName, HtmlBatchReport, indexPage, type DocumentPage, type IndexEntry } from './batch.js';
export { escapeHtml } from './escape.js';
