/**
 * Reports written file by file (逐个文件输出). `json`, `csv` and `github` are a head, one piece per
 * result (joined by a separator) and a tail. `report-json` is the same with its summary in the
 * head, so its pieces are kept aside (a temporary file) until the summary is known. The framing is
 * read off the formatter's own output, and each piece is the formatter's output for that one result
 * with the framing cut off, so the concatenation is byte-identical to formatting every result at
 * once (tests check it). Used by the workers (pieces rendered in parallel) and by the CLI.
 */
import { format, summarize, type FormatName, type FormatOptions, type LintMessage, type LintResult } from '../index.js';

export const STREAMED_FORMATS: readonly FormatName[] = ['json', 'csv', 'github', 'report-json'];

export function isStreamed(name: FormatName): boolean {
  return STREAMED_FORMATS.includes(name);
}

export interface Framing {
  /** Written first (for report-json: replaced at the end by the head carrying the summary). */
  head: string;
  tail: string;
  separator: string;
  /** The head depends on every result (report-json's summary). */
  summaryFirst: boolean;
}

/** In report-json (JSON.stringify(report, null, 2)), the results array is the last key. */
const RESULTS_OPEN = '\n  "results": [\n';
const RESULTS_CLOSE = '\n  ]\n}\n';
const RESULTS_EMPTY = '\n  "results": []\n}\n';

async function text(results: LintResult[], name: FormatName, options: FormatOptions): Promise<string> {
  const out = await format(results, name, options);
  if (typeof out !== 'string') throw new Error(`${name} returned bytes`);
  return out;
}

const framings = new Map<string, Promise<Framing>>();

/** The framing of a streamed format (cached per format and locale). */
export function framingOf(name: FormatName, options: FormatOptions): Promise<Framing> {
  const key = `${name}\u0000${options.locale}`;
  let framing = framings.get(key);
  if (!framing) {
    framing = text([], name, options).then((empty): Framing => {
      switch (name) {
        case 'json': // "[" + pieces joined by "," + "]"
          if (empty !== '[]') throw new Error(`unexpected empty json report: ${empty}`);
          return { head: '[', tail: ']', separator: ',', summaryFirst: false };
        case 'csv': // BOM + header line, then the rows
        case 'github': // one line per message
          return { head: empty, tail: '', separator: '', summaryFirst: false };
        case 'report-json': // { tool, generatedAt, locale, summary, results: [ pieces joined by ",\n" ] }
          if (!empty.endsWith(RESULTS_EMPTY)) throw new Error('report-json does not end with its results');
          return { head: '', tail: RESULTS_CLOSE, separator: ',\n', summaryFirst: true };
        default:
          throw new Error(`${name} cannot be written file by file`);
      }
    });
    framings.set(key, framing);
  }
  return framing;
}

/** One result's piece of a streamed report ('' when the result adds nothing, e.g. no findings in csv). */
export async function pieceOf(result: LintResult, name: FormatName, options: FormatOptions): Promise<string> {
  const framing = await framingOf(name, options);
  const whole = await text([result], name, options);
  if (framing.summaryFirst) {
    const open = whole.indexOf(RESULTS_OPEN);
    if (open < 0 || !whole.endsWith(RESULTS_CLOSE)) throw new Error(`a ${name} piece does not fit the framing of its format`);
    return whole.slice(open + RESULTS_OPEN.length, whole.length - RESULTS_CLOSE.length);
  }
  if (!whole.startsWith(framing.head) || !whole.endsWith(framing.tail) || whole.length < framing.head.length + framing.tail.length) {
    throw new Error(`a ${name} piece does not fit the framing of its format`);
  }
  return whole.slice(framing.head.length, whole.length - framing.tail.length);
}

/**
 * What the batch summary reads of a result (status, counts, projects, and of each message its rule,
 * severity, project and — for a fatal one — its text): kept for every file of a summary-first
 * report instead of the whole result.
 */
export function summaryOnly(result: LintResult): LintResult {
  const messages = result.messages.map(
    (m) =>
      ({
        ruleId: m.ruleId,
        severity: m.severity,
        projectIndex: m.projectIndex,
        projectCode: m.projectCode,
        ...(m.fatal ? { fatal: true, message: m.message } : {}),
      }) as LintMessage,
  );
  return { ...result, messages, document: undefined };
}

/**
 * The head of a summary-first report (report-json): the formatter's report for no results, with
 * its summary replaced by the summary of every result (from the summary-only results), and the
 * results array opened. The summary is the formatter's `summarize`, written the way
 * JSON.stringify(report, null, 2) writes it; the empty report's summary must be found verbatim.
 * With no results at all it is the whole (empty) report.
 */
export async function summaryHead(name: FormatName, summaryResults: LintResult[], options: FormatOptions): Promise<string> {
  const empty = await text([], name, options);
  if (summaryResults.length === 0) return empty; // the whole report: nothing follows
  const nested = (value: unknown) => JSON.stringify(value, null, 2).split('\n').join('\n  ');
  const before = `\n  "summary": ${nested(summarize([]))}`;
  const at = empty.indexOf(before);
  if (at < 0 || empty.indexOf(before, at + 1) >= 0 || !empty.endsWith(RESULTS_EMPTY)) {
    throw new Error(`${name}: the summary or the results of the empty report were not found`);
  }
  const head = empty.slice(0, at) + `\n  "summary": ${nested(summarize(summaryResults))}` + empty.slice(at + before.length);
  return head.slice(0, head.length - RESULTS_EMPTY.length) + RESULTS_OPEN;
}
