import { nonstandardValueBasis } from '../../rules/nonstandard-value-basis.js';
import { CLEAN_INDICATORS, ruleTester, table, withRows } from '../helpers/rule-tester.js';

const CODE = '316-1201-JBN-WMEB';
const allBasis = (basis: string) => CLEAN_INDICATORS.map((r) => [...r.slice(0, 5), basis]);

ruleTester(nonstandardValueBasis, {
  seed: [18, 18],
  valid: [
    { name: 'standard bases, 预算支出标准 for the cost row', text: table() },
    { name: 'a named document', text: table({ indicators: allBasis('《河北省城乡居民基本养老保险实施办法》') }) },
    { name: 'a document number', text: table({ indicators: allBasis('冀人社发〔2019〕12号') }) },
    { name: 'a standard name inside a phrase', text: table({ indicators: allBasis('参照行业标准') }) },
    { name: 'a blank basis is not this rule', text: table({ indicators: allBasis('') }) },
  ],
  invalid: [
    {
      name: 'seed: 省市区相关文件 on every row, reported once per table',
      text: table({ indicators: allBasis('省市区相关文件') }),
      errors: [{ messageId: 'nonstandard', projectCode: CODE, role: 'indicator.basis', level3: '补贴发放人数', found: '省市区相关文件' }],
    },
    {
      name: 'seed: 单位工作需要 and 预算支出标准 outside the cost row',
      text: table({
        indicators: withRows({
          补贴发放人数: ['产出指标', '数量指标', '补贴发放人数', '发放补贴的人数', '≥12000人', '单位工作需要'],
          补贴发放准确率: ['产出指标', '质量指标', '补贴发放准确率', '按标准发放补贴的准确程度', '≥98%', '预算支出标准'],
        }),
      }),
      errors: [
        { messageId: 'nonstandard', projectCode: CODE, role: 'indicator.basis', level3: '补贴发放人数', found: '单位工作需要' },
        { messageId: 'nonstandard', projectCode: CODE, role: 'indicator.basis', level3: '补贴发放准确率', found: '预算支出标准' },
      ],
    },
  ],
});
