/**
 * The reference .docx reader (`--docx-reader mammoth`): mammoth converts the document to HTML and
 * cheerio walks it into the Block stream. Slow (mammoth builds full DOMs) but independent of the
 * streaming reader; the differential test holds the two to identical output.
 *
 * mammoth is only ever handed a package that passed the zip-guard limits and was prepared by
 * prepare.ts. Imported dynamically by readSource (mammoth's Node entry point loads `fs`).
 */
import mammoth from 'mammoth';
import { load } from 'cheerio/slim';
import type { BlockStream } from '../blocks.js';
import { SourceError } from '../blocks.js';
import { DocxBlockBuilder } from './model.js';
import { prepareDocxForMammoth } from './prepare.js';
import { HtmlWalker, type HtmlNode } from '../html-walk.js';
import { type ZipLimits, checkMammothSize, corruptDocx } from '../zip-guard.js';

/** mammoth options: keep empty paragraphs (cell structure), breaks of every kind as <br>, no image data. */
const MAMMOTH_OPTIONS = {
  ignoreEmptyParagraphs: false,
  styleMap: ["br[type='page'] => br:fresh", "br[type='column'] => br:fresh"],
  convertImage: mammoth.images.imgElement(async () => ({ src: '' })),
};

/** Converts a prepared package to mammoth's HTML (the bench measures this step alone too). */
export async function mammothHtml(zip: Uint8Array): Promise<string> {
  const arrayBuffer = zip.buffer.slice(zip.byteOffset, zip.byteOffset + zip.byteLength) as ArrayBuffer;
  // mammoth's Node build reads `buffer`, its browser build `arrayBuffer`: give both.
  const input = { buffer: zip, arrayBuffer } as unknown as { arrayBuffer: ArrayBuffer };
  const result = await mammoth.convertToHtml(input, MAMMOTH_OPTIONS);
  return result.value;
}

export async function readDocxMammoth(bytes: Uint8Array, limits: ZipLimits): Promise<BlockStream> {
  const { zip, mainPart } = prepareDocxForMammoth(bytes, limits);
  checkMammothSize(zip, mainPart);
  let html: string;
  try {
    html = await mammothHtml(zip);
  } catch (err) {
    if (err instanceof SourceError) throw err;
    throw corruptDocx(`mammoth 无法读取 ${mainPart}`, `mammoth cannot read ${mainPart}`);
  }
  const $ = load(html, null, false);
  const builder = new DocxBlockBuilder();
  new HtmlWalker('mammoth', builder).walk(($.root()[0] as unknown as HtmlNode).children ?? []);
  return builder.finish('docx');
}
