import { quantityValuePercentage } from '../../rules/quantity-value-percentage.js';
import { ruleTester, table, withRows } from '../helpers/rule-tester.js';

const CODE = '316-1201-JBN-WMEB';
const qty = (l3: string, value: string, l2 = '数量指标') =>
  table({ indicators: withRows({ 补贴发放人数: ['产出指标', l2, l3, '说明', value, '计划标准'] }) });

ruleTester(quantityValuePercentage, {
  valid: [
    { name: 'a count with a unit', text: table() },
    { name: 'a count word under 质量指标 is not a quantity indicator', text: qty('复核人数占比', '≥98%', '质量指标') },
    { name: 'a 数量指标 without a count word (金额)', text: qty('定期待遇缺口金额', '≥98%') },
    { name: 'seed: 宣传情况 has no count word', text: qty('宣传情况', '≥90%') },
  ],
  invalid: [
    {
      name: 'seed G3Q0: the description states the count (每年一次)',
      text: table({ indicators: withRows({ 补贴发放人数: ['产出指标', '数量指标', '审计数量', '每年一次', '≥98%', '计划标准'] }) }),
      errors: [{ messageId: 'percent', projectCode: CODE, role: 'indicator.value', level3: '审计数量', found: '≥98%', suggestion: '1次' }],
    },
    {
      name: 'seed RG84: medical institutions are counted in 家',
      text: table({ indicators: withRows({ 补贴发放人数: ['产出指标', '数量指标', '稽核数量', '不定期对定点医疗机构稽核', '≥98%', '计划标准'] }) }),
      errors: [{ messageId: 'percent', projectCode: CODE, role: 'indicator.value', level3: '稽核数量', suggestion: '≥N家' }],
    },
    {
      name: 'livestock are counted in heads, not 个',
      text: table({ indicators: withRows({ 补贴发放人数: ['产出指标', '数量指标', '免疫畜禽数量', '猪牛羊禽强制免疫', '95%', '计划标准'] }) }),
      errors: [{ messageId: 'percent', projectCode: CODE, role: 'indicator.value', level3: '免疫畜禽数量', suggestion: '≥N万头（只）' }],
    },
    {
      name: 'seed: 享受社会保险补贴人数 ≥98%',
      text: qty('享受社会保险补贴人数', '≥98%'),
      errors: [{ messageId: 'percent', projectCode: CODE, role: 'indicator.value', level3: '享受社会保险补贴人数', found: '≥98%' }],
    },
    {
      name: 'seed: 培训次数及金额',
      text: qty('培训次数及金额', '≥98%'),
      errors: [{ messageId: 'percent', projectCode: CODE, role: 'indicator.value', level3: '培训次数及金额' }],
    },
    {
      name: 'seed: 购买数量',
      text: qty('购买数量', '≥98%'),
      errors: [{ messageId: 'percent', projectCode: CODE, role: 'indicator.value', level3: '购买数量' }],
    },
    {
      name: 'full-width ％ and alias 产出数量',
      text: qty('培训场次', '１００％', '产出数量指标'),
      errors: [{ messageId: 'percent', projectCode: CODE, role: 'indicator.value', level3: '培训场次' }],
    },
  ],
});
