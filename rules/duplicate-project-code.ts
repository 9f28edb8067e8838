import { defineRule } from '../src/engine/define-rule.js';
import { tables } from './shared/example-table.js';
import { squeeze } from './shared/text.js';

export const duplicateProjectCode = defineRule({
  meta: {
    id: 'duplicate-project-code',
    category: 'consistency',
    defaultSeverity: 'error',
    kind: 'exact',
    messages: {
      duplicate: {
        'zh-CN': '项目编码“{code}”与第{first}张表（{firstName}）重复；每个项目的编码应唯一，请核对预算系统中的编码',
        en: 'Project code "{code}" repeats table {first} ({firstName}); every project has its own code — check it against the budget system',
      },
    },
    docs: {
      description: '同一文档中两张表的项目编码相同（忽略空白）。报告在后出现的表上。',
      descriptionEn: 'Two tables of one document carry the same project code (reported on the later one).',
      why: '项目编码是绩效目标与预算项目一一对应的依据。编码重复通常是复制上一张表后忘了改，会把两个项目的目标和资金混在一起。',
      get bad() {
        return tables({}, { name: '城乡居民医疗保险财政补贴' });
      },
      get good() {
        return tables({}, { code: '316-1202-JBN-B5YG', name: '城乡居民医疗保险财政补贴' });
      },
      basis: 'docs/taxonomy.md §8（没有全国统一的项目编码格式，按文档内唯一、一致检查）；财预〔2015〕88号（绩效目标与预算项目对应）。',
      limits: '只比较同一文档；不同文件之间的重复请用批量扫描的汇总结果查看。',
    },
  },
  create(context) {
    const seen = new Map<string, { index: number; name: string | null }>();
    return {
      Project(project) {
        const key = squeeze(project.code);
        if (!key) return;
        const first = seen.get(key);
        if (!first) seen.set(key, { index: project.index, name: project.name });
        else context.report({ node: project, cell: 'code', messageId: 'duplicate', data: { code: project.code ?? '', first: first.index, firstName: first.name ?? '' } });
      },
    };
  },
});
