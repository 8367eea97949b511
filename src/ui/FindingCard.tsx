import type { Clause } from '../shared/clauses.ts';
import type { Finding } from '../shared/types.ts';
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
  onPointerEnter: () => void;
  onPointerLeave: () => void;
}

export function FindingCard({ t, finding, clause, x, y, onIgnore, onPointerEnter, onPointerLeave }: FindingCardProps) {
  return (
    <div class="tg-card" data-testid="tg-card" role="tooltip" style={{ left: `${x}px`, top: `${y}px` }} onPointerEnter={onPointerEnter} onPointerLeave={onPointerLeave}>
      <h3>
        <span class="tg-sev" data-severity={finding.severity}>
          {t(`severity_${finding.severity}`)}
        </span>
        「{finding.excerpt}」
      </h3>
      <p style={{ margin: 0 }}>
        {finding.signals !== undefined ? <strong data-testid="tg-signals">{finding.signals.join(' × ')}: </strong> : null}
        {finding.message}
      </p>
      {finding.suggestion !== null ? (
        <p class="tg-suggestion">
          {t('cardSuggestion')}: {finding.suggestion}
        </p>
      ) : null}
      <div class="tg-clause" data-testid="tg-card-clause">
        {t('cardClause')} {clause !== undefined ? clause.label : ''} <code>{finding.clause}</code>
        {clause !== undefined ? <div>{clause.text}</div> : null}
      </div>
      {onIgnore !== null ? (
        <div class="tg-actions">
          <button type="button" onClick={onIgnore}>
            {t('cardIgnore')}
          </button>
        </div>
      ) : null}
    </div>
  );
}
