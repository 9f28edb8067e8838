import { punctuationAnomaly } from '../../rules/punctuation-anomaly.js';
import { ruleTester, table } from '../helpers/rule-tester.js';

const CODE = '316-1201-JBN-WMEB';
const withDepartment = (paragraph: string) => `第一部分\n部门整体绩效目标\n1、总体绩效目标\n${paragraph}\n第二部分\n预算项目绩效目标\n${table()}`;

ruleTester(punctuationAnomaly, {
  seed: [2, 0],
  valid: [
    { name: 'clean punctuation', text: table() },
    { name: 'list numbers and decimals are not ASCII periods', text: withDepartment('1.全年发放补贴12.5万元，参保率达到95%。') },
    { name: 'a space after a list number 1、 is fine', text: withDepartment('1、 全年发放补贴12000人次。') },
  ],
  invalid: [
    {
      name: 'seed: 。。 in a project cell',
      text: table({ purpose: '城乡居民养老缴费补贴及待遇补贴。。' }),
      errors: [{ messageId: 'doubled', projectCode: CODE, role: 'purpose', found: '。。', suggestion: '。' }],
    },
    {
      name: 'seed: an ASCII period ending a Chinese sentence in the department part',
      text: withDepartment('全面深化改革，提高资金使用绩效.'),
      errors: [{ messageId: 'asciiPeriod', projectCode: null, role: 'department', found: '效.', suggestion: '效。' }],
    },
    {
      name: 'a space after 、',
      text: table({ purpose: '缴费补贴、 待遇补贴' }),
      errors: [{ messageId: 'spaceAfterComma', projectCode: CODE, role: 'purpose' }],
    },
  ],
});
