import { useEffect, useRef, useState } from 'preact/hooks';
import type { Clause } from '../shared/clauses.ts';
import type { ApprovalEvidence, Finding } from '../shared/types.ts';
import { ApprovalPanel, type ApprovalPanelProps } from './ApprovalPanel.tsx';
import type { Translate } from './strings.ts';

export interface GateDialogProps {
  t: Translate;
  /** Findings that forbid posting until the text is fixed. */
  block: Finding[];
  /** Findings the person may post over, giving a reason. */
  warn: Finding[];
  /** Set when the post needs the supervisor's approval ((4)③) and no exemption applied. */
  approval: ApprovalEvidence | null;
  /** Photos or video are attached (4-2-media): their checklist must be confirmed. */
  media: boolean;
  /** The exemptions of (4)③ ただし書, to say which did not apply. */
  exemptions: Clause[];
  clauseOf: (id: string) => Clause | undefined;
  /**
   * The supervisor's approval or release through the background (issue #4 §3). Null when this
   * profile has neither a supervisor PIN nor a public key: then the author can only attest that
   * the supervisor agreed (the checkbox), and the log says so.
   */
  approvalPanel: Omit<ApprovalPanelProps, 't' | 'mode'> | null;
  /** While no supervisor PIN is configured: the standing notice (所属長のPINが未設定です…), shown where approval is asked. */
  pinNotice?: string | null;
  /** The text being posted (the findings' offsets point into it). */
  text: string;
  /** Closes the dialog and selects the finding's words in the compose box. */
  onGoTo: (finding: Finding) => void;
  onFix: () => void;
  onProceed: (confirmed: { reason: string; approved: boolean; approvalVerified: boolean; mediaConfirmed: boolean; released: boolean }) => void;
}

/** The sentence around a finding, with the finding's words marked: staff see it where they wrote it. */
export function sentenceAround(text: string, start: number, end: number): { before: string; excerpt: string; after: string } {
  const stops = /[。．！？!?\n]/;
  let from = start;
  while (from > 0 && !stops.test(text[from - 1]!) && start - from < 60) from--;
  let to = end;
  while (to < text.length && !stops.test(text[to - 1] ?? '') && to - end < 60) to++;
  return { before: text.slice(from, start), excerpt: text.slice(start, end), after: text.slice(end, to) };
}

function FindingItem({ t, finding, clause, text, onGoTo }: { t: Translate; finding: Finding; clause: Clause | undefined; text: string; onGoTo: (f: Finding) => void }) {
  const inText = text.slice(finding.start, finding.end) === finding.excerpt;
  const { before, excerpt, after } = inText ? sentenceAround(text, finding.start, finding.end) : { before: '', excerpt: finding.excerpt, after: '' };
  return (
    <li data-testid="tg-gate-finding" data-severity={finding.severity}>
      <span class="tg-sev" data-severity={finding.severity}>
        {t(`severity_${finding.severity}`)}
      </span>
      <button type="button" class="tg-goto" data-testid="tg-gate-goto" title={t('gateGoTo')} onClick={() => onGoTo(finding)}>
        {before}
        <mark>{excerpt}</mark>
        {after}
      </button>
      <div>
        {finding.signals !== undefined ? <strong data-testid="tg-signals">{finding.signals.join(' × ')}: </strong> : null}
        {finding.message}
      </div>
      {finding.suggestion !== null ? (
        <div class="tg-suggestion">
          {t('cardSuggestion')}: {finding.suggestion}
        </div>
      ) : null}
      {clause !== undefined ? (
        <div class="tg-clause">
          ガイドライン{clause.label} {clause.text}
        </div>
      ) : null}
    </li>
  );
}

/** What Tab can reach inside the dialog (in the order the page reads). */
const FOCUSABLE = 'button, [href], input, select, textarea, summary, [tabindex]:not([tabindex="-1"])';

/** The dialog's controls Tab stops at now: enabled and shown (not inside a closed <details>). */
function tabStops(root: HTMLElement): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((el) => !(el as HTMLButtonElement).disabled && el.getClientRects().length > 0);
}

/**
 * The dialog keeps the keyboard (issue #9): Tab and Shift+Tab wrap around inside it; the site's
 * page behind the backdrop is not reachable until the dialog closes (修正する, Esc, a finding),
 * which puts the focus back in the compose box. Returns true when it moved the focus itself.
 */
function trapTab(root: HTMLElement, backwards: boolean): boolean {
  const stops = tabStops(root);
  const active = (root.getRootNode() as Document | ShadowRoot).activeElement;
  const first = stops[0];
  const last = stops[stops.length - 1];
  if (first === undefined || last === undefined) {
    root.focus();
    return true;
  }
  const inside = active instanceof HTMLElement && root.contains(active) && active !== root;
  if (backwards && (!inside || active === first)) {
    last.focus();
    return true;
  }
  if (!backwards && (!inside || active === last)) {
    // From the dialog itself (where it opens) Tab goes to its first control, as it would anyway.
    if (active === root) return false;
    first.focus();
    return true;
  }
  return false;
}

/** What to check in a picture before posting it (4-2-media, 5-4-rights, 5-5-personal-info). */
const MEDIA_CHECKS = ['gateMediaConsent', 'gateMediaPortrait', 'gateMediaCopyright', 'gateMediaPersonal'] as const;

