import { uniformValuesTemplate } from '../../rules/uniform-values-template.js';
import { CLEAN_INDICATORS, ruleTester, table, tables } from '../helpers/rule-tester.js';

/** A seed-like table: every quantitative value is ≥98% or ≥95% except the date and the cost. */
const TEMPLATE = CLEAN_INDICATORS.map((r) =>
  r[1] === '时效指标' || r[1] === '成本指标' ? r : [...r.slice(0, 4), r[0] === '产出指标' ? '≥98%' : '≥95%', r[5]],
);
const ALL_98 = CLEAN_INDICATORS.map((r) => [...r.slice(0, 4), r[1] === '成本指标' ? r[4] : '≥98%', r[5]]);
const second = { code: '316-1202-JBN-B5YG', name: '城乡居民医疗保险财政补贴' };

ruleTester(uniformValuesTemplate, {
  seed: [1, 0], // once per document: 136 of 162 values
  valid: [
    { name: 'values set per indicator', text: table() },
    { name: 'too few values to judge (minValues)', text: table({ indicators: ALL_98 }), options: { minValues: 9 } },
    { name: 'a stricter threshold', text: tables({ indicators: TEMPLATE }, { indicators: TEMPLATE, ...second }), options: { threshold: 0.9 } },
  ],
  invalid: [
    {
      name: 'seed-like: two tables of ≥98% / ≥95%, reported once for the document',
      text: tables({ indicators: TEMPLATE }, { indicators: TEMPLATE, ...second }),
      errors: [{ messageId: 'document', projectCode: null, role: 'document', found: '≥95% / ≥98%' }],
    },
    {
      name: 'scope "table" reports each table',
      text: tables({ indicators: ALL_98 }, { indicators: ALL_98, ...second }),
      options: { scope: 'table' },
      errors: [
        { messageId: 'table', projectCode: '316-1201-JBN-WMEB', role: 'table' },
        { messageId: 'table', projectCode: '316-1202-JBN-B5YG', role: 'table' },
      ],
    },
  ],
});
