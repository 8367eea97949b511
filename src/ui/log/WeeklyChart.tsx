/** Findings per category per week (ISO weeks, JST) as stacked bars; an SVG, so it prints and needs no library. */
import { CATEGORY_LABEL_JA } from '../../shared/clauses.ts';
import { CATEGORIES, type Category } from '../../shared/types.ts';
import type { WeeklyFindings } from '../../audit/weekly.ts';

export const CATEGORY_COLOR: Record<Category, string> = {
  insult: '#d1495b',
  discrimination: '#8f2d56',
  illegal: '#edae49',
  rumour: '#66a182',
  confidential: '#00798c',
  decision_process: '#30638e',
  public_order: '#7b6d8d',
  personal_info: '#e07a1f',
};

export function WeeklyChart({ weeks }: { weeks: WeeklyFindings[] }) {
  if (weeks.length === 0) return <p class="note">この条件の記録はありません。</p>;
  const shown = weeks.slice(-26);
  if (shown.every((w) => w.postsWithFindings === 0)) return <p class="note" data-testid="weekly-chart">この期間の投稿には指摘がありませんでした（記録 {shown.reduce((n, w) => n + w.events, 0)}件）。</p>;
  const max = Math.max(1, ...shown.map((w) => CATEGORIES.reduce((n, c) => n + w.counts[c], 0)));
  const step = max <= 5 ? 1 : max <= 20 ? 5 : Math.ceil(max / 4 / 10) * 10;
  const top = Math.ceil(max / step) * step;
  const width = 860;
  const height = 240;
  const left = 36;
  const bottom = 40;
  const plotH = height - bottom - 10;
  const slot = (width - left) / shown.length;
  const bar = Math.min(40, slot * 0.7);
  const y = (v: number) => 10 + plotH - (v / top) * plotH;
  return (
    <figure style={{ margin: 0 }} data-testid="weekly-chart">
      <svg viewBox={`0 0 ${width} ${height}`} width="100%" role="img" aria-label="週ごと・カテゴリごとの指摘件数">
        {Array.from({ length: top / step + 1 }, (_, i) => i * step).map((v) => (
          <g key={v}>
            <line x1={left} x2={width} y1={y(v)} y2={y(v)} stroke="#e3e7eb" />
            <text x={left - 6} y={y(v) + 4} text-anchor="end" font-size="11" fill="#5a6570">
              {v}
            </text>
          </g>
        ))}
        {shown.map((w, i) => {
          let acc = 0;
          const x = left + i * slot + (slot - bar) / 2;
          return (
            <g key={w.week} data-week={w.week}>
              {CATEGORIES.filter((c) => w.counts[c] > 0).map((c) => {
                const y0 = y(acc);
                acc += w.counts[c];
                return (
                  <rect key={c} x={x} width={bar} y={y(acc)} height={y0 - y(acc)} fill={CATEGORY_COLOR[c]} data-category={c} data-count={w.counts[c]}>
                    <title>{`${w.week}（${w.monday}〜） ${CATEGORY_LABEL_JA[c]}: ${w.counts[c]}件`}</title>
                  </rect>
                );
              })}
              <text x={x + bar / 2} y={height - bottom + 16} text-anchor="middle" font-size="11" fill="#5a6570">
                {w.monday.slice(5).replace('-', '/')}
              </text>
            </g>
          );
        })}
        <text x={left} y={height - 4} font-size="11" fill="#5a6570">
          週の始まり（月曜）
        </text>
      </svg>
      <figcaption class="legend">
        {CATEGORIES.map((c) => (
          <span key={c}>
            <i style={{ background: CATEGORY_COLOR[c] }} />
            {CATEGORY_LABEL_JA[c]}
          </span>
        ))}
      </figcaption>
    </figure>
  );
}
