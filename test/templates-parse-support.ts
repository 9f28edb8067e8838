/**
 * Small project tables of each template family (docs/templates.md), written once as a grid and
 * rendered in every layout jxlint reads: the Block stream a Word/Excel reader gives (rows known,
 * merged cells marked), Word's row-per-line text, Word's cell-per-line text and LibreOffice's
 * unmarked one-cell-a-line text. In a grid row `〃` is a cell continuing a vertical merge and `←`
 * one continuing a horizontal merge (Word gridSpan); a string is a paragraph outside the table.
 */
import type { Block, BlockStream, Cell } from '../src/sources/blocks.js';

export type Row = string[];
export type Part = string | Row[];

/** The Block stream of a Word or Excel reader: rows known, merges marked. */
export function blocks(parts: Part[]): BlockStream {
  const out: Block[] = [];
  let table = 0;
  let paragraph = 0;
  for (const part of parts) {
    if (typeof part === 'string') {
      out.push({ kind: 'paragraph', text: part, origin: { paragraph: ++paragraph } });
      continue;
    }
    table++;
    const rows: Cell[][] = part.map((row, r) =>
      row.map((text, c) => {
        const cell: Cell = { text: text === '〃' || text === '←' ? '' : text, origin: { table, row: r + 1, col: c + 1, paragraph: 1 } };
        if (text === '〃') cell.mergedAbove = true;
        if (text === '←') cell.mergedLeft = true;
        return cell;
      }),
    );
    out.push({ kind: 'table', rows, rowsKnown: true, origin: { table, row: 1, col: 1, paragraph: 1 } });
  }
  return { info: { format: 'docx', encoding: null, layout: 'table' }, blocks: out, notes: [] };
}

const exported = (row: Row) => row.filter((c) => c !== '←').map((c) => (c === '〃' ? '' : c));

/** Word "save as text": one row a line, cells split by TAB, each row ending in TAB. */
export function rowPerLine(parts: Part[]): string {
  return parts.map((p) => (typeof p === 'string' ? p + '\n' : p.map((row) => exported(row).join('\t') + '\t\n').join(''))).join('');
}

/** Word's text export: a TAB-led line per cell, a blank line after each row. */
export function cellPerLine(parts: Part[]): string {
  return parts
    .map((p) =>
      typeof p === 'string'
        ? p + '\n'
        : p.map((row) => exported(row).map((c) => '\t' + c.replace(/\n/g, '\n')).join('\n') + '\n\n').join(''),
    )
    .join('');
}

/** LibreOffice's text export: one line per cell (and per paragraph of a cell), no markers. */
export function unmarked(parts: Part[]): string {
  return parts.map((p) => (typeof p === 'string' ? p + '\n' : p.map((row) => exported(row).join('\n') + '\n').join(''))).join('');
}

// ---------------------------------------------------------------------------------------------
// The families, as docs/templates.md draws them.

/** seed-2020 (河北/唐山 2020). */
export function seedTable(n: number, code: string, name: string): Part[] {
  return [
    `${n}、${name}绩效目标表`,
    [
      ['316004南堡开发区社会事业保险局', '←', '←', '单位：万元', '←', '←', '←'],
      ['项目编码', code, '项目名称', name, '←', '←', '←'],
      ['预算规模及资金用途', '预算数', '800.00', '其中：财政资金', '800.00', '其他资金', ''],
      ['〃', '城乡居民养老缴费补贴', '←', '←', '←', '←', '←'],
      ['资金支出计划（%）', '3月底', '6月底', '10月底', '12月底', '←', '←'],
      ['〃', '25%', '50%', '75%', '100%', '←', '←'],
      ['绩效目标', '1、补贴及时到位\n2、参保率95%以上', '←', '←', '←', '←', '←'],
      ['一级指标', '二级指标', '三级指标', '绩效指标描述', '指标值', '指标值确定依据', '←'],
      ['产出指标', '数量指标', '补贴人数', '缴费人员', '≥12000人', '省市区相关文件', '←'],
      ['〃', '成本指标', '项目成本', '总成本', '≤800万元', '预算支出标准', '←'],
      ['满意度指标', '服务对象满意度指标', '参保居民满意度', '抽样调查', '≥90%', '行业标准', '←'],
    ],
  ];
}

export interface HunanOptions {
  /** 年度本级预算金额 | 合计 | 其中：财政拨款 | 其他资金 over 〃 | t | f | o. */
  sumRow?: boolean;
  /** Spaced / half-width label spellings. */
  variantLabels?: boolean;
}

/** hunan (湘潭 2023). */
export function hunanTable(name: string, total: string, fiscal: string, other: string, options: HunanOptions = {}): Part[] {
  const budget: Row[] = options.sumRow
    ? [
        ['年度本级预算金额', '合计', '←', '其中：财政拨款', '←', '其他资金'],
        ['〃', total, '←', fiscal, '←', other],
      ]
    : [['年度本级预算金额', total, '其中：财政拨款', fiscal, '其他资金', other]];
  const nameLabel = options.variantLabels ? '项 目 支 出 名 称：' : '项目支出名称';
  return [
    '2023年度项目支出绩效目标申报表',
    '填报单位：湘潭市某局                单位：万元',
    [
      [nameLabel, name, '←', '←', '←', '←'],
      ['预算部门', '湘潭市某局', '←', '项目支出实施期', '2023年1月-2023年12月', '←'],
      ...budget,
      ['该项目支出上级资金', '20.00', '←', '←', '←', '←'],
      ['实施期绩效目标', '完成全市车辆更新', '←', '←', '←', '←'],
      ['本年度绩效目标', '1、配备车辆10辆\n2、市民满意度90%以上', '←', '←', '←', '←'],
      ['绩效指标', '一级指标', '二级指标', '三级指标', '指标值及单位', '绩效标准'],
      ['〃', '产出指标', '数量指标', '配备车辆数', '10辆', '计划标准'],
      ['〃', '〃', '成本指标', '控制在预算成本内', '≤250万元', '计划标准'],
      ['〃', '效益指标', '社会效益指标', '群众出行便利', '有效提升', '计划标准'],
      ['〃', '〃', '社会公众或服务对象满意度指标', '市民满意度', '≥90%', '行业标准'],
    ],
  ];
}

