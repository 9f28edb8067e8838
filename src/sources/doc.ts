/**
 * Legacy Word 97–2003 .doc (Node-only edge file, imported dynamically by readSource):
 * word-extractor reads the body text, which is the row-per-line layout (one table row a line, cells
 * split by TAB); text.ts reads that layout and gives the cells table origins.
 *
 * Known limits of word-extractor: field codes are removed (a real TC field leaves no residue,
 * unlike the .docx readers); list numbers are not in the text.
 */
import { Buffer } from 'node:buffer';
import WordExtractor from 'word-extractor';
import type { BlockStream } from './blocks.js';
import { SourceError } from './blocks.js';
import { readTextString } from './text.js';

export async function readDoc(bytes: Uint8Array): Promise<BlockStream> {
  let body: string;
  try {
    const extractor = new WordExtractor();
    const document = await extractor.extract(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    // filterUnicode: false keeps curly quotes and dashes as written (the .docx readers keep them too).
    // (@types/word-extractor omits the options argument.)
    body = (document.getBody as (options?: { filterUnicode?: boolean }) => string).call(document, { filterUnicode: false });
  } catch {
    throw new SourceError(
      'corrupt-doc',
      '文件已损坏：无法读取这个 Word 97–2003 (.doc) 文档，请用 Word 打开后另存为 .docx 再检查',
      'The Word 97–2003 (.doc) file cannot be read; open it in Word, save it as .docx and check it again',
    );
  }
  const stream = readTextString(body, { layout: 'row-per-line', tableOrigins: true });
  stream.info.format = 'doc';
  stream.info.encoding = null;
  stream.info.layout = 'table';
  return stream;
}