export function GateDialog({ t, block, warn, approval, media, exemptions, clauseOf, approvalPanel, pinNotice, text, onGoTo, onFix, onProceed }: GateDialogProps) {
  const [reason, setReason] = useState('');
  const [attested, setAttested] = useState(false);
  const granted = approvalPanel?.granted ?? null;
  const released = granted !== null && granted.kind === 'release';
  // A release also approves the post under (4)③: the supervisor saw the very text.
  const approved = approvalPanel === null ? attested : granted !== null;
  const [mediaConfirmed, setMediaConfirmed] = useState(false);
  // The dialog itself takes focus, so it opens at its title (a focused bottom button scrolled the
  // title and the findings out of a short window); Tab reaches the controls in reading order.
  const dialog = useRef<HTMLDivElement>(null);
  useEffect(() => {
    dialog.current?.focus();
  }, []);

  const blocked = block.length > 0 && !released;
  const held = block.length > 0;
  const kind = held ? 'block' : warn.length > 0 ? 'warn' : approval !== null ? 'approval' : 'media';
  const title = released ? t('gateTitleReleased') : t(kind === 'block' ? 'gateTitleBlock' : kind === 'warn' ? 'gateTitleWarn' : kind === 'approval' ? 'gateTitleApproval' : 'gateTitleMedia');
  const canProceed = !blocked && (warn.length === 0 || released || reason.trim().length > 0) && (approval === null || approved) && (!media || mediaConfirmed);
  const findings = [...block, ...warn];
  // Approval or the photo checklist is the normal path for a good post: posting is the primary
  // button. Over warn findings (or a supervisor's release) it stays the exception.
  const normalPath = (kind === 'approval' || kind === 'media') && !released;

  const onKeyDown = (e: KeyboardEvent) => {
    // Esc or Tab while an IME is composing (the reason) belongs to the IME.
    if (e.isComposing || e.keyCode === 229) return;
    if (e.key === 'Escape') {
      e.preventDefault();
      onFix();
    } else if (e.key === 'Tab' && dialog.current !== null && trapTab(dialog.current, e.shiftKey)) e.preventDefault();
  };
  // A click on the backdrop must not drop the focus to the page behind it.
  const keepFocus = (e: MouseEvent) => {
    if (e.target === e.currentTarget) e.preventDefault();
  };

  return (
    <div class="tg-backdrop" onMouseDown={keepFocus}>
      <div class="tg-dialog" ref={dialog} tabIndex={-1} onKeyDown={onKeyDown} role="alertdialog" aria-modal="true" aria-labelledby="tg-gate-title" data-testid="tg-gate" data-kind={kind}>
        <h2 id="tg-gate-title">{title}</h2>
        {blocked ? <p class="tg-note">{t('gateBlockNote')}</p> : warn.length > 0 ? <p class="tg-note">{t('gateWarnNote')}</p> : null}
        {findings.length > 0 ? (
          <ul>
            {findings.map((f) => (
              <FindingItem key={`${f.rule}:${f.start}`} t={t} finding={f} clause={clauseOf(f.clause)} text={text} onGoTo={onGoTo} />
            ))}
          </ul>
        ) : null}
        {held && approvalPanel !== null ? (
          <section data-testid="tg-gate-release">
            <p class="tg-note">{t('gateReleaseNote')}</p>
            <ApprovalPanel t={t} mode="release" {...approvalPanel} />
          </section>
        ) : null}
        {approval !== null && !held ? (
          <section data-testid="tg-gate-approval">
            <p class="tg-note">{t('gateApprovalNote')}</p>
            <p>{approval.reason}</p>
            <details class="tg-details">
              <summary>{t('gateExemptionsNotApplied')}</summary>
              <ul>
                {exemptions.map((c) => (
                  <li key={c.id}>{c.text}</li>
                ))}
              </ul>
            </details>
            {pinNotice !== undefined && pinNotice !== null ? (
              <p class="tg-note" role="status" data-testid="tg-pin-notice">
                {pinNotice}
              </p>
            ) : null}
            {approvalPanel !== null ? (
              <ApprovalPanel t={t} mode="approve" {...approvalPanel} />
            ) : (
              <label class="tg-field">
                <input type="checkbox" data-testid="tg-gate-approved" checked={attested} onChange={(e) => setAttested(e.currentTarget.checked)} /> {t('gateApprovalConfirm')}
              </label>
            )}
          </section>
        ) : null}
        {media && !blocked ? (
          <section data-testid="tg-gate-media">
            <p class="tg-note">{t('gateMediaNote')}</p>
            <div class="tg-clause">
              ガイドライン{clauseOf('4-2-media')?.label} {clauseOf('4-2-media')?.text}
            </div>
            <ul>
              {MEDIA_CHECKS.map((key) => (
                <li key={key}>{t(key)}</li>
              ))}
            </ul>
            <label class="tg-field">
              <input type="checkbox" data-testid="tg-gate-media-confirmed" checked={mediaConfirmed} onChange={(e) => setMediaConfirmed(e.currentTarget.checked)} /> {t('gateMediaConfirm')}
            </label>
          </section>
        ) : null}
        {!held && warn.length > 0 ? (
          <label class="tg-field">
            {t('gateReasonLabel')}
            <textarea data-testid="tg-gate-reason" value={reason} onInput={(e) => setReason(e.currentTarget.value)} />
          </label>
        ) : null}
        <div class="tg-actions">
          <button type="button" class={normalPath ? '' : 'tg-primary'} data-testid="tg-gate-fix" onClick={onFix}>
            {t('gateFix')}
          </button>
          {!blocked ? (
            <button type="button" class={normalPath ? 'tg-primary' : 'tg-danger'} data-testid="tg-gate-proceed" disabled={!canProceed} onClick={() => onProceed({ reason: reason.trim(), approved, approvalVerified: granted !== null, mediaConfirmed, released })}>
              {t(normalPath ? (approval !== null ? 'gatePostApproved' : 'gatePostConfirmed') : 'gatePostAnyway')}
            </button>
          ) : null}
        </div>
      </div>
    </div>
  );
}
