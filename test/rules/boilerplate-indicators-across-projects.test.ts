import { boilerplateIndicatorsAcrossProjects } from '../../rules/boilerplate-indicators-across-projects.js';
import { CLEAN_INDICATORS, ruleTester, tables, withRows } from '../helpers/rule-tester.js';

const second = { code: '316-0901-JBN-DLZT', name: '机关养老金统筹外', budget: '10.00', fiscal: '10.00' };
const third = { code: '316-1201-JBN-GMA8', name: '企业退休人员地方补贴', budget: '0.20', fiscal: '0.20' };
/** Only the cost row differs: 7 of 8 rows shared (the seed's 丧葬费 / 统筹外 pair shares 7 of 9). */
const changeOne = withRows({
  项目总成本: ['产出指标', '成本指标', '项目总成本', '全年统筹外待遇支出总额', '≤10万元', '预算支出标准'],
});
/** Count and cost differ: 6 of 8 shared, under the threshold (7 × 8 / 9, rounded up). */
const changeTwo = withRows({
  补贴发放人数: ['产出指标', '数量指标', '统筹外待遇领取人数', '领取统筹外待遇的退休人员人数', '≥35人', '计划标准'],
  项目总成本: ['产出指标', '成本指标', '项目总成本', '全年统筹外待遇支出总额', '≤10万元', '预算支出标准'],
});

ruleTester(boilerplateIndicatorsAcrossProjects, {
  seed: [2, 2],
  valid: [
    { name: 'six of eight rows shared is under the threshold', text: tables({}, { ...second, indicators: changeTwo }) },
    { name: 'the same project twice is duplicate-project-code, not this rule', text: tables({}, {}) },
    { name: 'a higher minShared', text: tables({}, { ...second, indicators: changeOne }), options: { minShared: 8 } },
  ],
  invalid: [
    {
      name: 'seed-like: seven of eight rows identical across two projects, reported on the later table',
      text: tables({}, { ...second, indicators: changeOne }),
      errors: [{ messageId: 'boilerplate', projectCode: '316-0901-JBN-DLZT', role: 'table', found: '316-1201-JBN-WMEB' }],
    },
    {
      name: 'three copies: each later table names the first one it copies',
      text: tables({}, { ...second, indicators: CLEAN_INDICATORS }, { ...third, indicators: CLEAN_INDICATORS }),
      errors: [
        { messageId: 'boilerplate', projectCode: '316-0901-JBN-DLZT', role: 'table', found: '316-1201-JBN-WMEB' },
        { messageId: 'boilerplate', projectCode: '316-1201-JBN-GMA8', role: 'table', found: '316-1201-JBN-WMEB' },
      ],
    },
  ],
});
