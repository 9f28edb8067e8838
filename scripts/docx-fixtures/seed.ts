/**
 * The project table shape of the seed (fixtures/seed/seed-rows.txt: one row a line, cells split
 * by TAB), read back into rows and drawn as a Word table of the seed's shape; the repository root.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Paragraph, Table, TableCell, TableRow, TextRun, VerticalMergeType } from 'docx';

/** The repository root, from scripts/ or from dist/scripts/. */
export function repoRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('package.json not found');
    dir = parent;
  }
  return dir;
}
export const ROOT = repoRoot();
export const SEED_ROWS = join(ROOT, 'fixtures/seed/seed-rows.txt');

// ---------------------------------------------------------------------------------------------
// The project table shape (from fixtures/seed/seed-rows.txt: one row a line, cells split by TAB)

/** One project of the seed: its title paragraph and its table rows (cell texts; "\n" = new paragraph). */
export interface SeedProject {
  title: string;
  rows: string[][];
}

/** Reads seed-rows.txt: the paragraphs before the first table, and the 18 projects. */
export function readSeedRows(): { preamble: string[]; projects: SeedProject[] } {
  const lines = readFileSync(SEED_ROWS, 'utf8').replace(/\r\n/g, '\n').split('\n');
  const preamble: string[] = [];
  const projects: SeedProject[] = [];
  let open: string[] | null = null; // the row being continued on the next line
  for (const line of lines) {
    if (open) {
      const parts = line.split('\t');
      open[open.length - 1] += '\n' + parts[0];
      if (parts.length > 1) {
        open.push(...parts.slice(1, line.endsWith('\t') ? -1 : undefined));
        if (line.endsWith('\t')) open = null;
      }
      continue;
    }
    if (/绩效目标表 TC /.test(line)) {
      projects.push({ title: line, rows: [] });
      continue;
    }
    if (projects.length === 0) {
      if (line.trim() !== '') preamble.push(line);
      continue;
    }
    if (line === '') continue;
    const complete = line.endsWith('\t');
    const cells = line.split('\t');
    if (complete) cells.pop();
    projects[projects.length - 1].rows.push(cells);
    if (!complete) open = cells;
  }
  return { preamble, projects };
}

/** Grid column widths of the seed's project table (twips). */
export const SEED_GRID = [1421, 1366, 1066, 1306, 966, 847, 554];

/** Column spans of a seed-shaped row, by its number of cells (and whether it is the first row). */
export function spansFor(n: number, r = 1): number[] {
  switch (n) {
    case 2:
      return r === 0 ? [4, 3] : [1, 6];
    case 4:
      return [1, 1, 1, 4];
    case 5:
      return [1, 1, 1, 1, 3];
    case 6:
      return [1, 1, 1, 1, 1, 2];
    default:
      return Array.from({ length: n }, () => 1);
  }
}

export function paragraphs(text: string): Paragraph[] {
  return text.split('\n').map((t) => new Paragraph({ children: t === '' ? [] : [new TextRun(t)] }));
}

/**
 * A project table in the seed's shape: the first cell of a row that is empty and follows a row
 * whose first cell was filled (or continued) becomes a vertical-merge continuation, as Word writes
 * 资金用途 under 预算规模及资金用途 and the 一级指标 column.
 */
export function seedShapedTable(
  rows: string[][],
  spans: (n: number, r: number) => number[] = spansFor,
  cellParagraphs?: (r: number, c: number) => Paragraph[] | undefined,
): Table {
  const merged = rows.map((row, r) => r > 0 && row.length > 1 && row[0] === '' && rows[r - 1][0] !== undefined);
  return new Table({
    columnWidths: SEED_GRID,
    rows: rows.map((row, r) => {
      const sp = spans(row.length, r);
      const continues = merged[r];
      const restarts = !continues && r + 1 < rows.length && merged[r + 1];
      return new TableRow({
        children: row.map(
          (text, c) =>
            new TableCell({
              children: continues && c === 0 ? [new Paragraph({})] : (cellParagraphs?.(r, c) ?? paragraphs(text)),
              columnSpan: sp[c] > 1 ? sp[c] : undefined,
              verticalMerge:
                c === 0 && continues ? VerticalMergeType.CONTINUE : c === 0 && restarts ? VerticalMergeType.RESTART : undefined,
            }),
        ),
      });
    }),
  });
}
