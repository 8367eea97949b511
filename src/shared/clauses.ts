import type { Category } from './types.ts';

/**
 * The clauses of 平川市ソーシャルメディア利用ガイドライン that the product cites, with the ids of
 * ../shared/guideline/CLAUSES.md. A finding quotes `text` so staff can see why.
 */
export interface Clause {
  id: string;
  /** Where it stands in the guideline, as a person would say it. */
  label: string;
  /** The clause's Japanese wording (abridged only where CLAUSES.md abridges it). */
  text: string;
}

export const CLAUSES: readonly Clause[] = [
  { id: '4-1-policy', label: '（４）①', text: '利用方針の作成: 発信情報の名称、ソーシャルメディア、アカウント、登録ＵＲＬ、開設の目的、発信情報の内容、運用期間、利用者の書き込みに対する返信、運用者及び連絡先' },
  { id: '4-1-comments', label: '（４）①', text: '利用者による書き込みが…該当するような場合は、書き込みの削除等必要な措置を行うこと' },
  { id: '4-2-media', label: '（４）②', text: '画像や動画…個人情報、肖像権、著作権等について十分配慮すること' },
  { id: '4-2-links', label: '（４）②', text: '他の投稿への引用、他ホームページ等へのリンクの掲載…慎重に行うこと' },
  { id: '4-2-reply', label: '（４）②', text: '書き込みに対して、誠実に対応すること' },
  { id: '4-3-approval', label: '（４）③', text: '情報発信を行う際は、原則として所属長の了承を得ること' },
  { id: '4-3-exempt-published', label: '（４）③ただし書', text: '市ホームページや広報ひらかわ等に掲載されるなど、既に周知した内容を再度発信する場合' },
  { id: '4-3-exempt-facts', label: '（４）③ただし書', text: 'イベント・競技会の結果など、既成の事実のみを発信する場合' },
  { id: '5-4-rights', label: '（５）④', text: '基本的人権、肖像権、プライバシー権、著作権等に関して十分留意すること' },
  { id: '5-5-personal-info', label: '（５）⑤', text: '個人情報の漏えいに注意すること' },
  { id: '5-6-accuracy', label: '（５）⑥', text: '発信する情報は正確に記述し、発信内容について誤解を招かないようにすること' },
  { id: '5-7-trouble', label: '（５）⑦', text: '批判や苦情が殺到し…職員の判断による反論や抗弁は行わず、所属長及び総務課長と協議' },
  { id: '5-8-insult', label: '（５）⑧', text: '侮蔑、誹謗、中傷や不敬な言い方を含む情報' },
  { id: '5-8-discrimination', label: '（５）⑧', text: '人種、思想、信条等の差別又は差別を助長させる情報' },
  { id: '5-8-illegal', label: '（５）⑧', text: '違法行為又は違法行為をあおる情報' },
  { id: '5-8-rumour', label: '（５）⑧', text: '単なる噂や噂を助長させる情報' },
  { id: '5-8-confidential', label: '（５）⑧', text: '守秘義務に抵触する情報' },
  { id: '5-8-decision-process', label: '（５）⑧', text: '重要施策の意思形成過程における情報' },
  { id: '5-8-public-order', label: '（５）⑧', text: 'その他公序良俗に反する情報' },
  { id: '5-8-links', label: '（５）⑧', text: 'また、これらに関連する内容の外部サイトへのリンクも行ってはならない' },
];

const BY_ID = new Map(CLAUSES.map((c) => [c.id, c]));

export function clauseById(id: string): Clause | undefined {
  return BY_ID.get(id);
}

/** The clause each category cites by default. */
export const CATEGORY_CLAUSE: Record<Category, string> = {
  insult: '5-8-insult',
  discrimination: '5-8-discrimination',
  illegal: '5-8-illegal',
  rumour: '5-8-rumour',
  confidential: '5-8-confidential',
  decision_process: '5-8-decision-process',
  public_order: '5-8-public-order',
  personal_info: '5-5-personal-info',
};

/** Japanese names of the categories, for messages and the UI. */
export const CATEGORY_LABEL_JA: Record<Category, string> = {
  insult: '侮蔑・誹謗中傷・不敬',
  discrimination: '差別・差別の助長',
  illegal: '違法行為・違法行為のあおり',
  rumour: '噂・噂の助長',
  confidential: '守秘義務',
  decision_process: '意思形成過程の情報',
  public_order: '公序良俗',
  personal_info: '個人情報',
};
