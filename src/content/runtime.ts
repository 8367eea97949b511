/**
 * The content runtime, the same for every site: find compose boxes (src/sites/), check their text
 * after a pause in typing (never mid-composition), mark findings with highlights, keep the badge
 * and the card up to date, and install the gate. Site differences live in the adapters only.
 *
 * Everything hangs on the guard's own lifetime (lifetime.ts), never on WXT's context, which a page
 * script can end with one forged event.
 */
import { clauseById, type Clause } from '../shared/clauses.ts';
import { CATEGORIES, type CheckResult, type Finding, type Platform } from '../shared/types.ts';
import { AdapterError, findEditors, type EditorText, type FoundEditor } from '../sites/index.ts';
import type { BadgeProps, BadgeState } from '../ui/Badge.tsx';
import type { FindingCardProps, FindingReport } from '../ui/FindingCard.tsx';
import type { FindingListProps } from '../ui/FindingList.tsx';
import { findingKey, navigationKey, replacedText, stepFinding } from '../ui/finding-nav.ts';
import type { GateDialogProps } from '../ui/GateDialog.tsx';
import type { GateNoticeProps } from '../ui/GateNotice.tsx';
import { createClient } from '../messaging/client.ts';
import { fromOwnPage, listen } from '../messaging/handlers.ts';
import type { AuditAppend, ContentProtocol } from '../messaging/protocol.ts';
import type { ApprovalReply, ApprovalSubjectMessage, GuardConfig, GuardProtocol, InPersonProtocol, TabProtocol } from '../messaging/supervisor-protocol.ts';
import { rememberedApprovalDeadline } from '../security/approval-lifetime.ts';
import { sha256Hex } from '../security/hash.ts';
import { ignoredOnCardReason } from '../audit/override-reason.ts';
import { createAuditReporter } from './audit-reporter.ts';
import { createEngineHost } from './engine-host.ts';
import { passedDecision, type GateConfirmation, type GateDecision } from './gate-decision.ts';
import { summarizeFindings } from '../shared/summary.ts';
import { installGate, readPress, type GateRecord, type PressOrigin } from './gate.ts';
import { heldFindings } from './gate-session.ts';
import { clearHighlights, drawCurrent, drawHighlights, installHighlightStyle } from './highlights.ts';
import { preloadStrings, translate as t } from './i18n.ts';
import { createLifetime, type Lifetime } from './lifetime.ts';
import { createOverlay, type Overlay } from './overlay.tsx';

/**
 * The local check (dictionary-and-pattern tier, well under a millisecond for a post) runs on the
 * next task after every change, so marks follow the keystroke; should it ever grow slower than
 * this budget, checks wait for a pause in typing instead.
 */
const LIVE_BUDGET_MS = 8;
/** Long enough not to check on every key, short enough to feel live: the full check (a message to the tokenizer host) and the slow-engine fallback. */
const DEBOUNCE_MS = 300;
const CARD_HIDE_MS = 250;
/**
 * How long a press waits for the full check before the dialog says it cannot check (the tokenizer
 * loads in a few seconds; a busy machine takes longer). The wait goes on behind the dialog: a late
 * result still decides.
 */
export const FULL_CHECK_WAIT_MS = 20_000;
/** Pauses before asking the tokenizer host again after a failure (the last one repeats). */
const FULL_RETRY_MS = [1000, 3000, 10_000] as const;

interface Composer {
  id: string;
  found: FoundEditor;
  view: EditorText | null;
  result: CheckResult | null;
  composing: boolean;
  dirty: boolean;
  broken: boolean;
  timer: number | null;
  /** The pending request for the full check, sent after a pause in typing. */
  fullTimer: number | null;
  /** How long local checks take (ms, a moving average). */
  cost: number;
  /** "今回は無視": warn and info findings dismissed for this compose box (the gate honours it and records it). */
  ignored: Set<string>;
  /** The text the gate was opened for, so the badge can say "press Post again". */
  overriddenText: string | null;
}

interface Mark {
  composer: Composer;
  finding: Finding;
  range: Range;
}

function ignoreKey(f: Finding): string {
  return `${f.rule}\u0000${f.excerpt}`;
}

