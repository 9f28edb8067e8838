/**
 * Rewrite examples that fit the project (改写示例): a rule that tells a department what to write
 * instead chooses its example by the indicator's 二级 (and 一级) and builds it from the project's own
 * words — the kind of project its name says (培训, 补贴, 设备购置 …), the people it serves, the thing
 * it buys. When no entry of the table fits, the example says WHAT to write ("写明…") instead of
 * borrowing another project's indicator.
 * Pure functions; no rule logic.
 */
import type { Indicator, Project } from '../../src/ast/types.js';
import { canonicalLevel1, canonicalLevel2 } from './taxonomy.js';
import type { Level2 } from './taxonomy.js';
import { nodeCache } from './node-cache.js';
import { cellText } from './text.js';

/** The slot of an example: which kind of indicator (or the goal) it rewrites. */
export type Slot = 'quantity' | 'quality' | 'timeliness' | 'economic' | 'social' | 'eco' | 'sustainable' | 'satisfaction';

/** The project's own words a template may use. */
export interface ProjectWords {
  /** 项目名称 (or the table title), as written, whitespace removed. */
  name: string;
  /** The kind of project (项目类型) the name says, or null. */
  domain: Domain | null;
  /** Whose satisfaction is surveyed, who benefits (参保居民, 参训教师 …). */
  population: string;
  /** What the money buys or pays (补贴, 档案柜及必备材料 …). */
  object: string;
}

type Template = (w: ProjectWords) => string;

/** One kind of project and its examples per slot (N, X are for the department to fill in). */
export interface Domain {
  id: string;
  /** Tested on the project name, then the title, then 资金用途. */
  match: RegExp;
  /** Default population when the name names none of POPULATIONS. */
  population: string;
  /** Default object when the name has no 购置 … object. */
  object: string;
  /** Where a count is taken from (统计口径的来源): 发放名册, 培训签到表 … */
  record: string;
  /** The unit a 数量 of this kind of project is counted in, when not people (次, 家, 台（套）…). */
  unit?: string;
  goal?: Template;
  examples: Partial<Record<Slot, Template>>;
}

