/** The html report (`--format html`): one self-contained page; see page.ts. */
export { formatHtml } from './page.js';
export { escapeHtml } from './escape.js';
