/**
 * Automatic list numbers (自动编号). Word keeps "1、", "（一）", "一、" of a numbered paragraph in
 * numbering.xml, not in the text; Word's text export writes them. Both .docx readers put the label
 * (with its suffix: a TAB by default) at the start of the paragraph, computed here from
 * numbering.xml and the paragraph styles of styles.xml, counting paragraphs in document order.
 *
 * Covered: abstract numbering levels (start, numFmt, lvlText, suff), num instances with level and
 * start overrides, numbering given by the paragraph or by its style (basedOn chain), the usual
 * formats (decimal, Roman, letters, Chinese counting, 甲乙丙, circled and full-width digits).
 * Bullets are not written (they carry no ordinal). Word's finer restart rules (lvlRestart,
 * legal numbering) are not modelled: a level restarts when a higher level of its list advances.
 *
 * Browser-safe: no Node-only imports. The XML is Word's own small parts, read with regular
 * expressions after the zip-guard and DOCTYPE checks.
 */

interface Level {
  start: number;
  numFmt: string;
  lvlText: string;
  suff: string;
}

interface NumInstance {
  abstractId: string;
  levels: Map<number, Level>;
  starts: Map<number, number>;
}

interface StyleNumbering {
  numId?: string;
  ilvl?: number;
  basedOn?: string;
}

function attr(tag: string, local: string): string | undefined {
  const m = new RegExp(`\\b(?:\\w+:)?${local}\\s*=\\s*"([^"]*)"`).exec(tag);
  return m ? m[1] : undefined;
}

/** Child elements `<p:local …>…</p:local>` (or self-closing) of a chunk of XML, non-nested. */
function elements(xml: string, local: string): { open: string; body: string }[] {
  const out: { open: string; body: string }[] = [];
  const re = new RegExp(`<(\\w+:)?${local}\\b([^>]*?)(/?)>`, 'g');
  let m: RegExpExecArray | null;
  while ((m = re.exec(xml))) {
    if (m[3] === '/') {
      out.push({ open: m[0], body: '' });
      continue;
    }
    const close = `</${m[1] ?? ''}${local}>`;
    const end = xml.indexOf(close, re.lastIndex);
    if (end < 0) break;
    out.push({ open: m[0], body: xml.slice(re.lastIndex, end) });
    re.lastIndex = end + close.length;
  }
  return out;
}

function val(xml: string, local: string): string | undefined {
  const m = new RegExp(`<(?:\\w+:)?${local}\\b[^>]*>`).exec(xml);
  return m ? attr(m[0], 'val') : undefined;
}

function readLevels(xml: string): Map<number, Level> {
  const levels = new Map<number, Level>();
  for (const lvl of elements(xml, 'lvl')) {
    const ilvl = Number(attr(lvl.open, 'ilvl') ?? 0);
    levels.set(ilvl, {
      start: Number(val(lvl.body, 'start') ?? 1),
      numFmt: val(lvl.body, 'numFmt') ?? 'decimal',
      lvlText: val(lvl.body, 'lvlText') ?? '',
      suff: val(lvl.body, 'suff') ?? 'tab',
    });
  }
  return levels;
}

const CHINESE_DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
const HEAVENLY_STEMS = ['甲', '乙', '丙', '丁', '戊', '己', '庚', '辛', '壬', '癸'];

function chineseCounting(n: number): string {
  if (n <= 0) return String(n);
  if (n < 10) return CHINESE_DIGITS[n];
  if (n < 100) {
    const tens = Math.floor(n / 10);
    const ones = n % 10;
    return `${tens === 1 ? '' : CHINESE_DIGITS[tens]}十${ones === 0 ? '' : CHINESE_DIGITS[ones]}`;
  }
  return String(n);
}

function roman(n: number): string {
  if (n <= 0 || n >= 4000) return String(n);
  const table: [number, string][] = [[1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'], [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']];
  let s = '';
  for (const [v, r] of table) while (n >= v) (s += r), (n -= v);
  return s;
}

function letters(n: number): string {
  if (n <= 0) return String(n);
  const letter = String.fromCharCode(65 + ((n - 1) % 26));
  return letter.repeat(Math.floor((n - 1) / 26) + 1);
}

/** A counter value in a numFmt. */
export function formatNumber(n: number, numFmt: string): string {
  switch (numFmt) {
    case 'decimalZero':
      return n < 10 ? `0${n}` : String(n);
    case 'upperRoman':
      return roman(n);
    case 'lowerRoman':
      return roman(n).toLowerCase();
    case 'upperLetter':
      return letters(n);
    case 'lowerLetter':
      return letters(n).toLowerCase();
    case 'chineseCounting':
    case 'chineseCountingThousand':
    case 'chineseLegalSimplified':
    case 'taiwaneseCounting':
    case 'japaneseCounting':
      return chineseCounting(n);
    case 'ideographTraditional':
      return n >= 1 && n <= 10 ? HEAVENLY_STEMS[n - 1] : String(n);
    case 'decimalEnclosedCircle':
    case 'decimalEnclosedCircleChinese':
      return n >= 1 && n <= 20 ? String.fromCodePoint(0x2460 + n - 1) : String(n);
    case 'decimalFullWidth':
    case 'decimalFullWidth2':
      return String(n).replace(/[0-9]/g, (d) => String.fromCharCode(0xff10 + Number(d)));
    case 'none':
      return '';
    default:
      return String(n);
  }
}

