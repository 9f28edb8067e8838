/** `jxlint parse FILE… [--format json|pretty]`: show what jxlint read. */
import chalk, { Chalk, type ChalkInstance } from 'chalk';
import { valueKindName, type JxDocument, type Value } from '../index.js';
import { readInputFile, SourceError, toParseJson, tryParse } from '../node.js';

export interface ParseCommandOptions {
  format: 'json' | 'pretty';
  color: boolean;
  docxReader?: 'stream' | 'mammoth';
  maxFileSize?: number;
  maxInflatedSize?: number;
}

/** Returns the exit code: 0 all parsed, 2 some file could not be read. */
export async function runParse(files: string[], options: ParseCommandOptions, out: (s: string) => void, err: (s: string) => void): Promise<number> {
  let exitCode = 0;
  const documents: unknown[] = [];
  for (const file of files) {
    let bytes: Uint8Array;
    try {
      bytes = await readInputFile(file, options.maxFileSize);
    } catch (e) {
      if (!(e instanceof SourceError)) throw e;
      err(`${file}: ${e.message} (${e.messageEn})`);
      exitCode = 2;
      continue;
    }
    const result = await tryParse(bytes, {
      filePath: file,
      docxReader: options.docxReader,
      maxFileSize: options.maxFileSize,
      maxInflatedSize: options.maxInflatedSize,
    });
    if (result.error) {
      err(`${file}: ${result.error.message} (${result.error.messageEn})`);
      exitCode = 2;
      continue;
    }
    const doc = result.document;
    if (doc.projects.length === 0) {
      for (const d of doc.diagnostics) err(`${file}: ${d.message} (${d.messageEn})`);
      exitCode = 2;
    }
    if (options.format === 'json') documents.push(toParseJson(doc));
    else out(pretty(doc, options.color ? chalk : new Chalk({ level: 0 })));
  }
  if (options.format === 'json') out(JSON.stringify(documents.length === 1 ? documents[0] : documents, null, 2));
  return exitCode;
}

function valueText(v: Value): string {
  return v.kind === 'empty' ? '（空）' : v.raw;
}

/** A readable outline in Chinese. */
export function pretty(doc: JxDocument, c: ChalkInstance): string {
  const lines: string[] = [];
  lines.push(c.bold(doc.filePath) + c.dim(`  格式 ${doc.format}${doc.encoding ? ' · 编码 ' + doc.encoding : ''} · 版式 ${doc.layout} · ${doc.projects.length} 个项目`));
  const d = doc.department;
  if (d.present) {
    lines.push(c.cyan('部门整体绩效目标') + c.dim(`  总体目标 ${d.overallGoal.length} 段 · 分项目标 ${d.itemGoals.length} 条 · 保障措施 ${d.safeguards.length} 条`));
  }
  for (const p of doc.projects) {
    lines.push('');
    lines.push(c.bold(`${p.index}、${p.name ?? p.title ?? '（无项目名称）'}`) + c.dim(`  ${p.code ?? '（无项目编码）'} · 模板 ${p.template}`));
    if (p.agency) lines.push(`  预算单位  ${p.agency}`);
    const b = p.budget;
    const amount = (n: number | null) => (n === null ? '（空）' : `${n} 万元`);
    lines.push(`  预算数    ${amount(b.total)}（财政资金 ${amount(b.fiscal)}，其他资金 ${amount(b.other)}）`);
    if (p.purpose) lines.push(`  资金用途  ${p.purpose}`);
    lines.push(
      `  支出计划  ${p.spendPlan.present ? p.spendPlan.labels.map((l, i) => `${l} ${valueText(p.spendPlan.values[i])}`).join(' · ') : p.template === 'seed-2020' || p.template === 'unknown' ? c.yellow('（缺）') : c.dim('（本模板无此栏）')}`,
    );
    lines.push(`  绩效目标  ${p.goals.length ? p.goals.map((g) => g.text).join(' ') : c.yellow('（缺）')}`);
    lines.push(c.dim(`  指标 ${p.indicators.length} 项 · ${p.layout === 'legacy' ? '旧版（成本指标在产出指标下）' : p.layout === 'v2021' ? '2021版（成本指标为一级指标）' : p.layout}`));
    for (const i of p.indicators) {
      lines.push(
        `    ${c.dim((i.level1 ?? '') + ' / ' + (i.level2 ?? '') + ' /')} ${i.level3 ?? '（空）'}  ${c.green(valueText(i.value))} ${c.dim(valueKindName(i.value.kind))}`,
      );
    }
  }
  for (const diag of doc.diagnostics) lines.push(c.red(`  ${diag.severity === 'error' ? '错误' : diag.severity === 'warning' ? '警告' : '提示'}  ${diag.message}`));
  return lines.join('\n');
}
