import type { Translate } from './strings.ts';

/** What the badge says about one compose box. `findings` = warn/info marks, `block` = a block mark. */
/** `overridden`: the gate was opened for this exact text; the person presses Post again. */
export type BadgeState = 'checking' | 'clean' | 'findings' | 'block' | 'approval' | 'overridden' | 'broken';

export interface BadgeProps {
  t: Translate;
  state: BadgeState;
  /** Marks shown (ignored ones excluded). */
  count: number;
  partial: boolean;
  /** An audit record is waiting because the background did not store it (the log would miss a decision). */
  auditFailing?: boolean;
  /** Viewport position of the badge's top-right corner. */
  x: number;
  y: number;
}

function label(t: Translate, state: BadgeState, count: number): string {
  switch (state) {
    case 'checking':
      return t('badgeChecking');
    case 'clean':
      return t('badgeClean');
    case 'findings':
      return t('badgeFindings', [String(count)]);
    case 'block':
      // Not colour alone: a block reads differently from a warning.
      return t('badgeBlock', [String(count)]);
    case 'approval':
      return t('badgeApproval');
    case 'overridden':
      return t('gateNowPressPost');
    case 'broken':
      return t('badgeBroken');
  }
}

export function Badge({ t, state, count, partial, auditFailing = false, x, y }: BadgeProps) {
  return (
    <div class="tg-badge" data-testid="tg-badge" data-state={state} data-partial={String(partial)} data-audit={auditFailing ? 'failing' : 'ok'} role="status" aria-label={t('badgeLabel')} style={{ left: `${x}px`, top: `${y}px` }}>
      {label(t, state, count)}
      {partial && state !== 'checking' && state !== 'broken' ? <span class="tg-partial">{t('badgePartial')}</span> : null}
      {auditFailing ? <span class="tg-partial" data-testid="tg-badge-audit">{t('badgeAuditFailing')}</span> : null}
    </div>
  );
}