export interface CoreOptions {
  /** 项目资金（万元） | 年度资金总额 | 财政拨款 | 其他资金 over 〃 | t | f | o. */
  labelRow?: boolean;
  code?: string;
}

/** core-2021 (财预〔2021〕101号). */
export function coreTable(name: string, total: string, fiscal: string, other: string, options: CoreOptions = {}): Part[] {
  const budget: Row[] = options.labelRow
    ? [
        ['项目资金（万元）', '年度资金总额', '←', '其中：财政拨款', '←', '其他资金', '←', '←'],
        ['〃', total, '←', fiscal, '←', other, '←', '←'],
      ]
    : [
        ['项目资金（万元）', '年度资金总额', '←', total, '←', '←', '←', '←'],
        ['〃', '其中：财政拨款', '←', fiscal, '←', '←', '←', '←'],
        ['〃', '其他资金', '←', other, '←', '←', '←', '←'],
      ];
  return [
    '项目支出绩效目标表',
    '（2023年度）',
    [
      ['项目名称', name, '←', '←', '←', '←', '←', '←'],
      ...(options.code ? [['项目编码', options.code, '←', '←', '←', '←', '←', '←']] : []),
      ['主管部门', '某市教育局', '←', '←', '实施单位', '某市第一中学', '←', '←'],
      ...budget,
      ['年度绩效目标', '1、完成教师培训500人次\n2、设备购置控制在800万元内', '←', '←', '←', '←', '←', '←'],
      ['绩效指标', '一级指标', '二级指标', '三级指标', '指标性质', '指标值', '度量单位', '指标值设定依据及数据来源'],
      ['〃', '成本指标', '经济成本指标', '设备购置成本', '≤', '800', '万元', '预算支出标准'],
      ['〃', '产出指标', '数量指标', '培训人次', '≥', '500', '人次', '计划标准'],
      ['〃', '〃', '时效指标', '完成时间', '≤', '2023年12月', '', '计划标准'],
      ['〃', '效益指标', '社会效益指标', '教学质量', '定性', '达到预期目标', '', '其他标准'],
      ['〃', '满意度指标', '服务对象满意度指标', '学生满意度', '≥', '90', '%', '行业标准'],
    ],
  ];
}

/** hubei (鄂州 2022). */
export function hubeiTable(name: string, code: string, total: string, fiscal: string, other: string): Part[] {
  return [
    '2022年项目支出绩效目标表',
    [
      ['项目名称', name, '←', '项目编码', code, '←'],
      ['主管部门', '鄂州市某局', '←', '实施单位', '鄂州市某中心', '←'],
      ['预算金额', total, '其中：财政拨款', fiscal, '其他资金', other],
      ['项目预算成本构成', '成本项目', '金额', '测算（公式）依据', '2020年实际执行数', '2021年实际执行数'],
      ['〃', '设备购置费', '50.00', '10台×5万元', '40.00', '45.00'],
      ['〃', '运行维护费', '50.00', '按合同', '40.00', '45.00'],
      ['〃', '合计', '100.00', '', '80.00', '90.00'],
      ['年度绩效目标', '1、购置设备10台', '←', '←', '←', '←'],
      ['绩效指标', '一级指标', '二级指标', '三级指标', '绩效标准', '当年预期实现值'],
      ['〃', '产出指标', '数量指标', '设备购置数量', '按计划购置', '≥10台'],
      ['〃', '〃', '质量指标', '验收合格率', '验收合格', '100%'],
      ['〃', '满意度指标', '服务对象满意度指标', '使用人员满意度', '问卷调查', '≥90%'],
      ['保障绩效目标实现措施', '制度保障', '←', '←', '←', '←'],
      ['主管部门审核意见', '同意', '←', '←', '←', '←'],
    ],
  ];
}

/** national-2016 (2016 national 申报表). */
export function nationalTable(name: string, total: string, fiscal: string, other: string): Part[] {
  return [
    '项目支出绩效目标申报表',
    '（2016年度）',
    [
      ['项目名称', name, '←', '←', '←'],
      ['主管部门编码', '316004', '主管部门', '某县民政局', '←'],
      ['项目资金（万元）', `资金总额：${total}`, `其中：财政拨款：${fiscal}`, `其他资金：${other}`, '←'],
      ['长期目标', '1、建立长效救助机制', '←', '←', '←'],
      ['年度目标', '1、救助困难群众100户\n2、受益群众满意度90%以上', '←', '←', '←'],
      ['长期绩效指标', '←', '←', '←', '←'],
      ['一级指标', '二级指标', '指标内容', '指标值', '备注'],
      ['产出指标', '数量指标', '累计救助户数', '≥500户', ''],
      ['效益指标', '社会效益指标', '困难群众生活保障', '持续改善', ''],
      ['年度绩效指标', '←', '←', '←', '←'],
      ['一级指标', '二级指标', '指标内容', '指标值', '备注'],
      ['产出指标', '数量指标', '救助户数', '≥100户', ''],
      ['〃', '时效指标', '发放时间', '2016年12月底前', ''],
      ['效益指标', '环境效益指标', '无纸化办理', '≥60%', ''],
      ['满意度指标', '服务对象满意度指标', '具体指标：受益群众满意度', '≥90%', ''],
    ],
  ];
}
