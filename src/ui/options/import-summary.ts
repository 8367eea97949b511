/**
 * A settings import's preview (src/supervisor/import-preview.ts) in words for the supervisor: one row per thing
 * that would change (before → after) and the warnings that matter — a different public key, a
 * category lowered or switched off, a site no longer checked, lists emptied. Pure: the options page
 * renders it; tests read it.
 */
import type { ImportPreview } from '../../messaging/supervisor-protocol.ts';
import { CATEGORY_LABEL_JA } from '../../shared/clauses.ts';
import { severityRank, type CategorySettings, type Sensitivity } from '../../shared/types.ts';
import { formatFingerprint } from './fingerprint.ts';

const SENSITIVITY_JA: Record<Sensitivity, string> = { auto: '標準', block: '禁止', warn: '注意', info: '参考', off: 'オフ' };
const SITE_JA = { x: 'X', facebook: 'Facebook' } as const;
const COUNT_JA = { customTerms: '独自の語', exceptions: '例外', accounts: 'アカウント（利用方針）' } as const;

export interface ImportChangeRow {
  /** Stable id for tests and keys: `key`, `category.insult`, `site.x`, `count.customTerms` … */
  id: string;
  label: string;
  before: string;
  after: string;
  changed: boolean;
  /** The organisation's policy sets it: the import changes this profile's value underneath, not what is in force. */
  locked: boolean;
}

export interface ImportSummary {
  rows: ImportChangeRow[];
  warnings: string[];
  /** Nothing would change. */
  same: boolean;
}

export function summarizeImportPreview(p: ImportPreview, defaults: CategorySettings): ImportSummary {
  const rows: ImportChangeRow[] = [];
  const warnings: string[] = [];
  const keyChanged = p.key.before !== p.key.after;
  rows.push({ id: 'key', label: '所属長の公開鍵（指紋）', before: formatFingerprint(p.key.before), after: formatFingerprint(p.key.after), changed: keyChanged, locked: p.key.locked });
  if (keyChanged && !p.key.locked) {
    if (p.key.after === null) warnings.push('所属長の公開鍵が消えます。この端末では了承コードを確かめられなくなります。');
    else if (p.key.before === null) warnings.push(`所属長の公開鍵が新しく入ります（指紋 ${formatFingerprint(p.key.after)}）。この鍵で署名された了承コードで投稿できるようになります。指紋が所属長の鍵と同じか、電話などで確かめてください。`);
    else warnings.push(`所属長の公開鍵が別の鍵に替わります（${formatFingerprint(p.key.before)} → ${formatFingerprint(p.key.after)}）。これまでの所属長の了承コードは使えなくなり、新しい鍵のコードで投稿できるようになります。ファイルの送り主と指紋を電話などで確かめてください。`);
  }

  let allOff = true;
  for (const c of p.categories) {
    const before = c.before ?? defaults[c.category];
    const after = c.after ?? defaults[c.category];
    const show = (s: typeof before, own: boolean) => `${SENSITIVITY_JA[s.sensitivity]}（しきい値 ${s.threshold}）${own ? '' : '・既定'}`;
    const changed = before.sensitivity !== after.sensitivity || before.threshold !== after.threshold;
    rows.push({ id: `category.${c.category}`, label: `感度: ${CATEGORY_LABEL_JA[c.category]}`, before: show(before, c.before !== null), after: show(after, c.after !== null), changed, locked: c.locked });
    if (after.sensitivity !== 'off' || c.locked) allOff = false;
    if (!c.locked && severityRank(after.sensitivity) < severityRank(before.sensitivity)) {
      warnings.push(
        after.sensitivity === 'off'
          ? `「${CATEGORY_LABEL_JA[c.category]}」が点検されなくなります（${SENSITIVITY_JA[before.sensitivity]} → オフ）。`
          : `「${CATEGORY_LABEL_JA[c.category]}」の感度が下がります（${SENSITIVITY_JA[before.sensitivity]} → ${SENSITIVITY_JA[after.sensitivity]}）。`,
      );
    }
  }
  if (allOff) warnings.unshift('すべてのカテゴリがオフになります。投稿は何も点検されなくなります。');

  for (const s of p.sites) {
    rows.push({ id: `site.${s.site}`, label: `${SITE_JA[s.site]} での点検`, before: s.before ? 'する' : 'しない', after: s.after ? 'する' : 'しない', changed: s.before !== s.after, locked: s.locked });
    if (s.before && !s.after && !s.locked) warnings.push(`${SITE_JA[s.site]} での投稿が点検されなくなります。`);
  }

  for (const key of ['customTerms', 'exceptions', 'accounts'] as const) {
    const { before, after } = p.counts[key];
    rows.push({ id: `count.${key}`, label: COUNT_JA[key], before: `${before}件`, after: `${after}件`, changed: before !== after, locked: false });
    if (after < before) warnings.push(`${COUNT_JA[key]}は読み込むファイルの内容に置き換わります（${before}件 → ${after}件。ファイルにないものは消えます）。`);
  }
  rows.push({ id: 'auditKeepText', label: '記録に本文も残す', before: p.auditKeepText.before ? 'はい' : 'いいえ', after: p.auditKeepText.after ? 'はい' : 'いいえ', changed: p.auditKeepText.before !== p.auditKeepText.after, locked: p.auditKeepText.locked });
  rows.push({ id: 'retentionDays', label: '記録の保存期間', before: `${p.retentionDays.before}日`, after: `${p.retentionDays.after}日`, changed: p.retentionDays.before !== p.retentionDays.after, locked: p.retentionDays.locked });
  if (!p.retentionDays.locked && p.retentionDays.after < p.retentionDays.before) warnings.push(`記録の保存期間が短くなります（${p.retentionDays.before}日 → ${p.retentionDays.after}日）。それより古い記録は削除されます。`);
  return { rows, warnings, same: rows.every((r) => !r.changed) };
}
