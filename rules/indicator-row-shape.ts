import { defineRule } from '../src/engine/define-rule.js';
import { table, withRows } from './shared/example-table.js';
import { isIndicatorRow } from './shared/indicator-grid.js';

export const indicatorRowShape = defineRule({
  meta: {
    id: 'indicator-row-shape',
    category: 'structure',
    defaultSeverity: 'warn',
    kind: 'heuristic',
    recommended: true,
    messages: {
      fewer: {
        'zh-CN':
          '指标行“{level3}”只有 {found} 个单元格，表头有 {expected} 列；少了的单元格多是合并或漏填造成的，后面的列会错位（指标值可能被当成描述读）；请补齐空单元格，使每行与表头列数一致',
        en: 'Indicator row "{level3}" has {found} cells but the header has {expected} columns; missing cells (merged or skipped) shift the columns after them, so a value may be read as a description; add the blank cells so every row matches the header',
      },
      more: {
        'zh-CN':
          '指标行“{level3}”有 {found} 个单元格，比表头的 {expected} 列多；多出的单元格多是拆分单元格或误加的制表符，后面的列会错位；请删去多余单元格，使每行与表头列数一致',
        en: 'Indicator row "{level3}" has {found} cells, more than the {expected} header columns; extra cells (split cells, stray tabs) shift the columns after them; remove them so every row matches the header',
      },
    },
    docs: {
      description: '指标表中某一行的单元格数与表头（一级指标、二级指标、三级指标…）的列数不同。',
      descriptionEn: 'An indicator row with fewer or more cells than the header has columns.',
      why: '指标表按列读取：单元格少了或多了，后面的列就会错位，指标值、确定依据可能被读到错误的列里，人工审核也容易看错行。这通常是 Word 中合并/拆分单元格或导出时多了制表符造成的。',
      get bad() {
        return table({ indicators: withRows({ 补贴发放准确率: ['产出指标', '质量指标', '补贴发放准确率', '≥98%', '行业标准'] }) });
      },
      get good() {
        return table();
      },
      basis: '财预〔2015〕88号 第七条（绩效指标表的标准列）；docs/taxonomy.md §5（列名）、§9（导出格式）。',
      limits:
        '只在源文件保留了行结构时能判断（Word 文件、每行一行或每格一行带空行分隔的文本）；LibreOffice 式“每格一行、无标记”的文本按表头列数切行，看不出缺格。一级指标列因纵向合并导出为空格时不算缺格；既没有三级指标也没有指标值的行（表下横向合并的备注行）不检查。',
    },
  },
  create(context) {
    if (context.document.layout === 'cell-per-line-unmarked') return {};
    return {
      Indicator(indicator, project) {
        const expected = project.indicatorHeader?.labels.length ?? 0;
        if (expected === 0 || indicator.cellCount === expected || !isIndicatorRow(indicator)) return;
        context.report({
          node: indicator,
          messageId: indicator.cellCount < expected ? 'fewer' : 'more',
          found: String(indicator.cellCount),
          data: { level3: indicator.level3 ?? '', found: indicator.cellCount, expected },
        });
      },
    };
  },
});
