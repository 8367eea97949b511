import { useEffect, useRef, useState } from 'preact/hooks';
import type { MessageKey, Translate } from './strings.ts';

/**
 * The gate's word when it cannot decide on a press (issue #8): it is still checking (点検中), it
 * gave up waiting (点検できません), it cannot read the composer, or the extension was updated under
 * this page. The post never goes out silently: only with a reason, which the log keeps; an orphaned
 * page offers no way out but a reload.
 */
export interface GateNoticeProps {
  t: Translate;
  kind: 'checking' | 'uncheckable' | 'unreadable' | 'orphaned';
  /** What went wrong, when known (the tokenizer host's error). */
  error: string | null;
  onCancel: () => void;
  /** Lets this press through with the reason; null where no way out is offered. */
  onProceed: ((reason: string) => void) | null;
}

const TITLE: Record<GateNoticeProps['kind'], MessageKey> = {
  checking: 'noticeCheckingTitle',
  uncheckable: 'noticeUncheckableTitle',
  unreadable: 'noticeUnreadableTitle',
  orphaned: 'noticeOrphanedTitle',
};
const BODY: Record<GateNoticeProps['kind'], MessageKey> = {
  checking: 'noticeCheckingBody',
  uncheckable: 'noticeUncheckableBody',
  unreadable: 'noticeUnreadableBody',
  orphaned: 'noticeOrphanedBody',
};

export function GateNotice({ t, kind, error, onCancel, onProceed }: GateNoticeProps) {
  const [reason, setReason] = useState('');
  const cancel = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    cancel.current?.focus();
  }, [kind]);
  const asksReason = onProceed !== null && (kind === 'uncheckable' || kind === 'unreadable');
  return (
    <div class="tg-backdrop">
      <div class="tg-dialog" onKeyDown={(e) => e.key === 'Escape' && onCancel()} role="alertdialog" aria-modal="true" aria-labelledby="tg-notice-title" aria-describedby="tg-notice-body" data-testid="tg-notice" data-kind={kind}>
        <h2 id="tg-notice-title">
          {kind === 'checking' ? <span class="tg-spinner" aria-hidden="true" /> : null}
          {t(TITLE[kind])}
        </h2>
        <p id="tg-notice-body">{t(BODY[kind])}</p>
        {error !== null && kind !== 'checking' ? <p class="tg-clause" data-testid="tg-notice-error">{t('noticeError', [error])}</p> : null}
        {asksReason ? (
          <label class="tg-field">
            {t('gateReasonLabel')}
            <textarea data-testid="tg-notice-reason" value={reason} onInput={(e) => setReason((e.target as HTMLTextAreaElement).value)} />
          </label>
        ) : null}
        <div class="tg-actions">
          <button type="button" ref={cancel} data-testid="tg-notice-cancel" onClick={onCancel}>
            {t(kind === 'orphaned' ? 'noticeClose' : 'noticeBack')}
          </button>
          {asksReason ? (
            <button type="button" class="tg-danger" data-testid="tg-notice-proceed" disabled={reason.trim().length === 0} onClick={() => onProceed(reason.trim())}>
              {t('noticeProceed')}
            </button>
          ) : null}
        </div>
      </div>
    </div>
  );
}