/** The kinds of project, first match wins (most specific first). */
export const DOMAINS: readonly Domain[] = [
  {
    id: 'internship',
    match: /见习/,
    population: '见习大学生',
    object: '见习补贴',
    record: '见习人员花名册',
    goal: () => '为N名见习大学生提供见习岗位，见习期满考核合格率≥95%、留用率≥30%',
    examples: {
      quantity: () => '见习人数 ≥N人',
      quality: () => '见习期满考核合格率 ≥95%',
      timeliness: () => '见习补贴发放时间 每月N日前',
      social: () => '见习期满留用率 ≥30%',
      sustainable: () => '见习人员见习期满后6个月内就业率 ≥60%',
    },
  },
  {
    id: 'training',
    match: /培训/,
    population: '参训人员',
    object: '业务培训',
    record: '培训签到表',
    goal: (w) => `组织N人次参加${w.object}，培训考核合格率≥95%`,
    examples: {
      quantity: () => '参训人次 ≥N人次',
      quality: () => '培训考核合格率 ≥95%',
      timeliness: () => '培训完成时间 X年X月底前',
      social: (w) => `${w.population}岗位技能考核合格率 ≥90%`,
    },
  },
  {
    id: 'audit',
    unit: '次',
    match: /审计/,
    population: '参保单位和参保人员',
    object: '基金审计',
    record: '审计报告',
    goal: () => '完成N个险种基金的年度审计，出具审计报告N份，审计发现问题整改率100%',
    examples: {
      quantity: () => '审计险种（基金）个数 N个',
      quality: () => '审计报告验收合格率 ≥95%',
      timeliness: () => '审计报告出具时间 X年X月底前',
      economic: () => '审计追回违规基金金额 N万元',
      social: () => '审计发现问题整改率 100%',
    },
  },
  {
    id: 'inspection',
    unit: '家',
    match: /稽核|稽查|督查|检查/,
    population: '参保群众',
    object: '稽核检查',
    record: '稽核台账',
    goal: () => '稽核定点医药机构N家，查实违规问题整改率100%',
    examples: {
      quantity: () => '稽核定点医药机构家数 ≥N家',
      quality: () => '稽核问题查实率 ≥95%',
      timeliness: () => '整改通知下达时限 稽核结束后≤N个工作日',
      economic: () => '追回违规使用医保基金金额 N万元',
      social: () => '违规问题整改率 100%',
    },
  },
  {
    id: 'appraisal',
    match: /鉴定/,
    population: '申请鉴定的参保患者',
    object: '专家鉴定',
    record: '鉴定登记表',
    goal: () => '组织专家鉴定慢性病病例N例，受理后N个工作日内出具鉴定结论',
    examples: {
      quantity: () => '鉴定病例数 ≥N例',
      quality: () => '鉴定结论准确率 100%',
      timeliness: () => '鉴定结论出具时限 受理后≤N个工作日',
      social: () => '符合条件的慢性病患者纳入门诊待遇率 100%',
    },
  },
  {
    id: 'publicity',
    unit: '份',
    match: /宣传/,
    population: '参保群众',
    object: '政策宣传',
    record: '宣传活动台账',
    goal: () => '开展政策宣传活动N场、发放宣传资料N份，政策知晓率≥85%',
    examples: {
      quantity: () => '发放宣传资料份数 ≥N份',
      quality: () => '宣传资料内容审核合格率 100%',
      timeliness: () => '宣传活动完成时间 X年X月底前',
      social: (w) => `${w.population}政策知晓率 ≥85%`,
    },
  },
  {
    id: 'pension-annuity',
    match: /年金/,
    population: '参保职工',
    object: '职业年金记实',
    record: '年金记实台账',
    goal: () => '按规定为N名参保职工记实职业年金虚账及利息，记实准确率100%',
    examples: {
      quantity: () => '记实职业年金账户数 N个',
      quality: () => '年金记实准确率 100%',
      timeliness: () => '年金记实完成时间 X年X月底前',
      social: () => '参保职工职业年金权益按规定记实率 100%',
    },
  },
  {
    id: 'information-system',
    unit: '个',
    match: /软件|网络|信息系统|信息化|数据采集|并网/,
    population: '业务经办人员',
    object: '业务系统运行维护',
    record: '运维记录',
    goal: () => '保障N个业务系统全年正常运行，系统正常运行率≥99%，故障2小时内响应',
    examples: {
      quantity: () => '运维业务系统个数 N个',
      quality: () => '系统正常运行率 ≥99%',
      timeliness: () => '故障响应时间 ≤2小时',
      social: () => '业务窗口平均办理时长 ≤N分钟',
      sustainable: () => '系统连续稳定运行时间 ≥N年',
    },
  },
  {
    id: 'equipment',
    unit: '台（套）',
    match: /购置|购买|采购|设备|档案柜/,
    population: '使用部门工作人员',
    object: '设备',
    record: '验收单',
    goal: (w) => `购置${w.object}N台（套），验收合格率100%，X月底前投入使用`,
    examples: {
      quantity: (w) => `购置${w.object}数量 N台（套）`,
      quality: (w) => `${w.object}验收合格率 100%`,
      timeliness: () => '采购完成时间 X年X月底前',
      sustainable: () => '设备正常使用年限 ≥N年',
    },
  },
  {
    id: 'school-bus',
    match: /校车/,
    population: '乘车学生家长',
    object: '校车运营补助',
    record: '乘车学生名册',
    goal: () => '保障N辆校车全年安全运营，接送农村学生N人，安全责任事故0起',
    examples: {
      quantity: () => '校车接送学生人数 ≥N人',
      quality: () => '校车安全责任事故 0起',
      timeliness: () => '补助资金拨付时间 每学期开学后N个工作日内',
      social: () => '农村学生上下学乘车安全事故发生率 0',
    },
  },
  {
    id: 'farmland',
    unit: '亩',
    match: /农田/,
    population: '项目区农户',
    object: '高标准农田建设',
    record: '竣工验收资料',
    goal: () => '建设高标准农田N亩，工程验收合格率100%，项目区粮食亩均增产N公斤',
    examples: {
      quantity: () => '建设高标准农田面积 ≥N亩',
      quality: () => '工程验收合格率 100%',
      timeliness: () => '工程完工时间 X年X月底前',
      economic: () => '项目区粮食亩均增产 ≥N公斤',
      social: () => '受益农户数 ≥N户',
    },
  },
  {
    id: 'road',
    unit: '公里',
    match: /公路|道路|桥梁/,
    population: '公路沿线群众',
    object: '公路养护',
    record: '养护台账',
    goal: () => '养护农村公路N公里，优良中等路率≥80%',
    examples: {
      quantity: () => '养护农村公路里程 ≥N公里',
      quality: () => '优良中等路率 ≥80%',
      timeliness: () => '病害处治时限 发现后≤N天',
      social: () => '农村公路列养率 100%',
    },
  },
  {
    id: 'works',
    unit: '平方米',
    match: /维修|改造|修缮|建设|工程/,
    population: '使用单位师生',
    object: '维修改造工程',
    record: '竣工验收资料',
    goal: () => '完成N平方米维修改造，工程验收合格率100%，X月底前交付使用',
    examples: {
      quantity: () => '维修改造面积 ≥N平方米',
      quality: () => '工程验收合格率 100%',
      timeliness: () => '工程完工时间 X年X月底前',
      sustainable: () => '维修后正常使用年限 ≥N年',
    },
  },
  {
    id: 'animal-epidemic',
    unit: '万头（只）',
    match: /免疫|疫病|防疫|畜禽/,
    population: '养殖户',
    object: '强制免疫',
    record: '免疫档案',
    goal: () => '完成猪牛羊禽强制免疫N万头（只），免疫抗体合格率≥70%',
    examples: {
      quantity: () => '强制免疫畜禽数量 ≥N万头（只）',
      quality: () => '免疫抗体合格率 ≥70%',
      timeliness: () => '春秋两季集中免疫完成时间 5月底、11月底前',
      social: () => '区域内重大动物疫情发生数 0起',
    },
  },
  {
    id: 'health',
    match: /卫生|医生|健康|签约服务/,
    population: '签约居民',
    object: '基本公共卫生服务',
    record: '服务记录',
    goal: () => '为N名居民提供家庭医生签约服务，重点人群签约率≥N%',
    examples: {
      quantity: () => '签约服务人数 ≥N人',
      quality: () => '电子健康档案规范化建档率 ≥90%',
      timeliness: () => '经费拨付时间 每季度首月N日前',
      social: () => '重点人群签约率 ≥N%',
    },
  },
  {
    id: 'student-aid',
    match: /营养|资助|助学|学生|幼儿/,
    population: '受助学生家长',
    object: '资助资金',
    record: '受助学生名单',
    goal: (w) => `按标准为N名${w.population.replace(/家长$/, '')}发放${w.object}，资助对象认定准确率100%`,
    examples: {
      quantity: () => '受助学生人数 ≥N人',
      quality: () => '资助对象认定准确率 100%',
      timeliness: () => '资金拨付时间 每学期开学后N个工作日内',
      social: () => '家庭经济困难学生资助覆盖率 100%',
    },
  },
  {
    id: 'subsidy',
    match: /补贴|补助|救助|待遇|养老|医疗保险|医保|丧葬|统筹|抚恤|优抚/,
    population: '补贴对象',
    object: '补贴',
    record: '发放名册',
    goal: (w) => `按时足额向N名${w.population}发放${w.object}，发放准确率100%`,
    examples: {
      quantity: (w) => `享受${w.object}人数 ≥N人`,
      quality: (w) => `${w.object}发放准确率 100%`,
      timeliness: (w) => `${w.object}按时足额发放 每月N日前`,
      social: (w) => (/城乡居民/.test(w.name) ? `${w.population}参保率 ≥95%` : `符合条件的${w.population}应享尽享率 100%`),
      sustainable: (w) =>
        /养老保险/.test(w.name) ? '养老保险基金可支付月数 ≥N个月' : /医疗保险|医保/.test(w.name) ? '医保基金可支付月数 ≥N个月' : `${w.object}政策连续实施年限 ≥N年`,
    },
  },
];

