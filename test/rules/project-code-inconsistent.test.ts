import { projectCodeInconsistent } from '../../rules/project-code-inconsistent.js';
import { ruleTester, table, tables } from '../helpers/rule-tester.js';

const spec = (code: string, name: string, agency?: string) => ({ code, name, ...(agency ? { agency } : {}) });
const MED = '城乡居民医疗保险财政补贴';
const RETIRED = '企业退休人员地方补贴';
const CHRONIC = '慢性病专家鉴定费';

ruleTester(projectCodeInconsistent, {
  seed: [0, 0],
  valid: [
    { name: 'a single table cannot be compared', text: table({ code: '12345' }) },
    {
      name: 'seed: the same shape, random suffixes of letters and digits',
      text: tables(spec('316-1201-JBN-WMEB', '城乡居民养老保险区财政补贴'), spec('316-1202-JBN-B5YG', MED), spec('316-1401-JBN-884V', RETIRED)),
    },
    {
      name: 'a suffix that happens to be all digits still fits',
      text: tables(spec('316-1201-JBN-WMEB', '城乡居民养老保险区财政补贴'), spec('316-1202-JBN-B5YG', MED), spec('316-1401-JBN-8840', RETIRED)),
    },
    {
      name: 'two codes only: no majority to learn from',
      text: tables(spec('316-1201-JBN-WMEB', '城乡居民养老保险区财政补贴'), spec('2020-ABC', MED)),
    },
  ],
  invalid: [
    {
      name: 'a letter O typed for a zero',
      text: tables(spec('316-1201-JBN-WMEB', '城乡居民养老保险区财政补贴'), spec('316-1202-JBN-B5YG', MED), spec('316-12O1-JBN-GMA8', RETIRED)),
      errors: [{ messageId: 'shape', projectCode: '316-12O1-JBN-GMA8', role: 'code', found: '316-12O1-JBN-GMA8' }],
    },
    {
      name: 'a missing segment',
      text: tables(spec('316-1201-JBN-WMEB', '城乡居民养老保险区财政补贴'), spec('316-1202-JBN-B5YG', MED), spec('316-1201-GMA8', RETIRED)),
      errors: [{ messageId: 'shape', projectCode: '316-1201-GMA8', role: 'code' }],
    },
    {
      name: 'a prefix that disagrees with the unit code while the others agree',
      text: tables(
        spec('316-1201-JBN-WMEB', '城乡居民养老保险区财政补贴'),
        spec('316-1202-JBN-B5YG', MED),
        spec('316-1201-JBN-GMA8', RETIRED),
        spec('317-1401-JBN-CPCD', CHRONIC),
      ),
      errors: [{ messageId: 'prefix', projectCode: '317-1401-JBN-CPCD', role: 'code' }],
    },
  ],
});
