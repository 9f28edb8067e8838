/**
 * Documents of the template families: content (the seed's projects or synthetic ones, with planted
 * defects) poured into a family's template, written as .docx, .xlsx and (where LibreOffice is
 * installed) .doc and LibreOffice text, each with its truth.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type ProjectContent, seedProjects, syntheticProject } from './content.js';
import { type PlantedDefect, plantDefects } from './defects.js';
import {
  adaptContent,
  drawVariant,
  type Family,
  FAMILY_SOURCES,
  type ProjectTruth,
  type RenderedProject,
  renderProject,
  SEED_VARIANT,
  type Variant,
} from './families.js';
import { makeRng } from './rng.js';
import { parseValue } from '../../grammar/value.js';
import type { ValueSpec } from './content.js';
import { sofficeConvert, writeDocx, writeXlsx } from './write.js';

export const FORMATS = ['docx', 'txt', 'doc', 'xlsx'] as const;
export type Format = (typeof FORMATS)[number];

/** The truth file of one document (<stem>.truth.json): the facts the generator wrote, for every format. */
export interface DocumentTruth {
  stem: string;
  family: Family;
  /** The source template (docs/templates.md). */
  template: string;
  /** Where the content came from and how it was drawn. */
  content: string;
  variant: Variant;
  /** Defects planted on purpose (beside those the seed's own projects carry). */
  planted: PlantedDefect[];
  projects: ProjectTruth[];
}

export interface TemplateDocument {
  stem: string;
  family: Family;
  variant: Variant;
  /** The adapted content, project by project (the bench renders it in the seed's template too). */
  contents: ProjectContent[];
  rendered: RenderedProject[];
  truth: DocumentTruth;
}

export interface DocumentSpec {
  stem: string;
  family: Family;
  /** `seed`: the seed's projects with these 0-based indexes; `synthetic`: `count` random projects. */
  source: { kind: 'seed'; projects: number[] } | { kind: 'synthetic'; count: number };
  seed: number;
  /** Number of defects to plant. */
  defects: number;
  /** Overrides of the random variant (committed fixtures pin some so each family covers both arrangements). */
  variant?: Partial<Variant>;
}

/** Whether the family's table shows the 项目编码 (core-2021 only with its optional row). */
export function hasCode(family: Family, variant: Variant): boolean {
  return family === 'seed-2020' || family === 'hubei' || (family === 'core-2021' && variant.codeRow);
}

export async function makeDocument(spec: DocumentSpec): Promise<TemplateDocument> {
  const rng = makeRng(spec.seed);
  const variant: Variant = { ...drawVariant(rng.fork('variant'), spec.family), ...spec.variant };
  const contentRng = rng.fork('content');
  let contents: ProjectContent[];
  if (spec.source.kind === 'seed') {
    const seed = await seedProjects();
    contents = spec.source.projects.map((i) => structuredClone(seed[i]));
  } else {
    const layoutFor = (): 'legacy' | 'v2021' =>
      spec.family === 'core-2021' ? 'v2021' : spec.family === 'seed-2020' && contentRng.chance(0.2) ? 'v2021' : 'legacy';
    contents = Array.from({ length: spec.source.count }, (_, n) => syntheticProject(contentRng, n + 1, layoutFor(), String(spec.seed)));
  }
  const adaptRng = rng.fork('adapt');
  contents = contents.map((c) => adaptContent(c, spec.family, adaptRng));
  const planted = plantDefects(rng.fork('defects'), contents, spec.family, hasCode(spec.family, variant), spec.defects);
  for (const c of contents) for (const ind of [...c.indicators, ...c.longTermIndicators]) checkValueSpec(ind.value, `${spec.stem} ${c.source} ${ind.level3}`);
  const rendered = contents.map((c, i) => renderProject(spec.family, c, i + 1, variant));
  const contentNote =
    spec.source.kind === 'seed'
      ? `the seed's projects ${spec.source.projects.map((i) => i + 1).join(', ')} (fixtures/seed/seed.docx) poured into the template`
      : `${spec.source.count} synthetic projects, random seed ${spec.seed}`;
  return {
    stem: spec.stem,
    family: spec.family,
    variant,
    contents,
    rendered,
    truth: {
      stem: spec.stem,
      family: spec.family,
      template: FAMILY_SOURCES[spec.family],
      content: contentNote,
      variant,
      planted,
      projects: rendered.map((r) => r.truth),
    },
  };
}

