/**
 * `npm run bench`: every speed target of the project, measured in one run and printed as tables.
 * Runs from the compiled output (dist/bench/run.js) so it measures what users run.
 * `npm run bench -- parse lint` runs only the named groups.
 */
import { benchBatch } from './batch.js';
import { benchBatchSizes } from './batch-sizes.js';
import { benchCache } from './cache.js';
import { benchDocx } from './docx.js';
import { benchHtmlBatch } from './html-batch.js';
import { benchLint } from './lint.js';
import { benchLsp } from './lsp.js';
import { benchParse } from './parse.js';
import { benchScale } from './scale.js';
import { benchServe } from './serve.js';
import { benchStartup } from './startup.js';
import { benchStylish } from './stylish.js';
import { benchXlsx } from './xlsx.js';
import { benchTemplates } from './templates.js';
import { type BenchRow, printRows } from './util.js';

const groups: [string, string, () => Promise<BenchRow[]>][] = [
  ['parse', 'Core: plain-text parse', benchParse],
  ['docx', 'Word documents: .docx readers', benchDocx],
  ['xlsx', 'Excel workbooks: .xlsx reader vs exceljs and .docx (issue 11)', benchXlsx],
  ['lint', 'Rules: lint the parsed seed', benchLint],
  ['batch', 'Batch scan: 1,000 .docx files', benchBatch],
  ['batch-sizes', 'Batch sizes: --concurrency 1, 2 and auto (issue 14)', benchBatchSizes],
  ['cache', 'Re-scan with --cache (1,000 .docx)', benchCache],
  ['reports', 'Batch reports: html (index + document pages) and xlsx at 1,000 files', benchHtmlBatch],
  ['startup', 'Start-up: one text export as a whole process, beside textlint (issue 14)', benchStartup],
  ['stylish', 'Terminal report: very long messages (wrapToWidth is linear)', benchStylish],
  ['lsp', 'Language server (jxlint lsp --stdio)', benchLsp],
  ['scale', 'Scale and hostile inputs: one result each, linear time, bounded memory', benchScale],
  ['cells', 'Huge cells: one 指标值 cell of 10 K – 1 M characters, parse + lint linear (issue 15)', (await import('./cells.js')).benchCells],
  ['serve', 'Intake service (jxlint serve): seed .docx uploads on loopback', benchServe],
  ['templates', 'Templates and Excel (issue 11): parse fidelity and exact rules on a fresh corpus (JXLINT_TEMPLATES_SEED=N repeats one)', benchTemplates],
];

const wanted = process.argv.slice(2);
process.stdout.write(`jxlint benchmarks — node ${process.version}, ${new Date().toISOString()}\n`);
for (const [id, title, run] of groups) {
  if (wanted.length > 0 && !wanted.includes(id)) continue;
  printRows(title, await run());
}