export function startGuard(platform: Platform, lifetime: Lifetime = createLifetime()): void {
  preloadStrings();
  const engine = createEngineHost(platform);
  const check = (text: string) => engine.check(text);
  /** Consecutive failures of the full check (the badge says 部分チェック while > 0); reset by any answer. */
  let fullFailures = 0;
  const composers = new Map<HTMLElement, Composer>();
  let nextId = 0;
  let overlay: Overlay | null = null;
  let marks: Mark[] = [];
  let card: { mark: Mark; via: 'hover' | 'caret' } | null = null;
  /**
   * The badge's list of one box's findings: which one is selected in the box (by findingKey),
   * what the screen reader is told, and where the keyboard focus goes next in the list.
   */
  let list: {
    composer: Composer;
    current: string | null;
    announcement: string;
    /** The result of the last 置き換える, shown in the list. */
    notice: string | null;
    focus: FindingListProps['focus'];
    /**
     * Where Esc puts the selection back in the box: the words last gone to, or the caret after a
     * replacement. Draft.js drops the page's selection when its box loses focus to the list.
     */
    returnTo: { start: number; end: number } | null;
  } | null = null;
  let focusSerial = 0;
  /** 誤検知として報告: what became of each finding's report on this page (by ignoreKey). */
  const reported = new Map<string, Omit<FindingReport, 'onReport'>>();
  let cardHovered = false;
  let scanPending = false;
  let repaintPending = false;
  let removeStyle: (() => void) | null = null;
  let warmed = false;

  const exemptions = ['4-3-exempt-published', '4-3-exempt-facts'].map(clauseById).filter((c): c is Clause => c !== undefined);

  const send = createClient<ContentProtocol & GuardProtocol & InPersonProtocol>();
  /** What the supervisor configured for this site (issue #4); null until the background answers. */
  let config: GuardConfig | null = null;
  /** The official account posts here go to (4-1-policy): the only one, or the one chosen in the dialog. */
  let account = '';

  /** The press the dialog is open for, and the approval granted for it so far. */
  let held: {
    decision: Extract<GateDecision, { stop: true }>;
    origin: PressOrigin;
    allow: (confirmation: GateConfirmation, expires?: number) => void;
    text: string;
    /** Fingerprints of the photos and videos in the press: an approval is bound to them. */
    media: string[];
    granted: Extract<ApprovalReply, { ok: true }> | null;
    /** The supervisor's confirmation window is open for this press (its request id). */
    waiting: string | null;
    /** Why the last in-person request ended without an approval (the window was closed). */
    notice: string | null;
  } | null = null;
  /**
   * A press the gate could not decide on: waiting for the full check (点検中), given up waiting
   * (点検できません), a composer it cannot read, or a script whose extension is gone.
   */
  let pending: {
    kind: GateNoticeProps['kind'];
    origin: PressOrigin | null;
    /** Lets this exact press through with the person's reason (recorded). */
    allow: ((reason: string) => void) | null;
    error: string | null;
    /** Bumped when the notice is replaced, so a late answer for an older press does nothing. */
    serial: number;
  } | null = null;
  let pendingSerial = 0;
  /** A press that was held and has not gone out since: `abandoned` if the box or the page goes away. */
  let lastHeld: { text: string; findings: Finding[] } | null = null;

  const audit = createAuditReporter({
    send: (event) => send('audit.append', event),
    setTimeout: (handler, ms) => window.setTimeout(handler, ms),
    onStatus: () => repaintSoon(),
  });

  // The gate first: it must be on window before the site's own scripts run.
  const gate = installGate({
    platform,
    lifetime,
    enabled: () => config === null || config.enabled,
    fullFor: (text) => engine.fullFor(text),
    ignored: (finding, editors) => editors.some((e) => composers.get(e.element)?.ignored.has(ignoreKey(finding)) === true),
    record: recordPress,
    onHold(decision, origin, allow, read) {
      ensureUi();
      card = null;
      list = null;
      pending = null;
      const text = read.texts.join('\n');
      cancelInPerson();
      held = { decision, origin, allow, text, media: read.media, granted: null, waiting: null, notice: null };
      lastHeld = { text, findings: heldFindings(decision) };
      repaint();
    },
    onPending(outcome, origin, allowUnchecked) {
      ensureUi();
      card = null;
      list = null;
      held = null;
      const serial = ++pendingSerial;
      pending = { kind: 'checking', origin, allow: allowUnchecked, error: null, serial };
      repaint();
      waitForFull(outcome.texts, serial);
    },
    onUnreadable(origin, allow) {
      ensureUi();
      card = null;
      list = null;
      held = null;
      pending = { kind: 'unreadable', origin, allow, error: null, serial: ++pendingSerial };
      repaint();
    },
    onOrphaned() {
      ensureUi();
      card = null;
      list = null;
      held = null;
      pending = { kind: 'orphaned', origin: null, allow: null, error: null, serial: ++pendingSerial };
      repaint();
    },
  });

  /**
   * 点検中: asks for the full check of every text of the press; when all have answered the press is
   * decided again and, if nothing needs attention, Post is pressed for the person. Past the wait
   * limit the notice turns into 点検できません, and the answers are still awaited behind it.
   */
  function waitForFull(texts: string[], serial: number): void {
    const current = () => pending !== null && pending.serial === serial;
    const limit = window.setTimeout(() => {
      if (!current() || pending === null || pending.kind !== 'checking') return;
      pending.kind = 'uncheckable';
      repaint();
    }, FULL_CHECK_WAIT_MS);
    const ask = (attempt: number): void => {
      // Read again: the text may have changed since the press (an unreadable box keeps the press's texts).
      const now = (pending?.origin != null ? readPress(pending.origin, (x) => engine.fullFor(x)).texts : null) ?? texts;
      Promise.all(now.filter((x) => x.trim().length > 0).map((x) => engine.checkFull(x))).then(
        () => {
          clearTimeout(limit);
          fullFailures = 0;
          if (!current() || pending === null || pending.origin === null) return;
          const origin = pending.origin;
          const outcome = gate.decideFor(origin);
          // The settings changed meanwhile (their answer was dropped) or the text did: ask again.
          if (outcome.kind === 'pending') {
            ask(0);
            return;
          }
          pending = null;
          repaint();
          // Decided on the full results now: a hold opens the dialog through the gate's own press.
          gate.repress(origin);
        },
        (error: unknown) => {
          fullFailures++;
          if (!current() || pending === null) return;
          // The host answered with an error: say so now (the retries go on behind the notice).
          pending.kind = 'uncheckable';
          pending.error = error instanceof Error ? error.message : String(error);
          repaint();
          window.setTimeout(() => {
            if (current()) ask(attempt + 1);
          }, FULL_RETRY_MS[Math.min(attempt, FULL_RETRY_MS.length - 1)]!);
        },
      );
    };
    ask(0);
  }

  function noticeProps(): GateNoticeProps | null {
    if (pending === null) return null;
    const p = pending;
    return {
      t,
      kind: p.kind,
      error: p.error,
      onCancel() {
        pending = null;
        repaint();
        const first = p.origin?.editors[0];
        if (first !== undefined) first.element.focus();
      },
      onProceed:
        p.allow === null || p.origin === null
          ? null
          : (reason) => {
              const origin = p.origin!;
              p.allow!(reason);
              pending = null;
              repaint();
              gate.repress(origin);
            },
    };
  }
  function approvalSubject(): ApprovalSubjectMessage {
    if (held === null) throw new Error('no post is held');
    return { text: held.text, account, site: platform, findings: heldFindings(held.decision), media: held.media };
  }

  function granted(reply: ApprovalReply): ApprovalReply {
    if (reply.ok && held !== null) {
      held.granted = reply;
      repaint();
    }
    return reply;
  }

  /**
   * In person: the supervisor types the PIN in the extension's own window (approve.html), never in
   * this page, whose scripts could read the keys. The background answers with `approval.answer`.
   */
  async function openInPerson(): Promise<void> {
    if (held === null) return;
    const h = held;
    const kind = h.decision.block.length > 0 ? 'release' : 'approve';
    h.notice = null;
    const { id } = await send('approval.inPerson', { ...approvalSubject(), key: h.decision.key, kind });
    h.waiting = id;
    repaint();
  }

  function cancelInPerson(): void {
    if (held === null || held.waiting === null) return;
    const id = held.waiting;
    held.waiting = null;
    repaint();
    send('approval.inPersonCancel', { id }).catch(() => undefined);
  }

  /** The window's answer: only for the request this held press made, and only for its exact key. */
  function answerInPerson({ id, key, reply }: { id: string; key: string; reply: ApprovalReply }): boolean {
    if (held === null || held.waiting !== id || held.decision.key !== key) return false;
    held.waiting = null;
    if (reply.ok) granted(reply);
    else held.notice = reply.reason;
    repaint();
    return true;
  }

  function dialogProps(): GateDialogProps | null {
    if (held === null) return null;
    const { decision, origin, allow } = held;
    const approvalPanel: GateDialogProps['approvalPanel'] =
      config === null || (!config.approvalInPerson && !config.approvalByCode)
        ? null
        : {
            accounts: config.accounts,
            account,
            onAccount: (handle) => {
              account = handle;
              repaint();
            },
            inPerson: config.approvalInPerson,
            byCode: config.approvalByCode,
            granted: held.granted,
            onRequest: async () => (await send('approval.request', { text: approvalSubject().text, account, site: platform, media: approvalSubject().media })).request,
            onCode: async (code) => granted(await send('approval.code', { ...approvalSubject(), code })),
            waiting: held.waiting !== null,
            notice: held.notice,
            onInPerson: openInPerson,
            onInPersonCancel: cancelInPerson,
          };
    return {
      t,
      block: decision.block,
      warn: decision.warn,
      approval: decision.approval,
      media: decision.media,
      exemptions,
      clauseOf: clauseById,
      approvalPanel,
      pinNotice: config?.pinNotice ?? null,
      text: held.text,
      onGoTo(finding) {
        cancelInPerson();
        held = null;
        repaint();
        selectFinding(origin.editors, finding);
      },
      onFix() {
        cancelInPerson();
        held = null;
        repaint();
        const first = origin.editors[0];
        if (first !== undefined) first.element.focus();
      },
      onProceed({ reason, approved, approvalVerified, mediaConfirmed, released }) {
        const confirmation = { reason, approved, approvalVerified, released, mediaConfirmed: decision.media ? mediaConfirmed : undefined, warn: decision.warn };
        // A supervisor's approval is remembered only as long as its code lives (on the monotonic clock).
        if (held?.granted != null) allow(confirmation, rememberedApprovalDeadline(held.granted, performance.now()));
        else allow(confirmation);
        held = null;
        repaint();
        // The gate presses Post itself: that press passes only for exactly the text confirmed here.
        if (gate.repress(origin)) return;
        for (const e of origin.editors) {
          const c = composers.get(e.element);
          if (c !== undefined) c.overriddenText = e.adapter.read(e.element).text;
        }
        repaint();
      },
    };
  }


  /**
   * Puts the selection on a finding's words in its compose box (selection only: the editor's DOM
   * is never changed), so the person sees them and can type over them. The gate's findings, the
   * badge's list (次へ/前へ, Esc back to the box) and 置き換える all go through here.
   */
  function selectFinding(editors: readonly FoundEditor[], finding: Finding): boolean {
    return selectSpan(editors, finding.start, finding.end, finding.excerpt);
  }

  /**
   * Selects [start, end) of the first box that holds `expected` there (any box when null); an
   * empty span puts the caret at `start`. The box is focused first, so the editor takes the
   * selection as its own (Draft.js and Lexical read it on selectionchange).
   */
  function selectSpan(editors: readonly FoundEditor[], start: number, end: number, expected: string | null): boolean {
    for (const e of editors) {
      let view: EditorText;
      try {
        view = e.adapter.read(e.element);
      } catch {
        continue;
      }
      if (expected !== null && view.text.slice(start, end) !== expected) continue;
      if (e.element instanceof HTMLTextAreaElement) {
        // A textarea's value has no DOM ranges: it has its own selection, in the same offsets.
        e.element.focus();
        e.element.setSelectionRange(start, end);
        return true;
      }
      let range: Range | null;
      if (end > start) range = view.rangeFor(start, end);
      else {
        // A caret: the end of the character before it (or the start of the first one).
        range = start > 0 ? view.rangeFor(start - 1, start) : view.rangeFor(0, 1);
        range?.collapse(start === 0);
      }
      e.element.focus();
      const selection = document.getSelection();
      if (range === null || selection === null) return false;
      selection.removeAllRanges();
      selection.addRange(range);
      return true;
    }
    editors[0]?.element.focus();
    return false;
  }

  /** Runs `then` once the editor has seen the new selection (it reads it on selectionchange, a task later). */
  function afterSelectionSettles(then: () => void): void {
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      document.removeEventListener('selectionchange', onChange);
      then();
    };
    const onChange = () => lifetime.setTimeout(finish, 0);
    document.addEventListener('selectionchange', onChange);
    // The selection was already there (no event comes): go on anyway.
    lifetime.setTimeout(finish, 150);
  }

  /** The findings of a box the list shows: those not dismissed, marked or not (a textarea has no marks). */
  function findingsOf(c: Composer): Finding[] {
    if (c.result === null || c.view === null) return [];
    return c.result.findings.filter((f) => !c.ignored.has(ignoreKey(f)));
  }

  /** The box read now (an editor may have re-rendered its nodes since the last check), or null when it cannot be read. */
  function freshView(c: Composer): EditorText | null {
    try {
      return c.found.adapter.read(c.found.element);
    } catch {
      return null;
    }
  }

  /** The selection's offsets in the box's text, when the selection is in that box. */
  function selectionIn(c: Composer, view: EditorText | null = c.view): { start: number; end: number } | null {
    const box = c.found.element;
    if (box instanceof HTMLTextAreaElement) return document.activeElement === box ? { start: box.selectionStart, end: box.selectionEnd } : null;
    const sel = document.getSelection();
    if (sel === null || sel.anchorNode === null || sel.focusNode === null || view === null || !box.contains(sel.focusNode)) return null;
    const a = view.offsetAt(sel.anchorNode, sel.anchorOffset);
    const f = view.offsetAt(sel.focusNode, sel.focusOffset);
    return a === null || f === null ? null : { start: Math.min(a, f), end: Math.max(a, f) };
  }

  function openList(c: Composer, focus: 'list' | 'next' | 'prev' | null): void {
    card = null;
    list = { composer: c, current: null, announcement: '', notice: null, focus: focus === null ? null : { target: focus, serial: ++focusSerial }, returnTo: selectionIn(c, freshView(c)) };
    repaint();
  }

  /** Esc or ×: closes the list; back in the box with the words last gone to selected (or the caret where it was). */
  function closeList(returnFocus: boolean): void {
    if (list === null) return;
    const { composer: c, returnTo } = list;
    list = null;
    repaint();
    if (!returnFocus || !c.found.element.isConnected) return;
    if (returnTo === null || !selectSpan([c.found], returnTo.start, returnTo.end, null)) c.found.element.focus();
  }

  function focusList(target: 'list' | 'next' | 'prev'): void {
    if (list === null) return;
    list.focus = { target, serial: ++focusSerial };
    repaint();
  }

  /**
   * 次へ/前へ (the list's buttons, Alt+Shift+J/K in the box or the list): selects the next or
   * previous finding's words in the box and says which it is; the keyboard focus ends in the list.
   */
  function stepList(c: Composer, direction: 1 | -1): void {
    if (list === null || list.composer !== c) openList(c, null);
    const l = list!;
    card = null;
    const own = findingsOf(c);
    const at = l.current === null ? -1 : own.findIndex((f) => findingKey(f) === l.current);
    const i = stepFinding(
      own,
      at === -1 ? null : at,
      direction,
      at === -1 ? (selectionIn(c, freshView(c))?.end ?? l.returnTo?.end ?? null) : null,
    );
    const target = direction === 1 ? 'next' : 'prev';
    if (i === null) {
      l.announcement = t('listEmpty');
      focusList(target);
      return;
    }
    const finding = own[i]!;
    l.current = findingKey(finding);
    l.notice = null;
    l.returnTo = { start: finding.start, end: finding.end };
    l.announcement = t('listAnnounce', [String(i + 1), String(own.length), t(`severity_${finding.severity}`), finding.excerpt, finding.message]);
    selectFinding([c.found], finding);
    afterSelectionSettles(() => {
      if (list === l) focusList(target);
    });
  }

  /**
   * 置き換える: the finding's words are selected and the replacement typed in through the editor's
   * own input path (execCommand insertText → beforeinput/textInput, which Draft.js and Lexical
   * handle themselves), so the editor's model, the page and the post stay one text. Never while
   * an IME is composing, and only when the box still holds those words where the check found them.
   */
  function replaceFinding(c: Composer, finding: Finding, done: (ok: boolean) => void): void {
    if (finding.replacement === undefined || c.composing || held !== null || pending !== null) return done(false);
    let before: EditorText;
    try {
      before = c.found.adapter.read(c.found.element);
    } catch {
      return done(false);
    }
    const expected = replacedText(before.text, finding);
    if (expected === null || !selectFinding([c.found], finding)) return done(false);
    afterSelectionSettles(() => {
      let now: EditorText;
      try {
        now = c.found.adapter.read(c.found.element);
      } catch {
        return done(false);
      }
      // The selection must still be exactly the finding's words, or the insertion would overwrite something else.
      const selected = selectionIn(c, now);
      if (c.composing || now.text !== before.text || selected === null || selected.start !== finding.start || selected.end !== finding.end) return done(false);
      document.execCommand('insertText', false, finding.replacement);
      // The editors update their model (and then the page) on their own schedule: compare once they have.
      lifetime.requestAnimationFrame(() => {
        let after = '';
        try {
          after = c.found.adapter.read(c.found.element).text;
        } catch {
          // An unreadable box is reported by the next check.
        }
        done(after === expected);
      });
    });
  }

  function replaceFromList(c: Composer, finding: Finding): void {
    if (list === null) return;
    const l = list;
    replaceFinding(c, finding, (ok) => {
      if (list !== l) return;
      l.current = null;
      const caret = finding.start + (ok ? (finding.replacement ?? '').length : finding.end - finding.start);
      l.returnTo = { start: caret, end: caret };
      l.announcement = ok ? t('replaceDone', [finding.excerpt, finding.replacement ?? '']) : t('replaceFailed');
      l.notice = l.announcement;
      focusList('next');
    });
  }

  function listProps(): (FindingListProps & { id: string }) | null {
    if (list === null) return null;
    const l = list;
    const c = l.composer;
    const own = findingsOf(c);
    const at = l.current === null ? -1 : own.findIndex((f) => findingKey(f) === l.current);
    const rect = c.found.element.getBoundingClientRect();
    // Beside the box where there is room (the line being typed and the Post button stay visible), else under the badge.
    const width = Math.min(320, window.innerWidth - 16);
    let x: number;
    let y: number;
    if (window.innerWidth - rect.right >= width + 16) {
      x = rect.right + 8;
      y = Math.max(8, rect.top);
    } else if (rect.left >= width + 16) {
      x = rect.left - 8 - width;
      y = Math.max(8, rect.top);
    } else {
      // Under the box from its left edge: the Post button sits on the right on X and Facebook.
      x = Math.max(8, Math.min(rect.left, window.innerWidth - width - 8));
      y = Math.min(rect.bottom + 36, window.innerHeight - 208);
    }
    y = Math.max(8, y);
    return {
      id: c.id,
      t,
      findings: own,
      text: c.view?.text ?? '',
      current: at === -1 ? null : at,
      checking: c.dirty,
      announcement: l.announcement,
      notice: l.notice,
      focus: l.focus,
      x,
      y,
      width,
      maxHeight: Math.max(200, window.innerHeight - y - 8),
      onStep: (direction) => stepList(c, direction),
      onGoTo: (index) => {
        const finding = own[index];
        closeList(false);
        if (finding !== undefined) selectFinding([c.found], finding);
      },
      onReplace: (index) => {
        const finding = own[index];
        if (finding !== undefined) replaceFromList(c, finding);
      },
      onClose: () => closeList(true),
      report: (index) => {
        const finding = own[index];
        return finding === undefined ? null : reportOf(finding);
      },
    };
  }

  /** Asks the background for this site's configuration and applies it: settings, lists, on/off, accounts. */
  async function loadConfig(): Promise<void> {
    const next = await send('config.get', { platform });
    if (lifetime.view.aborted) return;
    config = next;
    engine.configure({ settings: next.settings, dictionaries: next.dictionaries, exceptions: next.exceptions });
    if (!next.accounts.some((a) => a.handle === account)) account = next.accounts[0]?.handle ?? '';
    fullFailures = 0;
    for (const c of composers.values()) {
      c.result = null;
      schedule(c, 0);
    }
    redraw();
  }
  loadConfig().catch((error: unknown) => console.warn('投稿ガード: 設定を読み込めませんでした（既定の設定で点検します）', error));

  // The background (after a settings change) and the popup talk to this tab; nobody else may.
  listen<TabProtocol>(
    {
      'tab.state': () => ({
        platform,
        enabled: config === null || config.enabled,
        partial: fullFailures > 0,
        off: CATEGORIES.filter((c) => config?.settings[c]?.sensitivity === 'off'),
        account: account === '' ? null : account,
      }),
      'config.changed': async () => {
        await loadConfig();
        return { reloaded: true };
      },
      'approval.answer': (answer) => ({ accepted: answerInPerson(answer) }),
    },
    fromOwnPage,
  );

  /** Queued until the background acknowledges it (audit-reporter.ts); the badge says when it cannot. */
  function sendAudit(event: Omit<AuditAppend, 'textHash' | 'account' | 'text'>, text: string): void {
    // eventId: a record sent again after a lost acknowledgement is stored once; pressedAt: the press's own time.
    const full: Omit<AuditAppend, 'textHash'> = { ...event, account, eventId: crypto.randomUUID(), pressedAt: Date.now() };
    if (config?.auditKeepText === true) full.text = text;
    sha256Hex(text).then(
      (textHash) => audit.report({ ...full, textHash }),
      (error: unknown) => console.error('投稿ガード: 記録できませんでした', error),
    );
  }

  /**
   * The audit event of a press: what went through (and what was confirmed for it), or a press
   * refused for block findings. The text leaves the tab only as its hash (unless the supervisor
   * keeps texts), and only to our background.
   */
  function recordPress(press: GateRecord): void {
    const { confirmation, unchecked } = press;
    const blocked = press.outcome === 'blocked';
    const event: Omit<AuditAppend, 'textHash'> = {
      site: platform,
      // A post that went out without the full check is an override, with the person's reason.
      decision: blocked ? 'blocked' : unchecked !== null ? 'posted_override' : passedDecision(confirmation),
      ...summarizeFindings(press.findings),
    };
    if (unchecked !== null) event.reason = `点検できないまま投稿: ${unchecked}`;
    else if (!blocked && confirmation === undefined && press.ignored !== undefined) {
      // The person dismissed these on their cards (今回は無視): posted over them, and the log says which.
      event.decision = 'posted_override';
      event.reason = ignoredOnCardReason(press.ignored.map((f) => f.excerpt));
    } else if (!blocked && confirmation !== undefined) {
      if (confirmation.reason !== '') event.reason = confirmation.reason;
      else if (confirmation.approved && (config === null || (!config.approvalInPerson && !config.approvalByCode))) event.reason = '了承は本人の申告による（所属長 PIN・公開鍵が未設定）';
      if (confirmation.mediaConfirmed !== undefined) event.mediaConfirmed = confirmation.mediaConfirmed;
    }
    if (!blocked) lastHeld = null;
    sendAudit(event, press.texts.join('\n'));
  }

  /** A held post whose box (or page) went away without being posted. */
  function recordAbandoned(): void {
    if (lastHeld === null) return;
    const { text, findings } = lastHeld;
    lastHeld = null;
    sendAudit({ site: platform, decision: 'abandoned', ...summarizeFindings(findings) }, text);
  }
  lifetime.listen(window, 'pagehide', recordAbandoned, {}, 'gate');

  function ensureUi(): void {
    if (overlay !== null) return;
    overlay = createOverlay(lifetime.gate);
    removeStyle = installHighlightStyle(document);
  }

  function composerOf(node: Node | null): Composer | undefined {
    if (node === null) return undefined;
    for (const c of composers.values()) if (c.found.element.contains(node)) return c;
    return undefined;
  }

  function scan(): void {
    scanPending = false;
    const found = findEditors(document);
    for (const f of found) {
      if (!composers.has(f.element)) {
        const c: Composer = { id: `tg-${nextId++}`, found: f, view: null, result: null, composing: false, dirty: false, broken: false, timer: null, fullTimer: null, cost: 0, ignored: new Set(), overriddenText: null };
        composers.set(f.element, c);
        schedule(c, 0);
      }
    }
    for (const [el, c] of composers) {
      if (!found.some((f) => f.element === el)) {
        if (lastHeld !== null && c.view !== null && lastHeld.text.includes(c.view.text)) recordAbandoned();
        if (c.timer !== null) clearTimeout(c.timer);
        if (c.fullTimer !== null) clearTimeout(c.fullTimer);
        if (list !== null && list.composer === c) list = null;
        composers.delete(el);
      }
    }
    if (composers.size > 0) {
      ensureUi();
      // The tokenizer host starts as soon as a compose box is there, so the full check is ready
      // before a person can finish a post (it would otherwise start at the first pause in typing).
      if (!warmed) {
        warmed = true;
        engine.checkFull('点検の準備です。').catch(() => undefined);
      }
    }
    redraw();
  }

  function scheduleScan(): void {
    if (scanPending) return;
    scanPending = true;
    lifetime.setTimeout(scan, 50);
  }

  function schedule(c: Composer, delay = c.cost <= LIVE_BUDGET_MS ? 0 : DEBOUNCE_MS): void {
    if (c.timer !== null) clearTimeout(c.timer);
    c.timer = null;
    if (c.fullTimer !== null) clearTimeout(c.fullTimer);
    c.fullTimer = null;
    const wasDirty = c.dirty;
    c.dirty = true;
    // Mid-composition text is not what the person means yet; compositionend schedules the check.
    if (!c.composing) c.timer = lifetime.setTimeout(() => runCheck(c), delay);
    // The badge says "checking" as soon as the text changes, so it never shows a stale result.
    if (!wasDirty) repaint();
  }

  function runCheck(c: Composer): void {
    c.timer = null;
    if (!c.found.element.isConnected) return;
    try {
      c.view = c.found.adapter.read(c.found.element);
      c.broken = false;
    } catch (error) {
      if (!(error instanceof AdapterError)) throw error;
      console.error('投稿ガード:', error.message);
      c.broken = true;
      c.view = null;
    }
    const text = c.view === null ? '' : c.view.text;
    const started = performance.now();
    c.result = text.trim().length === 0 ? null : check(text);
    // Smoothed, so one slow check (a garbage collection) does not drop the next keystroke to the slow path.
    c.cost = 0.8 * c.cost + 0.2 * (performance.now() - started);
    c.dirty = false;
    redraw();
    // The caret may have moved into a mark while the text was being re-read.
    updateCaretCard();
    if (c.result !== null && c.result.partial) {
      // After a failure the host is asked again, more slowly: it is never given up for the tab's life.
      const pause = fullFailures === 0 ? DEBOUNCE_MS : FULL_RETRY_MS[Math.min(fullFailures - 1, FULL_RETRY_MS.length - 1)]!;
      c.fullTimer = lifetime.setTimeout(() => {
        c.fullTimer = null;
        requestFullCheck(c, text);
      }, pause);
    }
  }

  /** Replaces the partial result when the full one arrives, if the text has not changed meanwhile. */
  function requestFullCheck(c: Composer, text: string): void {
    engine.checkFull(text).then(
      (result) => {
        fullFailures = 0;
        if (lifetime.view.aborted || c.dirty || c.view === null || c.view.text !== text) return;
        c.result = result;
        redraw();
      },
      (error: unknown) => {
        // Without the offscreen tokenizer the badge says 部分チェック, and the gate waits at Post.
        fullFailures++;
        if (!lifetime.view.aborted && !c.dirty && c.view !== null && c.view.text === text) {
          c.fullTimer = lifetime.setTimeout(() => {
            c.fullTimer = null;
            requestFullCheck(c, text);
          }, FULL_RETRY_MS[Math.min(fullFailures - 1, FULL_RETRY_MS.length - 1)]!);
        }
        repaint();
        console.warn('投稿ガード: 完全な点検を利用できません', error);
      },
    );
  }

  /** Rebuilds the marks from the latest results and draws them. */
  function redraw(): void {
    marks = [];
    for (const c of composers.values()) {
      if (c.result === null || c.view === null) continue;
      for (const finding of c.result.findings) {
        if (c.ignored.has(ignoreKey(finding))) continue;
        const range = c.view.rangeFor(finding.start, finding.end);
        if (range !== null) marks.push({ composer: c, finding, range });
      }
    }
    drawHighlights(marks.map((m) => ({ severity: m.finding.severity, range: m.range })));
    // A re-check (or the full result arriving) makes new finding objects: keep an open card on the same finding.
    if (card !== null) {
      const { composer, finding } = card.mark;
      const same = marks.find((m) => m.composer === composer && m.finding.rule === finding.rule && m.finding.start === finding.start && m.finding.end === finding.end);
      card = same === undefined ? null : { mark: same, via: card.via };
    }
    repaint();
  }

  function badgeFor(c: Composer): (BadgeProps & { id: string }) | null {
    if (config !== null && !config.enabled) return null;
    const rect = c.found.element.getBoundingClientRect();
    if (rect.width === 0 && rect.height === 0) return null;
    let state: BadgeState;
    let count = 0;
    if (c.broken) state = 'broken';
    else if (c.dirty) state = 'checking';
    else if (c.result === null) return null;
    else {
      const shown = c.result.findings.filter((f) => !c.ignored.has(ignoreKey(f)));
      count = shown.length;
      if (shown.some((f) => f.severity === 'block')) state = 'block';
      else if (count > 0) state = 'findings';
      else if (c.result.needs_approval) state = 'approval';
      else state = 'clean';
      if (state !== 'clean' && c.view !== null && c.view.text === c.overriddenText) state = 'overridden';
    }
    const partial = c.result !== null && c.result.partial;
    const auditStatus = audit.status();
    const props: BadgeProps & { id: string } = {
      id: c.id,
      t,
      state,
      count,
      partial,
      auditFailing: auditStatus.failing || auditStatus.rejected > 0,
      x: rect.right,
      y: rect.bottom + 4,
      listOpen: list !== null && list.composer === c,
      onToggleList: () => {
        if (list !== null && list.composer === c) closeList(false);
        else openList(c, 'list');
      },
    };
    return props;
  }

  /**
   * 誤検知として報告 (issue #9): sends the finding's words and kind (never the post) to the
   * background, once per finding on this page; the card and the list show how it went.
   */
  function reportOf(finding: Finding): FindingReport {
    const key = ignoreKey(finding);
    const known = reported.get(key) ?? { status: 'idle' as const };
    return {
      ...known,
      onReport: () => {
        const now = reported.get(key);
        if (now !== undefined && (now.status === 'sending' || now.status === 'done')) return;
        reported.set(key, { status: 'sending' });
        repaint();
        send('report.falsePositive', { site: platform, category: finding.category, rule: finding.rule, clause: finding.clause, excerpt: finding.excerpt }).then(
          () => reported.set(key, { status: 'done' }),
          (error: unknown) => reported.set(key, { status: 'failed', reason: String(error instanceof Error ? error.message : error).replace(/^\w+: /, '') }),
        ).finally(() => repaint());
      },
    };
  }

  function cardProps(): FindingCardProps | null {
    if (card === null) return null;
    const { mark } = card;
    const rects = mark.range.getClientRects();
    const rect = rects.length > 0 ? rects[0] : mark.range.getBoundingClientRect();
    if (rect === undefined) return null;
    const { finding, composer } = mark;
    return {
      t,
      finding,
      clause: clauseById(finding.clause),
      x: Math.max(4, Math.min(rect.left, window.innerWidth - 372)),
      y: rect.bottom + 6,
      onIgnore:
        finding.severity === 'block'
          ? null
          : () => {
              composer.ignored.add(ignoreKey(finding));
              card = null;
              cardHovered = false;
              redraw();
            },
      onReplace:
        finding.replacement === undefined
          ? null
          : () => {
              card = null;
              cardHovered = false;
              repaint();
              replaceFinding(composer, finding, () => undefined);
            },
      onClose: () => {
        card = null;
        cardHovered = false;
        repaint();
      },
      report: reportOf(finding),
      onPointerEnter: () => {
        cardHovered = true;
      },
      onPointerLeave: () => {
        cardHovered = false;
        hideCardSoon();
      },
    };
  }

  function repaint(): void {
    repaintPending = false;
    if (overlay === null) return;
    const badges = [...composers.values()].map(badgeFor).filter((b): b is BadgeProps & { id: string } => b !== null);
    const l = list;
    drawCurrent(l === null || l.current === null ? null : (marks.find((m) => m.composer === l.composer && findingKey(m.finding) === l.current)?.range ?? null));
    overlay.update({ badges, card: cardProps(), list: listProps(), dialog: dialogProps(), notice: noticeProps() });
  }

  function repaintSoon(): void {
    if (repaintPending) return;
    repaintPending = true;
    lifetime.requestAnimationFrame(repaint);
  }

  function markAt(x: number, y: number): Mark | undefined {
    return marks.find((m) => [...m.range.getClientRects()].some((r) => x >= r.left - 1 && x <= r.right + 1 && y >= r.top - 1 && y <= r.bottom + 1));
  }

  function showCard(mark: Mark, via: 'hover' | 'caret'): void {
    if (card !== null && card.mark.finding === mark.finding) return;
    card = { mark, via };
    repaint();
  }

  function hideCardSoon(): void {
    lifetime.setTimeout(() => {
      if (card === null || card.via !== 'hover' || cardHovered) return;
      card = null;
      repaint();
    }, CARD_HIDE_MS);
  }

  // --- observers and listeners, all on the guard's own lifetime ---

  const observer = new MutationObserver((records) => {
    let structural = false;
    for (const r of records) {
      const c = composerOf(r.target);
      if (c !== undefined) schedule(c);
      else if (r.type === 'childList') structural = true;
    }
    if (structural) scheduleScan();
  });
  observer.observe(document, { childList: true, subtree: true, characterData: true });
  lifetime.view.addEventListener('abort', () => {
    observer.disconnect();
    clearHighlights();
    if (removeStyle !== null) removeStyle();
    // Marks, badges and cards go; the gate stays, stopping every press until the tab is reloaded.
    marks = [];
    card = null;
    list = null;
    composers.clear();
    repaint();
  });

  // A textarea's value is no DOM mutation: its typing is seen through input events only.
  lifetime.listen(document, 'input', (e) => {
    const c = composerOf(e.target as Node | null);
    if (c !== undefined && c.found.element instanceof HTMLTextAreaElement) schedule(c);
  }, { capture: true });

  lifetime.listen(document, 'compositionstart', (e) => {
    const c = composerOf(e.target as Node | null);
    if (c === undefined) return;
    c.composing = true;
    if (c.timer !== null) clearTimeout(c.timer);
    c.timer = null;
  }, { capture: true });
  lifetime.listen(document, 'compositionend', (e) => {
    const c = composerOf(e.target as Node | null);
    if (c === undefined) return;
    c.composing = false;
    schedule(c);
  }, { capture: true });

  let pointer: { x: number; y: number } | null = null;
  lifetime.listen(document, 'mousemove', (e) => {
    const first = pointer === null;
    pointer = { x: e.clientX, y: e.clientY };
    if (!first) return;
    lifetime.requestAnimationFrame(() => {
      if (pointer === null) return;
      const mark = markAt(pointer.x, pointer.y);
      pointer = null;
      if (mark !== undefined) showCard(mark, 'hover');
      else if (card !== null && card.via === 'hover') hideCardSoon();
    });
  }, { capture: true, passive: true });

  /**
   * The card for the mark the caret is in (keyboard users get it without hovering). Strictly
   * inside, so the word just typed does not pop a card at its end.
   */
  function updateCaretCard(): void {
    const sel = document.getSelection();
    if (sel === null || !sel.isCollapsed || sel.focusNode === null) return;
    const c = composerOf(sel.focusNode);
    if (c === undefined || c.view === null || c.dirty) return;
    const offset = c.view.offsetAt(sel.focusNode, sel.focusOffset);
    const inside = (m: Mark) => offset !== null && (m.finding.start < offset || (m.finding.start === offset && m.finding.end - m.finding.start === 1)) && offset < m.finding.end;
    const mark = marks.find((m) => m.composer === c && inside(m));
    if (mark !== undefined) showCard(mark, 'caret');
    else if (card !== null && card.via === 'caret') {
      card = null;
      repaint();
    }
  }
  lifetime.listen(document, 'selectionchange', updateCaretCard);

  /**
   * In a compose box: Alt+Shift+J / Alt+Shift+K go to the next / previous finding (the list opens,
   * focus moves into it), and Esc closes an open list before the site sees it (X would close its
   * compose dialog). Neither X nor Facebook uses Alt+Shift+J/K; never during IME composition (Esc
   * then cancels the conversion). The list handles the same keys itself (FindingList).
   */
  lifetime.listen(
    window,
    'keydown',
    (e) => {
      // In a box, or nowhere (the focus fell to the page) while the list is open.
      const nowhere = e.target === document.body || e.target === document.documentElement;
      const c = composerOf(e.target as Node | null) ?? (nowhere && list !== null ? list.composer : undefined);
      if (c === undefined || c.composing || e.isComposing || e.keyCode === 229) return;
      const direction = navigationKey(e);
      if (direction !== null) {
        e.preventDefault();
        e.stopImmediatePropagation();
        stepList(c, direction);
      } else if (e.key === 'Escape' && list !== null && list.composer === c && !e.altKey && !e.ctrlKey && !e.metaKey && !e.shiftKey) {
        e.preventDefault();
        e.stopImmediatePropagation();
        closeList(false);
      }
    },
    { capture: true },
  );

  lifetime.listen(window, 'scroll', repaintSoon, { capture: true, passive: true });
  lifetime.listen(window, 'resize', repaintSoon, { passive: true });

  scan();
}
