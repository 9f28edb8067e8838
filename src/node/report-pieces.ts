/**
 * Reports written file by file (逐个文件输出): `json`, `csv` and `github` are a head, one piece per
 * result (joined by a separator) and a tail. The framing is read off the formatter's own output for
 * no results, and each piece is the formatter's output for that one result with the framing cut
 * off, so the concatenation is byte-identical to formatting every result at once. Used by the
 * workers (pieces rendered in parallel) and by the CLI when it renders them itself.
 */
import { format, type FormatName, type FormatOptions, type LintResult } from '../index.js';

export const STREAMED_FORMATS: readonly FormatName[] = ['json', 'csv', 'github'];

export function isStreamed(name: FormatName): boolean {
  return STREAMED_FORMATS.includes(name);
}

export interface Framing {
  head: string;
  tail: string;
  separator: string;
}

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
          return { head: '[', tail: ']', separator: ',' };
        case 'csv': // BOM + header line, then the rows
        case 'github': // one line per message
          return { head: empty, tail: '', separator: '' };
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
  if (!whole.startsWith(framing.head) || !whole.endsWith(framing.tail) || whole.length < framing.head.length + framing.tail.length) {
    throw new Error(`a ${name} piece does not fit the framing of its format`);
  }
  return whole.slice(framing.head.length, whole.length - framing.tail.length);
}
