/**
 * Prepares a .docx for mammoth (the reference reader). mammoth is never handed the original bytes:
 * 1. the zip-guard limits are checked on the central directory first, then every XML part mammoth
 *    reads is inflated under the limits and refused if it declares a DOCTYPE/entities;
 * 2. word/document.xml is rewritten where mammoth's reading of WordprocessingML has holes, so that
 *    it reads what the streaming reader reads (stream.ts lists the rules):
 *    - a TC field's instruction becomes a text run (see model.ts `tcFieldText`);
 *    - text, tabs and breaks inside a field's code (between begin and separate) are dropped —
 *      mammoth would otherwise print the results of fields nested in another field's code;
 *    - w:fldSimple, w:dir and w:bdo are unwrapped (mammoth drops them with their text);
 *    - w:cr becomes w:br (mammoth ignores w:cr);
 *    - bookmarks are dropped (between table rows they make mammoth give up vertical merges);
 *    - gridBefore/gridAfter become placeholder cells (mammoth ignores them, which shifts the
 *      columns of the row); the HTML walker recognises the placeholders and emits nothing for them;
 *    - automatic numbering labels are written into the paragraphs (numbering.ts) and
 *      numbering.xml is left out of the package;
 * 3. the package is zipped again (stored, no compression) without media, which mammoth's HTML
 *    conversion does not need here.
 *
 * This is a tag-level rewrite of XML that Word wrote, not a general XML transformer.
 * Browser-safe: no Node-only imports.
 */
import { zipSync, type Zippable } from 'fflate';
import { GRID_PLACEHOLDER, isTcInstruction, tcFieldText } from './model.js';
import { DocxNumbering, numberingParts } from './numbering.js';
import {
  type ZipLimits,
  checkDeclaredSizes,
  corruptDocx,
  encryptedError,
  findMainDocumentPart,
  inflateEntryToBuffer,
  noDocumentXml,
  readZipDirectory,
  refuseDoctype,
} from '../zip-guard.js';


const W_NAMESPACES = ['http://schemas.openxmlformats.org/wordprocessingml/2006/main', 'http://purl.oclc.org/ooxml/wordprocessingml/main'];
const MC_NAMESPACE = 'http://schemas.openxmlformats.org/markup-compatibility/2006';

