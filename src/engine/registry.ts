/**
 * Every rule, in the order they run. One line a rule; the meta-test (tests/engine/meta.test.ts)
 * fails when a file in rules/ is missing here, has no valid/invalid table, or cites an unknown
 * clause.
 */
import type { Rule } from './context.ts';
import { termsRule } from './rules/terms.ts';
import { insultRule } from './rules/insult.ts';
import { discriminationRule } from './rules/discrimination.ts';
import { illegalRule } from './rules/illegal.ts';
import { rumourRule } from './rules/rumour.ts';
import { confidentialRule } from './rules/confidential.ts';
import { decisionProcessRule } from './rules/decision_process.ts';
import { publicOrderRule } from './rules/public_order.ts';
import { personalInfoRule } from './rules/personal_info.ts';
import { linksRule } from './rules/links.ts';
import { signalsRule } from './rules/signals.ts';
import { modelRule } from './rules/model.ts';

export const RULES: readonly Rule[] = [
  termsRule,
  insultRule,
  discriminationRule,
  illegalRule,
  rumourRule,
  confidentialRule,
  decisionProcessRule,
  publicOrderRule,
  personalInfoRule,
  signalsRule,
  modelRule,
  linksRule,
];
