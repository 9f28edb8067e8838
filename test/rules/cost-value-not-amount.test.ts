import { costValueNotAmount } from '../../rules/cost-value-not-amount.js';
import { CLEAN_INDICATORS_2021, ruleTester, table, withRows } from '../helpers/rule-tester.js';

const CODE = '316-1201-JBN-WMEB';
const cost = (l3: string, desc: string, value: string, l2 = '成本指标', l1 = '产出指标') =>
  table({ indicators: withRows({ 项目总成本: [l1, l2, l3, desc, value, '预算支出标准'] }) });

const HEADER_2021 = ['一级指标', '二级指标', '三级指标', '指标解释', '指标性质', '指标值', '度量单位', '指标值设定依据'];
/** A 2021+ table (指标性质 and 度量单位 columns) with one more 成本指标 row. */
const cost2021 = (l2: string, l3: string, nature: string, value: string, unit = '') =>
  table({
    header: HEADER_2021,
    indicators: [
      ['成本指标', '经济成本指标', '项目总成本', '全年补贴支出总额', '≤', '800', '万元', '预算支出标准'],
      ['成本指标', l2, l3, '项目实施造成的负面影响', nature, value, unit, '其他标准'],
      ['产出指标', '数量指标', '补贴发放人数', '为参保居民发放补贴的人数', '≥', '12000', '人', '计划标准'],
    ],
  });

ruleTester(costValueNotAmount, {
  valid: [
    { name: 'cost cap in 万元', text: table() },
    { name: 'unit cost 元/人·月', text: cost('人均补贴标准', '每人每月补贴', '≤300元/人·月') },
    { name: 'amount in 元', text: cost('项目总成本', '全年支出', '≤8000000元') },
    { name: '万 shorthand at the end', text: cost('项目总成本', '全年支出', '≤350万') },
    { name: '2021+ layout with 经济成本指标', text: table({ indicators: CLEAN_INDICATORS_2021 }) },
    { name: 'a percent outside cost indicators', text: table() },
    { name: 'county-sample-2022 GW01: 社会成本 written 定性', text: cost2021('社会成本指标', '对社会的负面影响', '定性', '无明显负面影响') },
    { name: 'county-sample-2022 GB22: 生态环境成本 written 定性', text: cost2021('生态环境成本指标', '施工期水土流失影响', '定性', '无明显影响') },
    { name: 'legacy layout: 生态环境成本 as text without a 指标性质 column', text: cost('施工扬尘影响', '施工期扬尘对周边的影响', '无明显影响', '生态环境成本指标', '成本指标') },
  ],
  invalid: [
    {
      name: '定性 does not excuse an 经济成本 row',
      text: cost2021('经济成本指标', '设备维护成本', '定性', '合理'),
      errors: [{ messageId: 'notAmount', projectCode: CODE, role: 'indicator.value', level3: '设备维护成本', found: '合理' }],
    },
    {
      name: 'a 生态环境成本 written as a rate is still reported (no amount in the description, so no suggestion)',
      text: cost2021('生态环境成本指标', '医疗废物规范处置率', '≥', '95', '%'),
      errors: [{ messageId: 'percent', projectCode: CODE, role: 'indicator.value', level3: '医疗废物规范处置率', suggestion: null }],
    },
    {
      name: 'seed: percent with the amount in the description',
      text: cost('项目成本', '总成本800万元', '≥98%'),
      errors: [{ messageId: 'percent', projectCode: CODE, role: 'indicator.value', level3: '项目成本', found: '≥98%', suggestion: '≤800万元' }],
    },
    {
      name: '万 in the description becomes 万元 in the suggestion',
      text: cost('项目成本', '总成本350万', '≥98%'),
      errors: [{ messageId: 'percent', projectCode: CODE, role: 'indicator.value', level3: '项目成本', suggestion: '≤350万元' }],
    },
    {
      name: 'no amount in the description: no suggestion',
      text: cost('项目总成本', '全年支出', '100%'),
      errors: [{ messageId: 'percent', projectCode: CODE, role: 'indicator.value', level3: '项目总成本', suggestion: null }],
    },
    {
      name: 'bare number',
      text: cost('项目总成本', '全年支出', '≤800'),
      errors: [{ messageId: 'bareNumber', projectCode: CODE, role: 'indicator.value', level3: '项目总成本' }],
    },
    {
      name: 'text',
      text: cost('项目总成本', '全年支出', '不超预算'),
      errors: [{ messageId: 'notAmount', projectCode: CODE, role: 'indicator.value', level3: '项目总成本' }],
    },
    {
      name: 'count unit is not money (1.2万人)',
      text: cost('项目总成本', '全年支出', '≥1.2万人'),
      errors: [{ messageId: 'notAmount', projectCode: CODE, role: 'indicator.value', level3: '项目总成本' }],
    },
    {
      name: 'ratio-named cost indicator with ≤ is info',
      text: cost('成本控制率', '实际成本占预算的比例', '≤100%'),
      errors: [{ messageId: 'ratio', projectCode: CODE, role: 'indicator.value', level3: '成本控制率', severity: 0 }],
    },
    {
      name: 'ratio-named cost indicator with ≥ is an error',
      text: cost('成本节约率', '节约成本的比例', '≥5%'),
      errors: [{ messageId: 'percent', projectCode: CODE, role: 'indicator.value', level3: '成本节约率', severity: 2 }],
    },
    {
      name: '2021+ layout: 一级 成本指标 / 经济成本指标',
      text: table({ indicators: [['成本指标', '经济成本指标', '项目总成本', '总成本800万元', '≥98%', '预算支出标准'], ...CLEAN_INDICATORS_2021.slice(1)] }),
      errors: [{ messageId: 'percent', projectCode: CODE, role: 'indicator.value', level3: '项目总成本', suggestion: '≤800万元' }],
    },
    {
      name: 'alias 产出成本',
      text: cost('项目总成本', '全年支出', '≥98%', '产出成本'),
      errors: [{ messageId: 'percent', projectCode: CODE, role: 'indicator.value', level3: '项目总成本' }],
    },
  ],
});