/** Returns the bytes mammoth reads, and the main part's name. */
export function prepareDocxForMammoth(bytes: Uint8Array, limits: ZipLimits): { zip: Uint8Array; mainPart: string } {
  const entries = readZipDirectory(bytes);
  if (entries.length === 0) throw noDocumentXml(entries);
  const mainPart = findMainDocumentPart(bytes, entries, limits);
  const main = entries.find((e) => e.name === mainPart);
  if (!main) throw noDocumentXml(entries);
  checkDeclaredSizes(entries, limits, mainPart);
  if (main.flags & 1) throw encryptedError();

  const files: Zippable = {};
  const xmlParts = new Map<string, string>();
  let budget = limits.maxInflatedSize;
  const decoder = new TextDecoder('utf-8');
  for (const e of entries) {
    const isXml = /\.(xml|rels)$/i.test(e.name);
    if (!isXml || e.name.endsWith('/')) continue;
    const cap = e.name === mainPart ? Math.min(limits.maxEntrySize, budget) : budget;
    const data = inflateEntryToBuffer(bytes, e, cap);
    budget -= data.length;
    const utf16 = data[0] === 0xff && data[1] === 0xfe;
    const xml = utf16 ? new TextDecoder('utf-16le').decode(data) : decoder.decode(data);
    refuseDoctype(xml, e.name);
    xmlParts.set(e.name, xml);
    if (e.name === mainPart) continue;
    if (utf16) files[e.name] = [new TextEncoder().encode(xml.replace(/encoding="UTF-16"/i, 'encoding="UTF-8"')), { level: 0 }];
    else files[e.name] = [data, { level: 0 }];
  }
  const mainXml = xmlParts.get(mainPart) ?? '';
  // xmldom would quietly keep an undefined entity; the streaming reader refuses it, so refuse here too.
  if (/&(?!(?:amp|lt|gt|quot|apos|#[0-9]+|#x[0-9a-fA-F]+);)/.test(mainXml)) throw corruptDocx(`${mainPart} 不是有效的 XML`, `${mainPart} is not well-formed XML`);
  const slash = mainPart.lastIndexOf('/');
  const paths = numberingParts(mainPart, xmlParts.get(`${mainPart.slice(0, slash + 1)}_rels/${mainPart.slice(slash + 1)}.rels`) ?? null);
  const numberingXml = xmlParts.get(paths.numbering) ?? null;
  const numbering = numberingXml ? new DocxNumbering(numberingXml, xmlParts.get(paths.styles) ?? null) : null;
  files[mainPart] = [new TextEncoder().encode(rewriteDocumentXml(mainXml, numbering && !numbering.empty ? numbering : null)), { level: 0 }];
  // The labels are in the text now: without numbering.xml mammoth writes every paragraph as a <p>
  // instead of nesting list items (it invents parent items for a list that starts at level 2).
  if (numberingXml) delete files[paths.numbering];
  return { zip: zipSync(files), mainPart };
}

interface Field {
  code: boolean;
  instr: string;
  /** Output indexes of this field's instrText pieces: [open tag, text, close tag]. */
  instrPieces: [number, number, number][];
}

const TOKEN = /<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<\?[\s\S]*?\?>|<!DOCTYPE[^>]*>|<(\/?)([^\s>/!?]+)([^>]*?)(\/?)>/g;

function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (m, e: string) => {
    const k = e.toLowerCase();
    if (k === 'amp') return '&';
    if (k === 'lt') return '<';
    if (k === 'gt') return '>';
    if (k === 'quot') return '"';
    if (k === 'apos') return "'";
    if (k.startsWith('#x')) return String.fromCodePoint(parseInt(k.slice(2), 16));
    if (k.startsWith('#')) return String.fromCodePoint(parseInt(k.slice(1), 10));
    return m;
  });
}
function escapeText(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Rewrites word/document.xml as described in the module comment. */
export function rewriteDocumentXml(xml: string, numbering: DocxNumbering | null = null): string {
  // The prefixes in use, from the root element's namespace declarations.
  let w = 'w';
  let mc = 'mc';
  const root = /<([^\s>/!?]+)([^>]*)>/.exec(xml.replace(/^(<\?[\s\S]*?\?>\s*)/, ''));
  if (root) {
    for (const m of root[2].matchAll(/xmlns:([\w.-]+)\s*=\s*"([^"]*)"/g)) {
      if (W_NAMESPACES.includes(m[2])) w = m[1];
      if (m[2] === MC_NAMESPACE) mc = m[1];
    }
  }
  const W = (local: string): string => `${w}:${local}`;
  const CONTENT_LEAVES = new Set(['t', 'tab', 'br', 'cr', 'noBreakHyphen', 'softHyphen', 'sym'].map(W));
  const SKIPPED = new Set([W('del'), W('moveFrom'), W('drawing'), W('rPr'), W('sectPr'), `${mc}:Choice`]);

  const out: string[] = [];
  const fields: Field[] = [];
  let skipName: string | null = null; // a subtree nobody reads (deleted text, drawings …)
  let skipDepth = 0;
  let dropUntilClose: string | null = null; // a content element inside a field's code
  let instr: { field: Field; open: number; text: number } | null = null;
  const rows: { gridBefore: number; gridAfter: number }[] = [];
  let inTrPr = false;
  // The paragraph properties being read, for automatic numbering: depth inside w:pPr (0 = its
  // direct children), and what it says.
  let pPrDepth = -1;
  let inNumPr = false;
  let pStyle: string | undefined;
  let numId: string | undefined;
  let ilvl: number | undefined;
  let last = 0;

  const inCode = (): boolean => fields.some((f) => f.code);
  const placeholder = (span: number): string =>
    `<${W('tc')}><${W('tcPr')}><${W('gridSpan')} ${W('val')}="${span}"/></${W('tcPr')}><${W('p')}><${W('r')}><${W('t')}>${GRID_PLACEHOLDER}</${W('t')}></${W('r')}></${W('p')}></${W('tc')}>`;
  const textRun = (text: string): string =>
    `<${W('r')}><${W('t')} xml:space="preserve">${escapeText(text)}</${W('t')}></${W('r')}>`;
  const endCode = (f: Field): void => {
    f.code = false;
    if (!isTcInstruction(f.instr)) return;
    for (const [o, t, c] of f.instrPieces) {
      out[o] = `<${W('t')} xml:space="preserve">`;
      out[t] = escapeText(tcFieldText(decodeEntities(out[t])));
      out[c] = `</${W('t')}>`;
    }
  };

  TOKEN.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = TOKEN.exec(xml))) {
    const text = xml.slice(last, m.index);
    last = TOKEN.lastIndex;
    if (dropUntilClose === null) out.push(text);
    else if (instr) out.push(text);
    const token = m[0];
    const name = m[2];
    if (name === undefined) {
      out.push(token);
      continue;
    }
    const closing = m[1] === '/';
    const selfClosing = m[4] === '/';

    if (skipName !== null) {
      out.push(token);
      if (name === skipName) {
        if (closing) skipDepth--;
        else if (!selfClosing) skipDepth++;
        if (skipDepth === 0) skipName = null;
      }
      continue;
    }
    if (dropUntilClose !== null) {
      if (closing && name === dropUntilClose) dropUntilClose = null;
      continue;
    }
    if (!closing && SKIPPED.has(name)) {
      out.push(token);
      if (!selfClosing) (skipName = name), (skipDepth = 1);
      continue;
    }

    if (numbering && name === W('pPr') && pPrDepth < 0 && !closing) {
      out.push(token);
      pStyle = numId = ilvl = undefined;
      inNumPr = false;
      if (selfClosing) {
        const label = numbering.next(undefined, undefined, undefined);
        if (label !== null) out.push(textRun(label));
      } else pPrDepth = 0;
      continue;
    }
    if (pPrDepth >= 0) {
      out.push(token);
      if (closing) {
        if (pPrDepth === 0 && name === W('pPr')) {
          pPrDepth = -1;
          const label = numbering!.next(numId, ilvl, pStyle);
          if (label !== null) out.push(textRun(label));
        } else {
          pPrDepth--;
          if (name === W('numPr')) inNumPr = false;
        }
        continue;
      }
      const v = (/\bval\s*=\s*"([^"]*)"/.exec(m[3]) ?? [])[1];
      if (pPrDepth === 0 && name === W('pStyle')) pStyle = v;
      else if (pPrDepth === 0 && name === W('numPr') && !selfClosing) inNumPr = true;
      else if (pPrDepth === 1 && inNumPr && name === W('numId')) numId = v;
      else if (pPrDepth === 1 && inNumPr && name === W('ilvl')) ilvl = Number(v ?? 0);
      if (!selfClosing) pPrDepth++;
      continue;
    }
    if (name === W('fldChar') && !closing) {
      const type = /fldCharType\s*=\s*"(\w+)"/.exec(m[3])?.[1];
      if (type === 'begin') fields.push({ code: true, instr: '', instrPieces: [] });
      else if (type === 'separate') {
        const f = fields[fields.length - 1];
        if (f && f.code) endCode(f);
      } else if (type === 'end') {
        const f = fields.pop();
        if (f && f.code) endCode(f);
      }
      out.push(token);
      continue;
    }
    if (name === W('instrText')) {
      const top = fields[fields.length - 1];
      if (!closing && !selfClosing && top && top.code) {
        out.push(token);
        instr = { field: top, open: out.length - 1, text: out.length };
      } else if (closing && instr) {
        // The text piece between the tags was pushed by the loop head.
        out.push(token);
        const t = out.length - 2;
        instr.field.instr += decodeEntities(out[t]);
        instr.field.instrPieces.push([instr.open, t, out.length - 1]);
        instr = null;
      } else {
        out.push(token);
      }
      continue;
    }
    if (!closing && CONTENT_LEAVES.has(name) && inCode()) {
      if (!selfClosing) dropUntilClose = name;
      continue;
    }
    if (name === W('cr') && !closing) {
      out.push(`<${W('br')}/>`);
      if (!selfClosing) dropUntilClose = name;
      continue;
    }
    if (name === W('fldSimple')) {
      if (!closing) {
        const instrAttr = decodeEntities(/\binstr\s*=\s*"([^"]*)"/.exec(m[3])?.[1] ?? '');
        if (isTcInstruction(instrAttr) && !inCode()) out.push(textRun(tcFieldText(instrAttr)));
      }
      continue;
    }
    if (name === W('dir') || name === W('bdo') || name === W('bookmarkStart') || name === W('bookmarkEnd')) continue;

    if (name === W('tr')) {
      if (!closing && !selfClosing) {
        rows.push({ gridBefore: 0, gridAfter: 0 });
        out.push(token);
      } else if (closing) {
        const row = rows.pop();
        if (row && row.gridAfter > 0) out.push(placeholder(row.gridAfter));
        out.push(token);
      } else out.push(token);
      continue;
    }
    if (name === W('trPr')) {
      out.push(token);
      if (!closing && !selfClosing) inTrPr = true;
      else if (closing) {
        inTrPr = false;
        const row = rows[rows.length - 1];
        if (row && row.gridBefore > 0) out.push(placeholder(row.gridBefore));
      }
      continue;
    }
    if (inTrPr && (name === W('gridBefore') || name === W('gridAfter')) && !closing) {
      const row = rows[rows.length - 1];
      const v = parseInt(/\bval\s*=\s*"(\d+)"/.exec(m[3])?.[1] ?? '0', 10);
      if (row && v > 0) {
        if (name === W('gridBefore')) row.gridBefore = Math.min(v, 1000);
        else row.gridAfter = Math.min(v, 1000);
      }
      out.push(token);
      continue;
    }
    out.push(token);
  }
  out.push(xml.slice(last));
  return out.join('');
}
