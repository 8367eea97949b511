/** Japanese labels for the audit log (CSV header option, audit view). Severity words match public/_locales/ja. */
import type { Severity } from '../shared/types.ts';
import type { AuditDecision } from '../storage/index.ts';

export const DECISION_LABEL_JA: Record<AuditDecision, string> = {
  posted_clean: '指摘なしで投稿',
  posted_with_approval: '所属長の了承を得て投稿',
  posted_override: '注意を確認のうえ投稿',
  blocked: '投稿を止めた',
  abandoned: '投稿を取りやめた',
  approval_refused: '了承コードを受け付けなかった',
  released: '所属長がブロックを解除して投稿',
};

export const SEVERITY_LABEL_JA: Record<Severity, string> = { info: '参考', warn: '注意', block: '禁止' };
