import { useEffect, useRef } from 'preact/hooks';
import type { Finding } from '../shared/types.ts';
import { navigationKey } from './finding-nav.ts';
import { sentenceAround } from './GateDialog.tsx';
import { ReportButton, type FindingReport } from './FindingCard.tsx';
import { SeverityTag } from './SeverityTag.tsx';
import type { Translate } from './strings.ts';

export interface FindingListProps {
  t: Translate;
  /** The marks of one compose box, in text order. */
  findings: Finding[];
  /** The box's text as checked: the findings' offsets point into it. */
  text: string;
  /** Index in `findings` of the finding whose words are selected in the box, or null. */
  current: number | null;
  /** The text changed and is being checked again. */
  checking: boolean;
  /** Read out by screen readers when it changes: where 次へ/前へ went, what was replaced. */
  announcement: string;
  /** What the last 置き換える did, shown under the buttons (null when there is nothing to say). */
  notice: string | null;
  /** Where the keyboard focus goes each time `serial` changes (the runtime moves it back after selecting in the box). */
  focus: { target: 'list' | 'next' | 'prev'; serial: number } | null;
  /** Viewport position and size of the panel (it sits beside the compose box where there is room). */
  x: number;
  y: number;
  width: number;
  maxHeight: number;
  /** 次へ (1) / 前へ (-1): selects that finding's words in the box; the list stays open. */
  onStep: (direction: 1 | -1) => void;
  /** Closes the list and selects the finding's words in the box, ready to be typed over. */
  onGoTo: (index: number) => void;
  /** 置き換える: the finding's replacement goes in through the editor's own input. */
  onReplace: (index: number) => void;
  /** Esc or ×: closes the list and returns to the box. */
  onClose: () => void;
  /** 誤検知として報告 for the finding at this index (absent: not offered). */
  report?: (index: number) => FindingReport | null;
}

function Item({ t, finding, text, index, current, onGoTo, onReplace, report }: { t: Translate; finding: Finding; text: string; index: number; current: boolean; onGoTo: (i: number) => void; onReplace: (i: number) => void; report: FindingReport | null }) {
  const inText = text.slice(finding.start, finding.end) === finding.excerpt;
  const { before, excerpt, after } = inText ? sentenceAround(text, finding.start, finding.end) : { before: '', excerpt: finding.excerpt, after: '' };
  return (
    <li data-testid="tg-list-item" data-index={index} data-severity={finding.severity} aria-current={current ? 'true' : undefined}>
      <SeverityTag t={t} severity={finding.severity} />
      <button type="button" class="tg-goto" data-testid="tg-list-goto" title={t('gateGoTo')} onClick={() => onGoTo(index)}>
        {before}
        <mark>{excerpt}</mark>
        {after}
      </button>
      <div class="tg-reason">{finding.message}</div>
      {finding.replacement !== undefined && inText ? (
        <div class="tg-replace">
          <span>
            「{finding.excerpt}」→「<strong>{finding.replacement}</strong>」
          </span>
          <button type="button" data-testid="tg-list-replace" aria-label={t('replaceLabel', [finding.excerpt, finding.replacement])} onClick={() => onReplace(index)}>
            {t('replaceButton')}
          </button>
        </div>
      ) : null}
      {report !== null ? (
        <div class="tg-row">
          <ReportButton t={t} report={report} testid="tg-list-report" excerpt={finding.excerpt} />
        </div>
      ) : null}
    </li>
  );
}

/** The badge's list: every finding of one compose box inside its sentence, 次へ/前へ through them, 置き換える where a finding knows its rewrite. */
export function FindingList({ t, findings, text, current, checking, announcement, notice, focus, x, y, width, maxHeight, onStep, onGoTo, onReplace, onClose, report }: FindingListProps) {
  const panel = useRef<HTMLDivElement>(null);
  const next = useRef<HTMLButtonElement>(null);
  const prev = useRef<HTMLButtonElement>(null);
  const serial = focus?.serial ?? -1;
  useEffect(() => {
    if (focus === null) return;
    const target = focus.target === 'next' ? next.current : focus.target === 'prev' ? prev.current : panel.current;
    (target ?? panel.current)?.focus();
  }, [serial]);
  useEffect(() => {
    if (current === null) return;
    panel.current?.querySelector(`[data-index="${current}"]`)?.scrollIntoView({ block: 'nearest' });
  }, [current, serial]);

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.isComposing || e.keyCode === 229) return;
    if (e.key === 'Escape') {
      e.preventDefault();
      onClose();
      return;
    }
    const direction = navigationKey(e);
    if (direction !== null) {
      e.preventDefault();
      onStep(direction);
    }
  };
  const none = findings.length === 0;
  return (
    <div
      class="tg-list"
      id="tg-list"
      data-testid="tg-list"
      ref={panel}
      tabIndex={-1}
      role="dialog"
      aria-labelledby="tg-list-title"
      aria-describedby="tg-list-hint"
      style={{ left: `${x}px`, top: `${y}px`, width: `${width}px`, maxHeight: `${maxHeight}px` }}
      onKeyDown={onKeyDown}
    >
      <button type="button" class="tg-close" data-testid="tg-list-close" aria-label={t('noticeClose')} onClick={onClose}>
        ×
      </button>
      <h2 id="tg-list-title">{t('listTitle', [String(findings.length)])}</h2>
      {/* aria-disabled, not disabled: a button that turns disabled while focused drops the keyboard focus to the page. */}
      <div class="tg-row tg-nav">
        <button type="button" ref={prev} data-testid="tg-list-prev" aria-keyshortcuts="Alt+Shift+K" aria-disabled={none ? 'true' : undefined} onClick={() => onStep(-1)}>
          {t('listPrev')}
        </button>
        <button type="button" ref={next} data-testid="tg-list-next" aria-keyshortcuts="Alt+Shift+J" aria-disabled={none ? 'true' : undefined} onClick={() => onStep(1)}>
          {t('listNext')}
        </button>
        <span class="tg-position" data-testid="tg-list-position">
          {current !== null && !none ? t('listPosition', [String(current + 1), String(findings.length)]) : ''}
        </span>
      </div>
      <p class="tg-note" id="tg-list-hint">
        {t('listHint')}
      </p>
      {notice !== null ? (
        <p class="tg-done" data-testid="tg-list-notice">
          {notice}
        </p>
      ) : null}
      {checking ? <p class="tg-note">{t('badgeChecking')}</p> : null}
      {none && !checking ? <p data-testid="tg-list-empty">{t('listEmpty')}</p> : null}
      {!none ? (
        <ol>
          {findings.map((f, i) => (
            <Item key={`${f.rule}:${f.start}:${f.end}`} t={t} finding={f} text={text} index={i} current={i === current} onGoTo={onGoTo} onReplace={onReplace} report={report === undefined ? null : report(i)} />
          ))}
        </ol>
      ) : null}
      <p class="tg-sr" role="status" aria-live="polite" data-testid="tg-list-status">
        {announcement}
      </p>
    </div>
  );
}
