import type { Severity } from '../shared/types.ts';
import type { Translate } from './strings.ts';

/** Not colour alone: each severity has its own sign beside its word (⛔ 禁止, ⚠ 注意, ℹ 参考). */
export const SEVERITY_ICON: Record<Severity, string> = { block: '⛔', warn: '⚠', info: 'ℹ' };

export function SeverityTag({ t, severity }: { t: Translate; severity: Severity }) {
  return (
    <span class="tg-sev" data-severity={severity}>
      <span aria-hidden="true">{SEVERITY_ICON[severity]} </span>
      {t(`severity_${severity}`)}
    </span>
  );
}
