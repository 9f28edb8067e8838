/** Escaping for the html report: everything from the input is untrusted. */

export function escapeHtml(text: unknown): string {
  return String(text ?? '').replace(
    /[&<>"'`]/g,
    (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;', '`': '&#96;' })[ch]!,
  );
}

/** Only http(s) and file links (the rule pages of the installed package) and relative paths survive; anything else (javascript:, data:) is dropped. */
export function safeHref(uri: string): string | null {
  if (/^(https?|file):\/\//i.test(uri)) return uri;
  if (/^[a-z][a-z0-9+.-]*:/i.test(uri)) return null;
  return uri;
}
