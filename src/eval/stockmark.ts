/**
 * Stockmark's Wikipedia NER sentences (CC BY-SA 3.0; data/SOURCES.md): encyclopaedic sentences full
 * of public figures, places and organisations. Naming a public figure is not personal information
 * (5-5-personal-info), so the figure that matters is the share flagged as personal_info at warn or
 * above; the share flagged in any category is shown beside it, and the peer's share flagged.
 */
import { severityRank, type Category, type Platform } from '../shared/types.ts';
import { NER_PERSON, type Loaded, type NerSentence } from './corpora.ts';
import { flaggedShare, isFlagged, isFlaggedIn, type Ratio } from './metrics.ts';
import { brief, capped, countBy, findingsText, head, ratioText, skipped, targetPct, type FindingBrief, type RunEngine, type RunPeer, type SectionHead } from './section.ts';
import { oneLine } from './table.ts';
import { TARGETS } from './targets.ts';

/** Facebook: encyclopaedic sentences may pass X's length limit, which is no concern here. */
export const STOCKMARK_PLATFORM: Platform = 'facebook';

export interface StockmarkSection extends SectionHead {
  sentences: number;
  /** Sentences with at least one 人名 entity. */
  withPerson: number;
  engine: {
    personalInfoFlagged: Ratio;
    /** The same, over the sentences that name a person. */
    personalInfoFlaggedWithPerson: Ratio;
    anyFlagged: Ratio;
    /** Flagged sentences per category (a sentence counts once per category). */
    byCategory: Partial<Record<Category, number>>;
    flaggedPersonal: Array<{ id: string; curid: string; text: string; findings: FindingBrief[] }>;
  } | null;
  peer: { anyFlagged: Ratio } | null;
}

export async function evaluateStockmark(loaded: Loaded<NerSentence> | undefined, runEngine: RunEngine | null, runPeer: RunPeer | null): Promise<StockmarkSection> {
  const section: StockmarkSection = { ...head(loaded), sentences: 0, withPerson: 0, engine: null, peer: null };
  if (loaded === undefined || loaded.status !== 'ok') return section;
  const sentences = loaded.items;
  const hasPerson = (s: NerSentence) => s.entities.some((e) => e.type === NER_PERSON);
  section.sentences = sentences.length;
  section.withPerson = sentences.filter(hasPerson).length;

  if (runEngine !== null) {
    const scored = sentences.map((s) => {
      const result = runEngine(`stockmark#${s.id}`, s.text, STOCKMARK_PLATFORM);
      return { s, result, personal: result !== null && isFlaggedIn(result, 'personal_info'), any: result !== null && isFlagged(result) };
    });
    section.engine = {
      personalInfoFlagged: flaggedShare(scored.map((x) => x.personal)),
      personalInfoFlaggedWithPerson: flaggedShare(scored.filter((x) => hasPerson(x.s)).map((x) => x.personal)),
      anyFlagged: flaggedShare(scored.map((x) => x.any)),
      byCategory: countBy(scored.flatMap((x) => x.result?.categories ?? [])),
      flaggedPersonal: scored
        .filter((x) => x.personal)
        .map((x) => ({
          id: x.s.id,
          curid: x.s.curid,
          text: x.s.text,
          findings: (x.result?.findings ?? []).filter((f) => f.category === 'personal_info' && severityRank(f.severity) >= severityRank('warn')).map((f) => brief(x.s.text, f)),
        })),
    };
  }
  if (runPeer !== null) {
    const flags: boolean[] = [];
    for (const s of sentences) flags.push(((await runPeer(`stockmark#${s.id}`, s.text)) ?? []).length > 0);
    section.peer = { anyFlagged: flaggedShare(flags) };
  }
  return section;
}

export function formatStockmark(s: StockmarkSection, showMisses: boolean): string[] {
  const title = 'Stockmark NER Wikipedia sentences (public figures and places; CC BY-SA 3.0)';
  const skip = skipped(title, s);
  if (skip) return skip;
  const out = [`== ${title}: ${s.sentences} sentences, ${s.withPerson} naming a person — ${s.source}`];
  if (s.engine) {
    const e = s.engine;
    out.push(`flagged personal_info (warn+):          ${ratioText(e.personalInfoFlagged)}  (target ≤ ${targetPct(TARGETS.nerPersonalInfoFlaggedMax)})`);
    out.push(`  of the sentences naming a person:     ${ratioText(e.personalInfoFlaggedWithPerson)}`);
    out.push(`flagged in any category (warn+):        ${ratioText(e.anyFlagged)}`);
    const cats = Object.entries(e.byCategory).map(([c, n]) => `${c} ${n}`);
    if (cats.length > 0) out.push(`by category (sentences): ${cats.join(', ')}`);
    if (e.flaggedPersonal.length > 0) {
      out.push(`  flagged as personal information (${e.flaggedPersonal.length}):`);
      out.push(...capped(e.flaggedPersonal, showMisses, (f) => [`    #${f.id} ${oneLine(f.text, 50)}  ← ${findingsText(f.findings)}`]));
    }
  } else {
    out.push('engine: not measured (engine unavailable)');
  }
  if (s.peer) out.push(`peer flagged (any message): ${ratioText(s.peer.anyFlagged)}`);
  return out;
}
