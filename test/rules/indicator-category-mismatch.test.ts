import { indicatorCategoryMismatch } from '../../rules/indicator-category-mismatch.js';
import { CLEAN_INDICATORS_2021, ruleTester, table, withRows } from '../helpers/rule-tester.js';

const CODE = '316-1201-JBN-WMEB';
const replace = (l3: string, row: (string | null)[]) => table({ indicators: withRows({ [l3]: row }) });

ruleTester(indicatorCategoryMismatch, {
  valid: [
    { name: 'legacy layout', text: table() },
    { name: '2021+ layout', text: table({ indicators: CLEAN_INDICATORS_2021 }) },
    {
      name: 'aliases: 环境效益指标, 进度指标',
      text: replace('补贴发放完成时间', ['产出指标', '进度指标', '补贴发放完成时间', '年底前发放完毕', '2020年12月底前', '计划标准']),
    },
    {
      name: '湖南 variant: satisfaction as a 二级 under 效益',
      text: replace('参保居民满意度', ['效益指标', '社会公众或服务对象满意度指标', '参保居民满意度', '抽样调查', '≥90%', '计划标准']),
    },
    {
      name: 'unknown 一级 (投入) is not compared',
      text: replace('补贴发放人数', ['投入指标', '数量指标', '补贴发放人数', '人数', '≥12000人', '计划标准']),
    },
    {
      name: 'satisfaction 二级 named 满意度指标',
      text: replace('参保居民满意度', ['满意度指标', '满意度指标', '参保居民满意度', '抽样调查', '≥90%', '计划标准']),
    },
  ],
  invalid: [
    {
      name: 'seed: 服务对象满意度 under 生态效益指标',
      text: replace('城乡居民养老保险参保率', ['效益指标', '生态效益指标', '服务对象满意度', '受益人群满意度', '≥95%', '计划标准']),
      errors: [{ messageId: 'satisfaction', projectCode: CODE, role: 'indicator.level3', level3: '服务对象满意度' }],
    },
    {
      name: '数量指标 under 效益指标',
      text: replace('城乡居民养老保险参保率', ['效益指标', '数量指标', '受益人数', '受益人数', '≥12000人', '计划标准']),
      errors: [{ messageId: 'level2', projectCode: CODE, role: 'indicator.level2', level3: '受益人数' }],
    },
    {
      name: '经济成本指标 under 产出指标',
      text: replace('项目总成本', ['产出指标', '经济成本指标', '项目总成本', '全年支出', '≤800万元', '预算支出标准']),
      errors: [{ messageId: 'level2', projectCode: CODE, role: 'indicator.level2', level3: '项目总成本' }],
    },
    {
      name: 'satisfaction 二级 under 产出: the 二级 is reported, the 三级 is in its class',
      text: replace('补贴发放准确率', ['产出指标', '服务对象满意度指标', '群众满意率', '抽样调查', '≥90%', '计划标准']),
      errors: [{ messageId: 'level2', projectCode: CODE, role: 'indicator.level2', level3: '群众满意率' }],
    },
    {
      name: 'both on one row: 满意 三级 under a misplaced 二级',
      text: replace('补贴发放准确率', ['效益指标', '质量指标', '群众满意率', '抽样调查', '≥90%', '计划标准']),
      errors: [
        { messageId: 'level2', projectCode: CODE, role: 'indicator.level2', level3: '群众满意率' },
        { messageId: 'satisfaction', projectCode: CODE, role: 'indicator.level3', level3: '群众满意率' },
      ],
    },
  ],
});
