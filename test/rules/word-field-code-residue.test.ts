import { wordFieldCodeResidue } from '../../rules/word-field-code-residue.js';
import { ruleTester, table, tables } from '../helpers/rule-tester.js';

const TC = (n: number, name: string) => `${name}绩效目标表 TC ${n}、${name}绩效目标表 \\f C \\l 1`;

ruleTester(wordFieldCodeResidue, {
  seed: [1, 0], // once per document: 20 residues, 18 TC ordinals differ
  valid: [
    { name: 'a clean title', text: table() },
    { name: 'TC in a project name is not a field code', text: table({ name: 'TC设备维护费' }) },
  ],
  invalid: [
    {
      name: 'seed: TC residue with a different ordinal, reported once per document',
      text: tables({ title: TC(9, '城乡居民养老保险区财政补贴') }, { title: TC(10, '城乡居民医疗保险财政补贴'), code: '316-1202-JBN-B5YG', name: '城乡居民医疗保险财政补贴' }),
      errors: [{ messageId: 'residue', projectCode: null, role: 'document', found: '2' }],
    },
    {
      name: 'PAGEREF and MERGEFORMAT residue',
      text: table({ title: '城乡居民养老保险区财政补贴绩效目标表 PAGEREF _Toc12345 \\h' }),
      errors: [{ messageId: 'residue', projectCode: null, role: 'document', found: '1' }],
    },
  ],
});
