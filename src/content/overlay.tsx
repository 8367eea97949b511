/**
 * The one shadow host of the in-page UI (badge, card, list of findings, dialog). It hangs off
 * <html>, outside every editor, and is removed when a newer copy of the guard takes over
 * (lifetime.ts).
 */
import { render } from 'preact';
import { Badge, type BadgeProps } from '../ui/Badge.tsx';
import { FindingCard, type FindingCardProps } from '../ui/FindingCard.tsx';
import { FindingList, type FindingListProps } from '../ui/FindingList.tsx';
import { GateDialog, type GateDialogProps } from '../ui/GateDialog.tsx';
import { GateNotice, type GateNoticeProps } from '../ui/GateNotice.tsx';
import { UI_CSS } from '../ui/styles.ts';
import { watchTheme } from './theme.ts';

export interface OverlayState {
  badges: Array<BadgeProps & { id: string }>;
  card: FindingCardProps | null;
  /** The badge's list of one box's findings (次へ/前へ, 置き換える). */
  list: (FindingListProps & { id: string }) | null;
  dialog: GateDialogProps | null;
  /** The gate cannot decide (点検中, 点検できません, unreadable, orphaned); shown instead of the dialog. */
  notice: GateNoticeProps | null;
}

export interface Overlay {
  update(state: OverlayState): void;
  /** True when the event came from inside our UI (the dialog's own keys must not reach the site). */
  host: HTMLElement;
}

export function createOverlay(signal: AbortSignal): Overlay {
  const host = document.createElement('toukou-guard-ui');
  const shadow = host.attachShadow({ mode: 'open' });
  const style = document.createElement('style');
  style.textContent = UI_CSS;
  const container = document.createElement('div');
  container.className = 'tg-layer';
  // The UI takes the site's theme (X's dim and lights-out, Facebook's dark mode) and follows a switch.
  const stopTheme = watchTheme(document, (theme) => {
    container.dataset.theme = theme;
  });
  shadow.append(style, container);
  document.documentElement.append(host);
  // Keys typed into the dialog must not trigger the site's keyboard shortcuts.
  for (const type of ['keydown', 'keyup', 'keypress'] as const) {
    host.addEventListener(type, (e) => e.stopPropagation());
  }
  signal.addEventListener('abort', () => {
    stopTheme();
    render(null, container);
    host.remove();
  });

  return {
    host,
    update(state) {
      render(
        <>
          {state.badges.map(({ id, ...props }) => (
            <Badge key={id} {...props} />
          ))}
          {state.list !== null ? <FindingList key={state.list.id} {...state.list} /> : null}
          {state.card !== null ? <FindingCard {...state.card} /> : null}
          {state.notice !== null ? <GateNotice {...state.notice} /> : null}
          {state.notice === null && state.dialog !== null ? <GateDialog key={state.dialog.block.length + ':' + state.dialog.warn.length} {...state.dialog} /> : null}
        </>,
        container,
      );
    },
  };
}
