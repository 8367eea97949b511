import { useRef } from 'preact/hooks';
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
  /** Opens (or closes) the list of this box's findings. */
  onToggleList?: () => void;
  /** The list of this box's findings is open. */
  listOpen?: boolean;
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

export function Badge({ t, state, count, partial, auditFailing = false, x, y, onToggleList, listOpen = false }: BadgeProps) {
  const text = label(t, state, count);
  // Screen readers hear the result once it is there, not 点検中 after every keystroke.
  const settled = useRef('');
  if (state !== 'checking') settled.current = text;
  return (
    <>
      <button
        type="button"
        class="tg-badge"
        data-testid="tg-badge"
        data-state={state}
        data-partial={String(partial)}
        data-audit={auditFailing ? 'failing' : 'ok'}
        aria-haspopup="dialog"
        aria-expanded={listOpen ? 'true' : 'false'}
        aria-controls={listOpen ? 'tg-list' : undefined}
        title={t('badgeOpenList')}
        style={{ left: `${x}px`, top: `${y}px` }}
        onClick={onToggleList}
      >
        <span class="tg-sr">{t('badgeLabel')}: </span>
        {text}
        {partial && state !== 'checking' && state !== 'broken' ? <span class="tg-partial">{t('badgePartial')}</span> : null}
        {auditFailing ? <span class="tg-partial" data-testid="tg-badge-audit">{t('badgeAuditFailing')}</span> : null}
      </button>
      <span class="tg-sr" role="status">
        {settled.current}
      </span>
    </>
  );
}