/** Populations named by a project (name regex → whose satisfaction, who benefits); first match wins. */
const POPULATIONS: readonly [RegExp, string][] = [
  [/丧葬/, '死亡人员遗属'],
  [/城乡居民.*(?:养老|医疗|医保)/, '参保居民'],
  [/企业退休/, '企业退休人员'],
  [/机关.*(?:养老|退休)/, '机关退休人员'],
  [/优抚/, '优抚对象'],
  [/医疗救助/, '医疗救助对象'],
  [/见习/, '见习大学生'],
  [/教师/, '参训教师'],
  [/营养/, '受益学生家长'],
  [/学前|幼儿/, '受助幼儿家长'],
  [/慢性病/, '慢性病参保患者'],
  [/档案/, '档案管理人员'],
];

/** What a 补贴 / 待遇 project pays, from its name. */
const SUBSIDY_OBJECTS: readonly [RegExp, string][] = [
  [/丧葬/, '丧葬补助金'],
  [/养老|统筹|待遇/, '养老待遇'],
  [/医疗救助|医疗补助/, '医疗救助金'],
  [/补助/, '补助资金'],
];

/** The thing bought ("社保档案室购置档案柜及必备材料、设备等" → "档案柜及必备材料、设备"). */
const BOUGHT = /(?:购置|购买|采购)([^，,。；;（(]{2,16}?)(?:等|费用|经费|资金)*$/;

/** The training a name pays for ("各类外出培训费用" → "外出培训"). */
const TRAINING = /^(?:各类|各项)?([^，,。；;（(]{0,10}培训)/;

/** Words of the last projects linted (a document has one to a few hundred). */
const wordsCache = nodeCache<Project, ProjectWords>(512);

/** The project's own words (memoised per project). */
export function projectWords(project: Project): ProjectWords {
  const hit = wordsCache.get(project);
  if (hit) return hit;
  const name = cellText(project.name) || cellText(project.title);
  const sources = [name, cellText(project.title), cellText(project.purpose)].filter((s) => s !== '');
  let domain: Domain | null = null;
  for (const s of sources) {
    domain = DOMAINS.find((d) => d.match.test(s)) ?? null;
    if (domain) break;
  }
  const population = POPULATIONS.find(([re]) => re.test(name))?.[1] ?? domain?.population ?? '服务对象中的具体人群';
  let object = domain?.object ?? '项目产出';
  if (domain?.id === 'equipment') object = BOUGHT.exec(name)?.[1] ?? object;
  if (domain?.id === 'subsidy') object = SUBSIDY_OBJECTS.find(([re]) => re.test(name))?.[1] ?? object;
  if (domain?.id === 'student-aid' && /营养/.test(name)) object = '营养膳食补助';
  if (domain?.id === 'training') object = TRAINING.exec(name)?.[1] ?? object;
  const words: ProjectWords = { name, domain, population, object };
  wordsCache.set(project, words);
  return words;
}

/** What to write when no example fits (the slot's definition in the department's terms). */
const GUIDANCE: Record<Slot, { zh: string; en: string }> = {
  quantity: { zh: '写明计划完成的产出数量及单位（人、人次、件、台、份）', en: 'state the planned output count with its unit' },
  quality: { zh: '写明产出要达到的标准（合格率、达标率、准确率）及口径', en: 'state the standard the output must reach (pass, compliance or accuracy rate)' },
  timeliness: { zh: '写明完成时限（X年X月底前、≤N个工作日）', en: 'state the deadline (a date or a number of working days)' },
  economic: { zh: '写明可计量的经济收益及单位（节约或追回的金额、增收金额）；项目没有直接经济效益的可不设此项', en: 'state a measurable economic gain with its unit, or leave the row out when the project has none' },
  social: { zh: '写明项目对服务对象的可计量影响（受益人数、覆盖率、知晓率）', en: 'state a measurable effect on the people served (beneficiaries, coverage, awareness)' },
  eco: { zh: '写明可计量的环境改善（减排量、处置率）；与生态无关的项目可不设此项', en: 'state a measurable environmental improvement, or leave the row out when the project has none' },
  sustainable: { zh: '写明效果能持续多久或建立了什么长效机制，并能用数值或“是/否”考核', en: 'state how long the effect lasts or which lasting mechanism is set up, assessable by a number or yes/no' },
  satisfaction: { zh: '写明调查对象（具体人群）及满意度口径', en: 'name the surveyed population and how satisfaction is counted' },
};

/** The slot of a 二级 (null when the 二级 is a cost or unknown). */
function slotOfLevel2(level2: Level2 | null): Slot | null {
  switch (level2) {
    case '数量':
      return 'quantity';
    case '质量':
      return 'quality';
    case '时效':
      return 'timeliness';
    case '经济效益':
      return 'economic';
    case '社会效益':
      return 'social';
    case '生态效益':
      return 'eco';
    case '可持续影响':
      return 'sustainable';
    case '服务对象满意度':
      return 'satisfaction';
    default:
      return null;
  }
}

/** The slot of an indicator row, by its 二级, else its 一级 (效益 → 社会效益, 满意度 → 满意度). */
export function slotOf(indicator: Indicator): Slot | null {
  const slot = slotOfLevel2(canonicalLevel2(indicator.level2, indicator.level1));
  if (slot) return slot;
  const level1 = canonicalLevel1(indicator.level1);
  return level1 === '效益' ? 'social' : level1 === '满意度' ? 'satisfaction' : null;
}

/** A rewrite: a concrete example built from the project, or what to write when none fits. */
export interface Rewrite {
  /** The example (参训人次 ≥N人次), or null when only guidance fits. */
  example: string | null;
  /** For the message: 如“参训人次 ≥N人次” or 写明…. */
  zh: string;
  en: string;
}

const asExample = (example: string): Rewrite => ({ example, zh: `如“${example}”`, en: `e.g. "${example}"` });
const asGuidance = (slot: Slot): Rewrite => ({ example: null, ...GUIDANCE[slot] });

/** The satisfaction indicator of the project (参保居民满意度 ≥90%). */
function satisfactionExample(w: ProjectWords): string {
  return `${w.population}满意度`;
}

/** An example indicator for a slot of this project, or guidance when the project's kind has none. */
export function rewriteFor(project: Project, slot: Slot | null): Rewrite {
  if (!slot) return { example: null, zh: '写明可计量的考核内容和单位', en: 'state what is measured and its unit' };
  const w = projectWords(project);
  if (slot === 'satisfaction') return w.population === '服务对象中的具体人群' ? asGuidance(slot) : asExample(satisfactionExample(w));
  const template = w.domain?.examples[slot];
  return template ? asExample(template(w)) : asGuidance(slot);
}

/**
 * What a report proposing a rewrite carries: its own `data` plus the rewrite for the `{example}` /
 * `{exampleEn}` placeholders, and the example as the suggestion.
 */
export function withRewrite<D extends Record<string, string | number>>(
  rewrite: Rewrite,
  data: D,
): { data: D & { example: string; exampleEn: string }; suggestion: string | null } {
  return { data: { ...data, example: rewrite.zh, exampleEn: rewrite.en }, suggestion: rewrite.example };
}

/** An example indicator for the row's own 二级 (see rewriteFor). */
export function rewriteForIndicator(project: Project, indicator: Indicator): Rewrite {
  return rewriteFor(project, slotOf(indicator));
}

/** An example goal (绩效目标) stating the output and effect of this project's money. */
export function goalRewrite(project: Project): Rewrite {
  const w = projectWords(project);
  const goal = w.domain?.goal?.(w);
  return goal
    ? asExample(goal)
    : { example: null, zh: '写明花这笔钱换来的产出数量（服务多少人、完成多少件）和效果，如“为N名…提供…，…率≥N%”', en: 'state the output (how many people served, items delivered) and the effect the money buys' };
}

/** The population a satisfaction 三级 should name, or null when the project does not say. */
export function populationOf(project: Project): string | null {
  const w = projectWords(project);
  return w.population === '服务对象中的具体人群' ? null : w.population;
}

/** Where counts of this project are taken from (发放名册, 培训签到表 …; 台账 when unknown). */
export function recordOf(project: Project): string {
  return projectWords(project).domain?.record ?? '台账';
}

/** The unit a generic count (数量, 个数) of this project is in (次, 家, 台（套）…), or null. */
export function countUnitOf(project: Project): string | null {
  return projectWords(project).domain?.unit ?? null;
}