/** Numbering definitions plus the running counters of one read of a document. */
export class DocxNumbering {
  private readonly abstracts = new Map<string, Map<number, Level>>();
  private readonly nums = new Map<string, NumInstance>();
  private readonly styles = new Map<string, StyleNumbering>();
  private defaultStyle: string | undefined;
  private readonly counters = new Map<string, number[]>();

  constructor(numberingXml: string | null, stylesXml: string | null) {
    if (numberingXml) {
      for (const a of elements(numberingXml, 'abstractNum')) {
        const id = attr(a.open, 'abstractNumId');
        if (id !== undefined) this.abstracts.set(id, readLevels(a.body));
      }
      for (const n of elements(numberingXml, 'num')) {
        const numId = attr(n.open, 'numId');
        const abstractId = val(n.body, 'abstractNumId');
        if (numId === undefined || abstractId === undefined) continue;
        const levels = new Map<number, Level>();
        const starts = new Map<number, number>();
        for (const o of elements(n.body, 'lvlOverride')) {
          const ilvl = Number(attr(o.open, 'ilvl') ?? 0);
          const start = val(o.body, 'startOverride');
          if (start !== undefined) starts.set(ilvl, Number(start));
          for (const [k, level] of readLevels(o.body)) levels.set(k, level);
        }
        this.nums.set(numId, { abstractId, levels, starts });
      }
    }
    if (stylesXml) {
      for (const st of elements(stylesXml, 'style')) {
        if (attr(st.open, 'type') !== 'paragraph') continue;
        const id = attr(st.open, 'styleId');
        if (id === undefined) continue;
        if (attr(st.open, 'default') === '1' || attr(st.open, 'default') === 'true') this.defaultStyle = id;
        const numPr = elements(st.body, 'numPr')[0]?.body ?? '';
        const ilvl = val(numPr, 'ilvl');
        this.styles.set(id, { numId: val(numPr, 'numId'), ilvl: ilvl === undefined ? undefined : Number(ilvl), basedOn: val(st.body, 'basedOn') });
      }
    }
  }

  /** Whether any numbering is defined at all (no numbering.xml: nothing to do). */
  get empty(): boolean {
    return this.nums.size === 0;
  }

  private level(num: NumInstance, ilvl: number): Level | undefined {
    return num.levels.get(ilvl) ?? this.abstracts.get(num.abstractId)?.get(ilvl);
  }

  /**
   * The label of the next paragraph with this numbering (from its numPr and/or style), advancing
   * the counters; null when the paragraph is not numbered or is a bullet.
   */
  next(numIdAttr: string | undefined, ilvlAttr: number | undefined, styleId: string | undefined): string | null {
    let numId = numIdAttr;
    let ilvl = ilvlAttr;
    let style = styleId ?? this.defaultStyle;
    for (let guard = 0; style !== undefined && guard < 20 && (numId === undefined || ilvl === undefined); guard++) {
      const s = this.styles.get(style);
      if (!s) break;
      if (numId === undefined && s.numId !== undefined) numId = s.numId;
      if (ilvl === undefined && s.ilvl !== undefined) ilvl = s.ilvl;
      style = s.basedOn;
    }
    if (numId === undefined || numId === '0') return null;
    const num = this.nums.get(numId);
    if (!num) return null;
    const lvl = Math.max(0, Math.min(8, ilvl ?? 0));
    const level = this.level(num, lvl);
    if (!level || level.numFmt === 'bullet') return null;
    // Instances with overrides count on their own; others share their abstract list's counters.
    const key = num.starts.size > 0 || num.levels.size > 0 ? `n${numId}` : `a${num.abstractId}`;
    const counters = this.counters.get(key) ?? [];
    this.counters.set(key, counters);
    const startOf = (k: number): number => num.starts.get(k) ?? this.level(num, k)?.start ?? 1;
    counters[lvl] = counters[lvl] === undefined ? startOf(lvl) : counters[lvl] + 1;
    counters.length = lvl + 1;
    const label = level.lvlText.replace(/%([1-9])/g, (_, d: string) => {
      const k = Number(d) - 1;
      const value = counters[k] ?? startOf(k);
      return formatNumber(value, this.level(num, k)?.numFmt ?? 'decimal');
    });
    if (label === '') return null;
    return label + (level.suff === 'space' ? ' ' : level.suff === 'nothing' ? '' : '\t');
  }
}

/** Paths of numbering.xml and styles.xml for a main document part, from its relationships. */
export function numberingParts(mainPart: string, relsXml: string | null): { numbering: string; styles: string } {
  const dir = mainPart.includes('/') ? mainPart.slice(0, mainPart.lastIndexOf('/') + 1) : '';
  const found = { numbering: `${dir}numbering.xml`, styles: `${dir}styles.xml` };
  if (!relsXml) return found;
  for (const m of relsXml.matchAll(/<(?:\w+:)?Relationship\b([^>]*)>/g)) {
    const type = attr(m[1], 'Type') ?? '';
    const target = attr(m[1], 'Target') ?? '';
    if (!target || /^[a-z]+:/i.test(target)) continue;
    const path = target.startsWith('/') ? target.slice(1) : dir + target;
    if (/\/numbering$/.test(type)) found.numbering = path;
    else if (/\/styles$/.test(type)) found.styles = path;
  }
  return found;
}
