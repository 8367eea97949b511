import { CATEGORY_LABEL_JA } from '../shared/clauses.ts';
import { CATEGORIES } from '../shared/types.ts';
import type { LockKey } from './types.ts';

/** How the options page and the popup name a locked item. */
export const LOCK_LABEL_JA: Record<LockKey, string> = {
  ...(Object.fromEntries(CATEGORIES.map((c) => [`category.${c}`, `感度: ${CATEGORY_LABEL_JA[c]}`])) as Record<`category.${(typeof CATEGORIES)[number]}`, string>),
  'siteEnabled.x': 'X での点検の オン/オフ',
  'siteEnabled.facebook': 'Facebook での点検の オン/オフ',
  supervisorPublicKey: '所属長の公開鍵',
  auditKeepText: '記録に本文を残すか',
  retentionDays: '記録の保存期間',
  customTerms: '組織が配布した語',
  exceptions: '組織が配布した例外',
};
