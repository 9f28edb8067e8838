/**
 * Types for the two internal modules of word-extractor 1.0.x that doc.ts uses to follow
 * sprmPHugePapx (the package ships no types for them).
 */
declare module 'word-extractor/lib/word-ole-extractor.js' {
  import type { Buffer } from 'node:buffer';
  interface ExtractedDocument {
    getBody(options?: { filterUnicode?: boolean }): string;
  }
  class WordOleExtractor {
    constructor();
    extract(reader: unknown): Promise<ExtractedDocument>;
    buildDocument(): unknown;
    writeParagraphProperties(buffer: Buffer, tableBuffer: Buffer): void;
  }
  export default WordOleExtractor;
}

declare module 'word-extractor/lib/buffer-reader.js' {
  import type { Buffer } from 'node:buffer';
  class BufferReader {
    constructor(buffer: Buffer);
  }
  export default BufferReader;
}
