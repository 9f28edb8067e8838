import { duplicateProjectCode } from '../../rules/duplicate-project-code.js';
import { ruleTester, table, tables } from '../helpers/rule-tester.js';

const CODE = '316-1201-JBN-WMEB';

ruleTester(duplicateProjectCode, {
  valid: [
    { name: 'one table', text: table() },
    { name: 'two codes', text: tables({}, { code: '316-1202-JBN-B5YG', name: '城乡居民医疗保险财政补贴' }) },
  ],
  invalid: [
    {
      name: 'the second table repeats the first code',
      text: tables({}, { name: '城乡居民医疗保险财政补贴' }),
      errors: [{ messageId: 'duplicate', projectCode: CODE, role: 'code', found: CODE }],
    },
    {
      name: 'three tables, two repeats',
      text: tables({}, { name: '乙项目' }, { code: '316-1202-JBN-B5YG', name: '丙项目' }, { name: '丁项目' }),
      errors: [{ messageId: 'duplicate', projectCode: CODE, role: 'code', count: 2 }],
    },
  ],
});
