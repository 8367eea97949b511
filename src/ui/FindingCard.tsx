import type { Clause } from '../shared/clauses.ts';
import type { Finding } from '../shared/types.ts';
import { SeverityTag } from './SeverityTag.tsx';
import type { Translate } from './strings.ts';

export interface FindingCardProps {
  t: Translate;
  finding: Finding;
  clause: Clause | undefined;
  /** Viewport position of the card's top-left corner. */
  x: number;
  y: number;
  /** Block findings cannot be ignored: they can only be fixed. */
  onIgnore: (() => void) | null;
  /** 置き換える: the finding's replacement goes in through the editor's own input (null when it has none). */
  onReplace?: (() => void) | null;
  onPointerEnter: () => void;
  onPointerLeave: () => void;
  /** Closes the card (the mark stays). */
  onClose?: () => void;
}

export function FindingCard({ t, finding, clause, x, y, onIgnore, onReplace = null, onPointerEnter, onPointerLeave, onClose }: FindingCardProps) {
  const replace = onReplace !== null && finding.replacement !== undefined ? { run: onReplace, to: finding.replacement } : null;
  return (
    <div class="tg-card" data-testid="tg-card" role="dialog" aria-live="polite" aria-label={t(`severity_${finding.severity}`) + ' ' + finding.excerpt} style={{ left: `${x}px`, top: `${y}px` }} onPointerEnter={onPointerEnter} onPointerLeave={onPointerLeave}>
      {onClose !== undefined ? (
        <button type="button" class="tg-close" data-testid="tg-card-close" aria-label={t('noticeClose')} onClick={onClose}>
          ×
        </button>
      ) : null}
      <h3>
        <SeverityTag t={t} severity={finding.severity} />
        「{finding.excerpt}」
      </h3>
      <p style={{ margin: 0 }}>
        {finding.signals !== undefined ? <strong data-testid="tg-signals">{finding.signals.join(' × ')}: </strong> : null}
        {finding.message}
      </p>
      {replace !== null ? (
        <div class="tg-replace">
          <span>
            「{finding.excerpt}」→「<strong>{replace.to}</strong>」
          </span>
          <button type="button" data-testid="tg-card-replace" aria-label={t('replaceLabel', [finding.excerpt, replace.to])} onClick={replace.run}>
            {t('replaceButton')}
          </button>
        </div>
      ) : null}
      {finding.suggestion !== null ? (
        <p class="tg-suggestion">
          {t('cardSuggestion')}: {finding.suggestion}
        </p>
      ) : null}
      <div class="tg-clause" data-testid="tg-card-clause">
        {t('cardClause')} {clause !== undefined ? clause.label : ''}
        {clause !== undefined ? <div>{clause.text}</div> : null}
      </div>
      {onIgnore !== null ? (
        <div class="tg-actions">
          <button type="button" data-testid="tg-card-ignore" onClick={onIgnore}>
            {t('cardIgnore')}
          </button>
        </div>
      ) : null}
    </div>
  );
}
