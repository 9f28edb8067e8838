import { deptGoalNotQuantified } from '../../rules/dept-goal-not-quantified.js';
import { ruleTester, table } from '../helpers/rule-tester.js';

const withDepartment = (...paragraphs: string[]) =>
  `第一部分\n部门整体绩效目标\n1、总体绩效目标\n${paragraphs.join('\n')}\n第二部分\n预算项目绩效目标\n${table()}`;

ruleTester(deptGoalNotQuantified, {
  seed: [1, 0],
  valid: [
    { name: 'no department part: nothing to judge', text: table() },
    { name: 'a quantified overall goal', text: withDepartment('全年为12000名参保居民发放养老补贴，参保率达到95%以上。') },
    { name: 'a deadline counts', text: withDepartment('12月底前完成全部待遇核定。') },
  ],
  invalid: [
    {
      name: 'seed: directions only; the year and the list numbers are not targets',
      text: withDepartment('2020年，全面深化改革，努力增收节支，优化支出结构。', '2、分项绩效目标', '1.全面开展参保登记，扩大各项保险的覆盖面。', '2.完成养老保险扩面征缴任务。'),
      errors: [{ messageId: 'notQuantified', projectCode: null, role: 'department' }],
    },
  ],
});
