import type { Clause } from '../shared/clauses.ts';
import type { Finding } from '../shared/types.ts';
import { SeverityTag } from './SeverityTag.tsx';
import type { Translate } from './strings.ts';

/** 誤検知として報告 (issue #9): where this finding's report stands, and how to send it. */
export interface FindingReport {
  status: 'idle' | 'sending' | 'done' | 'failed';
  /** Why it failed, in Japanese (status `failed`). */
  reason?: string;
  onReport: () => void;
}

/**
 * The button and what became of it; shared by the card and the list. The note (title and
 * description) says that only the flagged words go to the supervisor, never the post.
 */
export function ReportButton({ t, report, testid, excerpt }: { t: Translate; report: FindingReport; testid: string; excerpt: string }) {
  if (report.status === 'done') {
    return (
      <p class="tg-done" role="status" data-testid={`${testid}-done`}>
        {t('reportDone')}
      </p>
    );
  }
  return (
    <>
      <button
        type="button"
        data-testid={testid}
        title={t('reportNote')}
        aria-label={`${t('reportButton')}: ${excerpt}`}
        aria-description={t('reportNote')}
        aria-disabled={report.status === 'sending' ? 'true' : undefined}
        onClick={() => {
          if (report.status !== 'sending') report.onReport();
        }}
      >
        {t('reportButton')}
      </button>
      {report.status === 'failed' ? (
        <p class="tg-note" role="alert" data-testid={`${testid}-failed`}>
          {t('reportFailed', [report.reason ?? ''])}
        </p>
      ) : null}
    </>
  );
}

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
  /** 誤検知として報告 (absent where reporting is not offered). */
  report?: FindingReport | null;
}

export function FindingCard({ t, finding, clause, x, y, onIgnore, onReplace = null, onPointerEnter, onPointerLeave, onClose, report = null }: FindingCardProps) {
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
      {onIgnore !== null || report !== null ? (
        <div class="tg-actions">
          {report !== null && report.status !== 'done' ? <ReportButton t={t} report={report} testid="tg-card-report" excerpt={finding.excerpt} /> : null}
          {onIgnore !== null ? (
            <button type="button" data-testid="tg-card-ignore" onClick={onIgnore}>
              {t('cardIgnore')}
            </button>
          ) : null}
        </div>
      ) : null}
      {report !== null && report.status === 'done' ? <ReportButton t={t} report={report} testid="tg-card-report" excerpt={finding.excerpt} /> : null}
    </div>
  );
}
