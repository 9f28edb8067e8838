import { sloganIndicator } from '../../rules/slogan-indicator.js';
import { ruleTester, table, withRows } from '../helpers/rule-tester.js';

const CODE = '316-1201-JBN-WMEB';
const social = (level3: string) => withRows({ 城乡居民养老保险参保率: ['效益指标', '社会效益指标', level3, '服务对象满意', '≥95%', '历史标准'] });

ruleTester(sloganIndicator, {
  valid: [
    { name: 'measurable indicators', text: table() },
    { name: 'a slogan verb with a measurable noun', text: table({ indicators: social('促进就业人数') }) },
    { name: '维护 with a rate', text: table({ indicators: social('劳动争议调解成功率') }) },
  ],
  invalid: [
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
