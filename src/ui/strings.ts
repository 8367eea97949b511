/**
 * The keys of the UI's strings in public/_locales/{ja,en}/messages.json. Components get a
 * `Translate` function as a prop, so they stay free of browser APIs; a unit test checks that
 * both locales define every key.
 */
export const MESSAGE_KEYS = [
  'badgeChecking',
  'badgeClean',
  'badgeFindings',
  'badgeApproval',
  'badgePartial',
  'badgeBroken',
  'badgeLabel',
  'cardIgnore',
  'cardSuggestion',
  'cardClause',
  'gateTitleBlock',
  'gateTitleWarn',
  'gateTitleApproval',
  'gateBlockNote',
  'gateWarnNote',
  'gateApprovalNote',
  'gateExemptionsNotApplied',
  'gateApprovalConfirm',
  'gateTitleMedia',
  'gateMediaNote',
  'gateMediaConsent',
  'gateMediaPortrait',
  'gateMediaCopyright',
  'gateMediaPersonal',
  'gateMediaConfirm',
  'gateReasonLabel',
  'gateFix',
  'gatePostAnyway',
  'gateNowPressPost',
  'severity_info',
  'severity_warn',
  'severity_block',
] as const;
export type MessageKey = (typeof MESSAGE_KEYS)[number];

/** `substitutions` fill $1…$9 in order, as chrome.i18n does. */
export type Translate = (key: MessageKey, substitutions?: string[]) => string;
