/**
 * 5-8-links （５）⑧「これらに関連する内容の外部サイトへのリンクも行ってはならない」: a link to a
 * site outside the city's that the post presents as leading to forbidden content — a matome page
 * ridiculing people, a free copy of a film, gossip — is itself a finding, in the category of
 * what it leads to.
 */
import type { Category } from '../../shared/types.ts';
import type { Rule } from '../context.ts';
import { isCityHost, isPublicBodyHost } from '../urls.ts';

const LEADS_TO: Array<{ category: Category; re: RegExp; what: string }> = [
  { category: 'insult', re: /ヤバい|やばい|晒し|さらし|まとめ|matome|痛い|バカ|馬鹿|アホ|民度|こういう(?:人|住民|やつ)/iu, what: '人をおとしめる内容' },
  { category: 'illegal', re: /無料で(?:全部|全話|見|読)|タダで(?:見|読)|海賊版|違法|コピー品|偽ブランド|裏ワザ|裏技|割れ/u, what: '違法な内容' },
  { category: 'rumour', re: /らしい|噂|うわさ|拡散|真偽不明|未確認/u, what: '噂' },
  { category: 'public_order', re: /出会い|エロ|アダルト|カジノ|パパ活/u, what: '公序良俗に反する内容' },
];

export const linksRule: Rule = {
  id: 'links',
  category: 'insult',
  clause: '5-8-links',
  description: '禁止される内容へ誘導する外部リンク',
  run(ctx) {
    for (const url of ctx.urls) {
      if (isCityHost(url.host) || isPublicBodyHost(url.host)) continue;
      const s = ctx.sentenceAt(url.from);
      // A link given with a sentence that is itself forbidden leads to more of the same (5-8-links).
      const near = ctx.findings.find((f) => !f.rule.startsWith('links') && f.severity !== 'info' && f.to > s.from - 80 && f.from < s.to);
      if (near !== undefined) {
        ctx.report({
          from: url.from,
          to: url.to,
          severity: 'block',
          category: near.category,
          message: 'ガイドライン（５）⑧で禁止される内容と一緒に示された外部サイトへのリンクです。このようなリンクの掲載も禁止されています。',
          suggestion: 'リンクを削除してください。',
          detail: near.category,
        });
        continue;
      }
      const before = ctx.plain.slice(Math.max(0, s.from - 60), url.from) + ' ' + url.url;
      for (const { category, re, what } of LEADS_TO) {
        if (!re.test(before)) continue;
        ctx.report({
          from: url.from,
          to: url.to,
          severity: 'block',
          category,
          message: `${what}へ誘導する外部サイトへのリンクです。このようなリンクの掲載もガイドライン（５）⑧で禁止されています。`,
          suggestion: 'リンクを削除してください。',
          detail: category,
        });
        break;
      }
    }
  },
};
