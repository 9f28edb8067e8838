/**
 * The byte scanner's tag names (src/sources/docx/xml-scan.ts): numbered names, end tags checked
 * against the open element, names that share a slot of its name table, chunked input.
 */
import { describe, expect, it } from 'vitest';
import { XmlScanner, XmlSyntaxError, type XmlTag } from '../src/sources/docx/xml-scan.js';

interface Event {
  kind: 'open' | 'close';
  name: string;
  nameId: number | undefined;
}

function scan(xml: string, chunk = Infinity): Event[] {
  const events: Event[] = [];
  const scanner = new XmlScanner(
    {
      open: (tag: XmlTag) => events.push({ kind: 'open', name: tag.name, nameId: tag.nameId }),
      close: (tag) => events.push({ kind: 'close', name: tag.name, nameId: tag.nameId }),
      onText: () => undefined,
      wantsText: () => false,
    },
    () => {
      throw new Error('doctype');
    },
  );
  const bytes = new TextEncoder().encode(xml);
  const step = Math.min(chunk, bytes.length);
  for (let i = 0; i < bytes.length; i += step) scanner.write(bytes.subarray(i, i + step));
  scanner.close();
  return events;
}

/** The events a trivially correct reading of `xml` (no attributes with '>' in them) gives. */
function expected(xml: string): { kind: 'open' | 'close'; name: string }[] {
  const out: { kind: 'open' | 'close'; name: string }[] = [];
  for (const m of xml.matchAll(/<(\/?)([^\s/>]+)[^>]*?(\/?)>/g)) {
    if (m[1]) out.push({ kind: 'close', name: m[2] });
    else {
      out.push({ kind: 'open', name: m[2] });
      if (m[3]) out.push({ kind: 'close', name: m[2] });
    }
  }
  return out;
}

describe('tag names', () => {
  // 3,000 distinct names share the 2,048 slots of the name table: every lookup must still be exact.
  const many = Array.from({ length: 3000 }, (_, i) => `n:${i.toString(36)}x${(i * 7919) % 1000}`);
  const nested = `<root>${many.map((n, i) => `<${n} a="${i}">${i % 3 === 0 ? `<${many[(i * 31) % many.length]}/>` : ''}</${n}>`).join('')}<w:p><w:r><w:t>x</w:t></w:r></w:p></root>`;

  it.each<[string, string, number]>([
    ['Word markup', '<w:document><w:body><w:p><w:pPr><w:jc w:val="left"/></w:pPr><w:r><w:t>字</w:t></w:r></w:p><w:tbl><w:tr><w:tc><w:tcPr><w:tcBorders><w:right/></w:tcBorders></w:tcPr></w:tc></w:tr></w:tbl></w:body></w:document>', Infinity],
    ['the same in 3-byte chunks', '<w:document><w:body><w:p><w:pPr><w:jc w:val="left"/></w:pPr><w:r><w:t>字</w:t></w:r></w:p></w:body></w:document>', 3],
    ['non-ASCII names', '<文档><段 属性="值"><段/></段 ></文档>', Infinity],
    ['3,000 names sharing slots', nested, Infinity],
    ['3,000 names in 1 KiB chunks', nested, 1024],
  ])('%s', (_, xml, chunk) => {
    const events = scan(xml, chunk);
    expect(events.map(({ kind, name }) => ({ kind, name }))).toEqual(expected(xml));
    // One id per name, one name per id.
    const idOf = new Map<string, number | undefined>();
    const nameOf = new Map<number | undefined, string>();
    for (const e of events) {
      expect(idOf.get(e.name) ?? e.nameId).toBe(e.nameId);
      expect(nameOf.get(e.nameId) ?? e.name).toBe(e.name);
      idOf.set(e.name, e.nameId);
      nameOf.set(e.nameId, e.name);
    }
    expect(typeof events[0].nameId).toBe('number');
  });

  it.each<[string, string]>([
    ['<a><b></a>', 'mismatched </a>'],
    ['<a></b>', 'mismatched </b>'],
    ['<a></a></a>', 'mismatched </a>'],
    ['<a><ab></a></ab>', 'mismatched </a>'],
    ['<w:p><w:r></w:p>', 'mismatched </w:p>'],
    ['<段><段落></段></段落>', 'mismatched </段>'],
    ['<a><b>', 'unclosed tag <b>'],
  ])('%s is refused: %s', (xml, message) => {
    expect(() => scan(xml)).toThrow(XmlSyntaxError);
    expect(() => scan(xml)).toThrow(message);
  });

  it('an end tag may have blanks before its ">"', () => {
    expect(scan('<a><b ></b\n\t ></a >').map((e) => e.kind + ' ' + e.name)).toEqual(['open a', 'open b', 'close b', 'close a']);
  });
});

describe('one attribute and all attributes agree', () => {
  it.each<[string, string, string | undefined]>([
    ['<w:pStyle w:val="a" w:val="b"/>', 'w:val', 'b'],
    ['<w:pStyle w:val="a"/>', 'w:val', 'a'],
    ['<w:pStyle w:val="a>b"/>', 'w:val', 'a>b'],
    ['<w:pStyle w:x="1" w:val=\'&lt;q&gt;\'/>', 'w:val', '<q>'],
  ])('%s: %s', (xml, name, value) => {
    let fast: string | undefined;
    let full: string | undefined;
    new XmlScanner(
      {
        open: (tag: XmlTag) => {
          fast = tag.attribute!(name);
          full = tag.attributes[name];
        },
        close: () => undefined,
        onText: () => undefined,
        wantsText: () => false,
      },
      () => {
        throw new Error('doctype');
      },
    ).write(new TextEncoder().encode(xml));
    expect(fast).toBe(value);
    expect(full).toBe(value);
  });
});
