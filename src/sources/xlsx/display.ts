/**
 * A cell as Excel displays it (单元格显示值): the stored value put through the cell's number
 * format (数字格式) with numfmt, which implements ECMA-376's format codes (sections, conditions,
 * percent, thousands, fractions, dates and times, text sections).
 *
 * - Built-in formats (numFmtId 0–49 and the CJK ids 27–36, 50–58) are the ones a Chinese Excel
 *   shows: id 14 is yyyy/m/d, id 31 yyyy"年"m"月"d"日" … (ECMA-376 Part 1 §18.8.30, zh-cn).
 * - The 1904 date system shifts date and time serials by 1,462 days before formatting.
 * - Booleans show as TRUE / FALSE, error values as written (#N/A, #DIV/0! …), strings as stored
 *   (a format's text section, such as `"≥"@`, applied when there is one).
 * - Alignment padding (`_)`, `* `) is trimmed: it is space, not text.
 * - An invalid custom format falls back to General, as the value is still what the user typed.
 *
 * Browser-safe: no Node-only imports.
 */
import { dateToSerial, format, getFormatFromId, isDateFormat, isValidFormat } from 'numfmt';
import type { Styles } from './parts.js';

/** The formats a zh-CN Excel uses for the locale-dependent built-in ids (ECMA-376 §18.8.30, zh-cn). */
const ZH_CN_BUILTIN: Record<number, string> = {
  27: 'yyyy"年"m"月"',
  28: 'm"月"d"日"',
  29: 'm"月"d"日"',
  30: 'm-d-yy',
  31: 'yyyy"年"m"月"d"日"',
  32: 'h"时"mm"分"',
  33: 'h"时"mm"分"ss"秒"',
  34: '上午/下午h"时"mm"分"',
  35: '上午/下午h"时"mm"分"ss"秒"',
  36: 'yyyy"年"m"月"',
  50: 'yyyy"年"m"月"',
  51: 'm"月"d"日"',
  52: 'yyyy"年"m"月"',
  53: 'm"月"d"日"',
  54: 'm"月"d"日"',
  55: '上午/下午h"时"mm"分"',
  56: '上午/下午h"时"mm"分"ss"秒"',
  57: 'yyyy"年"m"月"',
  58: 'm"月"d"日"',
};

const LOCALE = 'zh-CN';
const OPTIONS = { locale: LOCALE, throws: false, nbsp: false } as const;

/** Days from 1900-01-00 (Excel's 1900 system, leap-year bug included) to 1904-01-01. */
const DAYS_1904 = 1462;

/** The format code of a built-in number format id, or General when the id is unknown. */
export function builtinFormat(id: number): string {
  const zh = ZH_CN_BUILTIN[id];
  if (zh !== undefined) return zh;
  const code = getFormatFromId(id, LOCALE);
  return code ? code : 'General';
}

interface StyleFormat {
  code: string;
  isDate: boolean;
  /** Whether the code has a text section (a section with @ other than the plain text format). */
  formatsText: boolean;
  plain: boolean;
}

/** Formats cell values for one workbook (its styles and date system), caching each style's format. */
export class CellDisplay {
  private readonly byStyle: (StyleFormat | undefined)[] = [];
  /** Numbers already formatted, by style and stored value (exports repeat 100%, 0.00 …). */
  private readonly shown = new Map<string, string>();

  constructor(
    private readonly styles: Styles,
    private readonly date1904: boolean,
  ) {}

  private styleFormat(style: number): StyleFormat {
    const cached = this.byStyle[style];
    if (cached) return cached;
    const id = this.styles.xfNumFmt[style] ?? 0;
    let code = this.styles.custom.get(id) ?? builtinFormat(id);
    if (!isValidFormat(code)) code = 'General';
    const plain = /^general$/i.test(code) || code === '@';
    const f: StyleFormat = {
      code,
      isDate: !plain && isDateFormat(code),
      formatsText: !plain && code.includes('@'),
      plain,
    };
    this.byStyle[style] = f;
    return f;
  }

  /** A number cell (`t="n"` or none) as displayed. */
  number(raw: string, style: number): string {
    const key = `${style}|${raw}`;
    const known = this.shown.get(key);
    if (known !== undefined) return known;
    const value = Number(raw);
    if (raw.trim() === '' || !Number.isFinite(value)) return raw;
    const f = this.styleFormat(style);
    const text = format(f.code, this.date1904 && f.isDate ? value + DAYS_1904 : value, OPTIONS).trim();
    if (this.shown.size < 65_536) this.shown.set(key, text);
    return text;
  }

  /** An ISO 8601 date cell (`t="d"`), displayed through its date format. */
  date(raw: string, style: number): string {
    const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?/.exec(raw.trim());
    if (!m) return raw;
    const serial = dateToSerial([+m[1], +m[2], +m[3], +(m[4] ?? 0), +(m[5] ?? 0), +(m[6] ?? 0)]);
    if (serial === null || serial === undefined) return raw;
    const f = this.styleFormat(style);
    return format(f.isDate ? f.code : 'yyyy/m/d', serial, OPTIONS).trim();
  }

  /** A string cell, through the format's text section when it has one. */
  text(s: string, style: number): string {
    if (s === '') return s;
    const f = this.styleFormat(style);
    return f.formatsText ? format(f.code, s, OPTIONS) : s;
  }

  /** A boolean cell. */
  boolean(raw: string): string {
    const v = raw.trim();
    return v === '1' || v === 'true' ? 'TRUE' : 'FALSE';
  }
}
