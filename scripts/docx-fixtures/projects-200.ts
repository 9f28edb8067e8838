/**
 * The 200-project document: the seed's 18 tables repeated, generated into the bench cache
 * (.bench-cache/docx/, not committed) on demand by the tests and the bench.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Paragraph, Table, TextRun } from 'docx';
import { readSeedRows, ROOT, seedShapedTable } from './seed.js';
import { pack } from './wordml.js';

const CACHE = join(ROOT, '.bench-cache/docx');
export const PROJECTS_200 = join(CACHE, 'projects-200.docx');

/** A 4-character suffix like the seed's (WMEB, B5YG …), deterministic per index. */
function suffix(i: number): string {
  const A = 'ABCDEFGHJKLMNPQRSTUVWXYZ0123456789';
  let x = (i * 2654435761) >>> 0;
  let s = '';
  for (let k = 0; k < 4; k++) (s += A[x % A.length]), (x = Math.floor(x / A.length) + k * 7919);
  return s;
}

/** The seed's 18 tables repeated to `count` projects, each with its own code and ordinal. */
export async function makeProjectsDocx(count: number): Promise<Uint8Array> {
  const { preamble, projects } = readSeedRows();
  const children: (Paragraph | Table)[] = preamble.map((t) => new Paragraph({ children: [new TextRun(t)] }));
  for (let i = 0; i < count; i++) {
    const p = projects[i % projects.length];
    const rows = p.rows.map((row) => row.slice());
    rows[1][1] = rows[1][1].replace(/-[0-9A-Z]{4}$/, `-${suffix(i)}`);
    const name = /^\d+、(.*)绩效目标表 TC/.exec(p.title)?.[1] ?? '项目';
    children.push(new Paragraph({ children: [new TextRun(`${i + 1}、${name}绩效目标表 TC ${i + 9}、${name}绩效目标表 \\f C \\l 1`)] }));
    children.push(seedShapedTable(rows));
  }
  return pack(children);
}

/** Builds .bench-cache/docx/projects-200.docx if it is missing; returns its path. */
export async function ensureProjects200Docx(): Promise<string> {
  if (!existsSync(PROJECTS_200)) {
    mkdirSync(CACHE, { recursive: true });
    writeFileSync(PROJECTS_200, await makeProjectsDocx(200));
  }
  return PROJECTS_200;
}
