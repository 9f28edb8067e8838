import { defineRule } from '../src/engine/define-rule.js';
import { table } from './shared/example-table.js';
import { isPlaceholderGoalContent } from './shared/goals.js';
import { goalRewrite, withRewrite } from './shared/suggestions.js';
import { cellText } from './shared/text.js';

/** Spending or paying money (docs/rule-catalogue.md: 支付 报销 拨付 购置 购买 + 费用 资金 材料), or funds arriving (资金/补贴到位). */
const PAYMENT_VERB = /支付|报销|拨付|购置|购买|采购|缴纳|支出/;
const MONEY_OBJECT = /费用|资金|材料|经费|款项|物资|办公费/;
const FUNDS_ARRIVING = /(?:资金|补贴|经费|补助|款项)[^，,。；;]{0,4}(?:及时|按时|足额)?(?:到位|到账|下达)/;
/** An output count or a rate with a number (为120人, 覆盖率95%): the goal states an output after all. */
const OUTPUT = /\d+(?:\.\d+)?\s*(?:人次|人|名|户|次|个|件|场|项|所|家|台|套|份|册|批|期|例|篇|辆|座|公里|平方米|㎡|%)/;

export const goalDescribesInputOrPayment = defineRule({
  meta: {
    id: 'goal-describes-input-or-payment',
    category: 'goal',
    defaultSeverity: 'warn',
    kind: 'heuristic',
    recommended: true,
    messages: {
      input: {
        'zh-CN':
          '绩效目标“{found}”写的是花钱、付款或资金到位（{term}），这是投入和过程，不是绩效；财力、物力投入本身不能作为绩效目标，目标应写花这笔钱换来的产出和效果；请改写，{example}',
        en: 'Goal "{found}" is about spending, paying or funds arriving ({term}), which is input and process, not performance; inputs cannot be goals, so rewrite it: {exampleEn}',
      },
    },
    docs: {
      description:
        '绩效目标某一项写的是支付、报销、拨付、购置、购买费用/资金/材料，或资金、补贴“及时到位”，而没有写出任何产出数量或效果。',
      descriptionEn: 'A goal that is spending or paying money (支付 报销 拨付 购置 购买 + 费用 资金 材料) or funds arriving, with no output stated.',
      why: '绩效目标要回答“花了钱之后得到什么”。“及时支付外出培训费用”“购置必备材料”只说明钱怎么花，地方填报说明明确“财力、人力和物力等投入数量不能作为绩效目标”。',
      get bad() {
        return table({ goals: ['1、及时支付外出培训费用'] });
      },
      get good() {
        return table({ goals: ['1、组织20人次参加省、市业务培训，培训考核合格率≥95%'] });
      },
      basis: '地方填报说明（“财力、人力和物力等投入数量不能作为绩效目标”，docs/sources.md 15）；财预〔2015〕88号 第六条（绩效目标为产出和效果）；财预〔2020〕10号 附件1（资金到位属过程）。',
      limits:
        '按“动词+资金对象”的搭配和“资金/补贴到位”识别；写了产出数量或比率（如“为120人支付…”）时不报告。补贴、待遇类项目“按时发放待遇”本身就是服务，未列入动词，不报告。“完成率”之类占位目标由 placeholder-goal 报告，本规则跳过。',
    },
  },
  create(context) {
    return {
      Goal(item, project) {
        if (isPlaceholderGoalContent(item.content)) return;
        const text = cellText(item.content);
        if (OUTPUT.test(text)) return;
        const verb = PAYMENT_VERB.exec(text)?.[0];
        const object = MONEY_OBJECT.exec(text)?.[0];
        const arriving = FUNDS_ARRIVING.exec(text)?.[0];
        const term = verb && object ? `${verb}/${object}` : arriving ?? null;
        if (!term) return;
        context.report({ node: item, messageId: 'input', ...withRewrite(goalRewrite(project), { found: item.text, term }) });
      },
    };
  },
});
