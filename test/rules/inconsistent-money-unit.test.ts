import { inconsistentMoneyUnit } from '../../rules/inconsistent-money-unit.js';
import { ruleTester, table, withRows } from '../helpers/rule-tester.js';

const CODE = '316-1201-JBN-WMEB';
const cost = (description: string, value: string) => withRows({ 项目总成本: ['产出指标', '成本指标', '项目总成本', description, value, '预算支出标准'] });

ruleTester(inconsistentMoneyUnit, {
  seed: [1, 1],
  valid: [
    { name: '万元 throughout', text: table() },
    { name: '万 before a count unit is not money', text: table({ indicators: withRows({ 补贴发放人数: ['产出指标', '数量指标', '补贴发放人数', '全区约1.2万人参保', '≥12000人', '计划标准'] }) }) },
    { name: 'a unit cost in 元 is fine', text: table({ indicators: cost('人均补助', '≤300元/人·月') }) },
  ],
  invalid: [
    {
      name: 'seed: 总成本350万 in the description',
      text: table({ indicators: cost('总成本350万', '≤350万元') }),
      errors: [{ messageId: 'shorthand', projectCode: CODE, role: 'indicator.description', level3: '项目总成本', found: '350万', suggestion: '350万元' }],
    },
    {
      name: 'a cost total in 元 under 单位：万元',
      text: table({ indicators: cost('全年补贴支出总额', '≤8000000元') }),
      errors: [{ messageId: 'differsFromHeader', projectCode: CODE, role: 'indicator.value', level3: '项目总成本', suggestion: '≤800万元' }],
    },
  ],
});
