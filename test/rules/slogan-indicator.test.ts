import { sloganIndicator } from '../../rules/slogan-indicator.js';
import { ruleTester, table, withRows } from '../helpers/rule-tester.js';

const CODE = '316-1201-JBN-WMEB';
const social = (level3: string) => withRows({ 城乡居民养老保险参保率: ['效益指标', '社会效益指标', level3, '服务对象满意', '≥95%', '历史标准'] });

ruleTester(sloganIndicator, {
  seed: [35, 18], // + 社会稳定和谐 (G3Q0, RG84)
  valid: [
    { name: 'measurable indicators', text: table() },
    { name: 'a slogan verb with a measurable noun', text: table({ indicators: social('促进就业人数') }) },
    { name: '维护 with a rate', text: table({ indicators: social('劳动争议调解成功率') }) },
    { name: 'an abstract aim outside 效益 is not read as a slogan', text: table({ indicators: withRows({ 补贴发放准确率: ['产出指标', '质量指标', '社会稳定和谐', '保障基金安全', '100%', '计划标准'] }) }) },
    { name: 'an abstract aim with a measure', text: table({ indicators: social('社会稳定和谐指数') }) },
    { name: 'a long concrete name with 稳定', text: table({ indicators: social('养老金按月稳定发放到账户的比例') }) },
  ],
  invalid: [
    {
      name: 'seed G3Q0: 社会稳定和谐, no slogan verb; an audit project gets guidance, not a foreign example',
      text: table({ name: '聘请三方对社保基金例行审计费用', indicators: withRows({ 补贴制度持续年限: ['效益指标', '可持续影响指标', '社会稳定和谐', '保障基金安全', '100%', '单位工作需要'] }) }),
      errors: [{ messageId: 'slogan', projectCode: CODE, role: 'indicator.level3', level3: '社会稳定和谐', suggestion: null }],
    },
    {
      name: 'the example follows the 二级 and the project: 经济效益 of an audit',
      text: table({ name: '聘请三方对社保基金例行审计费用', indicators: withRows({ 领取待遇居民人均增收: ['效益指标', '经济效益指标', '节约经费，认真完成工作', '节约经费', '100%', '计划标准'] }) }),
      errors: [{ messageId: 'slogan', projectCode: CODE, role: 'indicator.level3', level3: '节约经费，认真完成工作', suggestion: '审计追回违规基金金额 N万元' }],
    },
    {
      name: 'the example follows the 二级 and the project: 社会效益 of a training budget',
      text: table({ name: '各类外出培训费用', indicators: social('树立良好形象') }),
      errors: [{ messageId: 'slogan', projectCode: CODE, role: 'indicator.level3', level3: '树立良好形象', suggestion: '参训人员岗位技能考核合格率 ≥90%' }],
    },
    {
      name: 'seed: 努力构建和谐社会关系',
      text: table({ indicators: social('努力构建和谐社会关系') }),
      errors: [{ messageId: 'slogan', projectCode: CODE, role: 'indicator.level3', level3: '努力构建和谐社会关系' }],
    },
    {
      name: 'seed: 树立良好形象 and 促进产业可持续发展',
      text: table({
        indicators: withRows({
          城乡居民养老保险参保率: ['效益指标', '社会效益指标', '树立良好形象', '服务对象满意', '≥95%', '历史标准'],
          补贴制度持续年限: ['效益指标', '可持续影响指标', '促进产业可持续发展', '构建和谐劳动关系', '≥95%', '计划标准'],
        }),
      }),
      errors: [
        { messageId: 'slogan', projectCode: CODE, role: 'indicator.level3', level3: '树立良好形象' },
        { messageId: 'slogan', projectCode: CODE, role: 'indicator.level3', level3: '促进产业可持续发展' },
      ],
    },
  ],
});