/**
 * The typed reading the generator states for a value must be what the seed's template (read
 * exactly, 1.00) reads from the value written in one cell; a mismatch is a mistake in the
 * generator's catalogue, so generation stops.
 */
function checkValueSpec(v: ValueSpec, where: string): void {
  const p = parseValue(v.raw);
  const same = p.raw === v.raw && p.op === v.op && p.number === v.number && p.unit === v.unit && p.kind === v.kind;
  if (!same) throw new Error(`${where}: the generator says ${JSON.stringify(v)}, the seed's template reads ${JSON.stringify(p)}`);
}

/** The same content in the seed's own template (the bench's rule truth). */
export function inSeedTemplate(doc: TemplateDocument): RenderedProject[] {
  return doc.contents.map((c, i) => renderProject('seed-2020', c, i + 1, SEED_VARIANT));
}

/**
 * Writes <dir>/<stem>.docx, .xlsx and .truth.json; returns the .docx paths so the caller can convert
 * them all with one LibreOffice run (`convertAll`).
 */
export async function writeDocument(dir: string, doc: TemplateDocument): Promise<string> {
  mkdirSync(dir, { recursive: true });
  const docx = join(dir, `${doc.stem}.docx`);
  writeFileSync(docx, await writeDocx(doc.rendered.map((r) => r.blocks)));
  writeFileSync(join(dir, `${doc.stem}.xlsx`), await writeXlsx(doc.rendered, doc.variant.xlsx));
  writeFileSync(join(dir, `${doc.stem}.truth.json`), JSON.stringify(doc.truth, null, 1) + '\n');
  return docx;
}

/** .doc and LibreOffice text beside every .docx (LibreOffice must be installed). */
export function convertAll(docxPaths: string[]): void {
  sofficeConvert(docxPaths, 'doc');
  sofficeConvert(docxPaths, 'txt');
}

// ---------------------------------------------------------------------------------------------
// The committed fixtures (fixtures/templates/<family>/)

/**
 * Three documents a family: the seed's projects poured into the template, and two of synthetic
 * projects with planted defects. The pinned variant parts make each family show both .xlsx
 * arrangements and both budget arrangements where the family has two.
 */
export function committedSpecs(): DocumentSpec[] {
  const specs: DocumentSpec[] = [];
  const families: Family[] = ['seed-2020', 'hunan', 'core-2021', 'hubei', 'national-2016'];
  families.forEach((family, f) => {
    const seedPicks = [[0, 1, 2], [3, 7, 9], [1, 4, 13], [5, 10, 15], [2, 8, 17]][f];
    const own = family !== 'seed-2020';
    const labels = (i: number): Partial<Variant> => (own ? { labels: (['plain', 'colon', 'spaced', 'halfwidth'] as const)[(f + i) % 4] } : {});
    const twoBudgets = own && family !== 'national-2016';
    specs.push(
      {
        stem: `${family}-seed`,
        family,
        source: { kind: 'seed', projects: seedPicks },
        seed: 1100 + f,
        defects: 0,
        variant: { xlsx: 'stacked', budget: 'pairs', blockHeads: 'row', labelColumn: own && family !== 'national-2016', seedUnitLine: 'cells', goals: 'lines', ...labels(0) },
      },
      {
        stem: `${family}-synthetic-a`,
        family,
        source: { kind: 'synthetic', count: 3 },
        seed: 2100 + f,
        defects: 4,
        variant: { xlsx: 'per-sheet', budget: twoBudgets ? 'stacked' : 'pairs', blockHeads: 'paragraph', labelColumn: false, seedUnitLine: 'paragraph', goals: own ? 'inline' : 'lines', ...labels(1) },
      },
      { stem: `${family}-synthetic-b`, family, source: { kind: 'synthetic', count: 2 }, seed: 3100 + f, defects: 3, variant: labels(2) },
    );
  });
  return specs;
}
