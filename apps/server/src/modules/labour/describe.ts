import type { LabourFinding, LabourRuleId } from "@jingwei/rules";

// A labour finding in words, Chinese and English, from the numbers the rules give (REFERENCE.md §6).

export const LABOUR_RULE_NAMES: Record<LabourRuleId, { zh: string; en: string }> = {
  weekly_hours: { zh: "周工时超标", en: "Weekly hours over the limit" },
  daily_overtime: { zh: "日加班超过 3 小时", en: "Daily overtime over 3 h" },
  monthly_overtime: { zh: "月加班超过 36 小时", en: "Monthly overtime over 36 h" },
  rest_day: { zh: "连续工作七天无休息日", en: "No day of rest in seven" },
  overtime_pay_workday: { zh: "工作日加班费低于 150%", en: "Workday overtime paid below 150 %" },
  overtime_pay_rest_day: { zh: "休息日加班费低于 200%", en: "Rest-day overtime paid below 200 %" },
  overtime_pay_holiday: { zh: "法定节假日加班费低于 300%", en: "Holiday overtime paid below 300 %" },
  minimum_wage: { zh: "工资低于最低工资标准", en: "Pay below the minimum wage" },
  social_insurance: { zh: "未缴纳社会保险", en: "Social insurance not paid" },
};

export function describeFinding(f: LabourFinding): { zh: string; en: string } {
  const d = f.detail as Record<string, number | string | boolean>;
  const w = f.workerId;
  switch (f.rule) {
    case "weekly_hours":
      return {
        zh: `工号 ${w} 在 ${f.period} 周工作 ${d.hours} 小时，超过 ${d.limit} 小时 ${d.excess} 小时（出勤 ${d.daysWorked} 天）`,
        en: `Worker ${w} worked ${d.hours} h in week ${f.period}, ${d.excess} h over ${d.limit} h (${d.daysWorked} days)`,
      };
    case "daily_overtime":
      return {
        zh: `工号 ${w} 在 ${f.period} 加班 ${d.overtimeCounted} 小时，超过每日 ${d.limit} 小时上限`,
        en: `Worker ${w} worked ${d.overtimeCounted} h overtime on ${f.period}, over the ${d.limit} h daily limit`,
      };
    case "monthly_overtime":
      return {
        zh: `工号 ${w} 在 ${f.period} 月加班 ${d.overtimeHours} 小时，超过 ${d.limit} 小时 ${d.excess} 小时`,
        en: `Worker ${w} worked ${d.overtimeHours} h overtime in ${f.period}, ${d.excess} h over ${d.limit} h`,
      };
    case "rest_day":
      return {
        zh: `工号 ${w} 自 ${f.period} 至 ${d.endDate} 连续工作 ${d.consecutiveDays} 天，没有休息日`,
        en: `Worker ${w} worked ${d.consecutiveDays} days in a row from ${f.period} to ${d.endDate} without a day of rest`,
      };
    case "overtime_pay_workday":
    case "overtime_pay_rest_day":
    case "overtime_pay_holiday":
      return {
        zh: `工号 ${w} 在 ${f.period} 加班 ${d.overtimeHours} 小时，加班费 ${d.overtimePay} 元，应不低于 ${d.required} 元（${d.requiredPercent}%），实付约 ${d.paidPercent}%，少付 ${d.shortfall} 元`,
        en: `Worker ${w}: ${d.overtimeHours} h overtime in ${f.period} paid CNY ${d.overtimePay}, at least CNY ${d.required} due (${d.requiredPercent} %), paid ≈ ${d.paidPercent} %, short by CNY ${d.shortfall}`,
      };
    case "minimum_wage":
      return {
        zh: `工号 ${w} 在 ${f.period} 工资 ${d.pay} 元，低于应得最低工资 ${d.required} 元（月最低工资 ${d.monthlyMinimum} 元，第 ${d.tier} 档），少 ${d.shortfall} 元`,
        en: `Worker ${w} was paid CNY ${d.pay} in ${f.period}, below the CNY ${d.required} minimum due (monthly minimum CNY ${d.monthlyMinimum}, tier ${d.tier}), short by CNY ${d.shortfall}`,
      };
    case "social_insurance":
      return {
        zh: `工号 ${w} 在 ${f.period} 有 ${d.rowsWithoutInsurance} 天未缴社保（自 ${d.firstDate} 起）`,
        en: `Worker ${w} had no social insurance on ${d.rowsWithoutInsurance} days of ${f.period} (from ${d.firstDate})`,
      };
  }
}
