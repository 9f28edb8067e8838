import type { Project } from '../src/ast/types.js';
import { defineRule } from '../src/engine/define-rule.js';
import { CLEAN_INDICATORS, table } from './shared/example-table.js';
import { canonicalLevel1, canonicalLevel2 } from './shared/taxonomy.js';
import { cellText } from './shared/text.js';

/** Layouts a table can use besides the two official ones (docs/taxonomy.md §2). */
type Variant = 'hunan' | 'input';

/** The regional variant a table uses, by label: 满意度 as a 二级 under 效益 (湖南), or a 投入 一级 (older 范本). */
function variantOf(project: Project): { variant: Variant; index: number } | null {
  for (const [index, ind] of project.indicators.entries()) {
    if (/^投入/.test(cellText(ind.level1))) return { variant: 'input', index };
  }
  for (const [index, ind] of project.indicators.entries()) {
    // In a table of the 湖南 form itself this is the form's own arrangement, not a departure (docs/templates.md).
    if (project.template === 'hunan') break;
    if (canonicalLevel1(ind.level1) === '效益' && canonicalLevel2(ind.level2, ind.level1) === '服务对象满意度') {
      return { variant: 'hunan', index };
    }
  }
  return null;
}

const VARIANT_NAMES: Record<Variant, { zh: string; en: string }> = {
  hunan: { zh: '湖南等地的变体（满意度指标作为效益指标下的二级）', en: 'the Hunan-style variant (satisfaction as a level-2 under 效益指标)' },
  input: { zh: '旧式“投入—产出—效益”范本（一级指标含“投入”）', en: 'the older 投入/产出/效益 template (a level-1 "投入")' },
};

export const layoutDetected = defineRule({
  meta: {
    id: 'layout-detected',
    category: 'structure',
    defaultSeverity: 'info',
    kind: 'heuristic',
    messages: {
      notRequiredLayout: {
        'zh-CN':
          '第{table}张表使用{layout}，而配置要求2021年起的版式（成本指标为一级，下设经济成本指标、社会成本指标、生态环境成本指标）；请按财预〔2021〕101号的指标体系把成本指标提为一级',
        en: 'Table {table} uses {layoutEn}, but the configuration requires the 2021+ layout (成本指标 as a level-1 with 经济/社会/生态环境成本指标); move the cost indicators to a level-1 as 财预〔2021〕101号 sets out',
      },
      variant: {
        'zh-CN':
          '第{table}张表采用{variant}，不是财政部的两种标准版式；规则会按别名照常检查，但汇总和比对时请留意，新编报时宜改用标准版式（产出、效益、满意度三类一级指标，成本指标在产出下或单列为一级）',
        en: 'Table {table} uses {variantEn}, neither of the two official layouts; the rules still check it through aliases, but mind it when comparing tables, and prefer an official layout in new submissions',
      },
    },
    docs: {
      description:
        '识别每张表使用的指标体系版式：旧版（成本指标是产出指标下的二级）或2021年起的版式（成本指标为一级，下设经济成本指标、社会成本指标、生态环境成本指标）。配置 `layout: "require-2021"` 时，报告不是2021版式的表；任何配置下都报告地方变体版式（满意度指标作为效益下的二级的湖南式表、一级含“投入”的旧范本）。',
      descriptionEn:
        'Tells which indicator layout a table uses: reports tables not in the 2021+ layout when the config requires it, and regional variants (satisfaction under 效益, a 投入 level-1) always.',
      why: '财预〔2021〕101号把成本指标改为一级并细分为经济、社会、生态环境成本，许多地方系统仍沿用旧版。审核口径要求新版时，旧版表需要改编；地方变体表的分类与标准版式不同，跨表汇总、比对时需要知道它用的是哪种版式。',
      get bad() {
        return table({
          indicators: [
            ...CLEAN_INDICATORS.filter((r) => r[0] !== '满意度指标'),
            ['效益指标', '社会公众或服务对象满意度指标', '参保居民满意度', '抽样调查参保居民对补贴发放的满意程度', '≥90%', '计划标准'],
          ],
        });
      },
      get good() {
        return table();
      },
      options: '无规则选项；是否要求2021版式由配置顶层的 `layout`（"accept-legacy" | "require-2021"）决定。',
      basis:
        '财预〔2021〕101号 附件1、附件2（成本指标为一级）；财预〔2015〕88号 第七条、财预〔2020〕10号 附件2（旧版）；docs/taxonomy.md §1、§2（湖南、“投入”变体）。',
      limits:
        '版式按标签识别：有“成本指标”一级即为2021版式，有产出下的“成本指标”二级即为旧版；两者都没有（缺成本指标）时无法判断，不报告（由 missing-level1-category 报告缺项）。只识别 docs/taxonomy.md 列出的两种地方变体，其他地方模板不识别。按表头标签识别为湖南申报表的表，满意度在效益下是该模板本身的写法，不报告。',
    },
  },
  create(context) {
    const requireV2021 = context.settings.layout === 'require-2021';
    return {
      Project(project) {
        const found = variantOf(project);
        if (found) {
          const ind = project.indicators[found.index]!;
          context.report({
            node: ind,
            cell: 'level2',
            messageId: 'variant',
            ...(found.variant === 'input' ? { origin: ind.cells.level1 } : {}),
            found: found.variant,
            data: { table: project.index, variant: VARIANT_NAMES[found.variant].zh, variantEn: VARIANT_NAMES[found.variant].en },
          });
        } else if (requireV2021 && project.layout === 'legacy') {
          context.report({
            node: project,
            messageId: 'notRequiredLayout',
            found: project.layout,
            data: {
              table: project.index,
              layout: '旧版版式（成本指标是产出指标下的二级）',
              layoutEn: 'the legacy layout (成本指标 as a level-2 under 产出指标)',
            },
          });
        }
      },
    };
  },
});
