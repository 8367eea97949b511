/** The built-in signal books of dictionaries/signals/, parsed and cross-checked once when the engine loads. */
import common from '../../dictionaries/signals/common.json';
import insult from '../../dictionaries/signals/insult.json';
import discrimination from '../../dictionaries/signals/discrimination.json';
import illegal from '../../dictionaries/signals/illegal.json';
import rumour from '../../dictionaries/signals/rumour.json';
import confidential from '../../dictionaries/signals/confidential.json';
import decisionProcess from '../../dictionaries/signals/decision_process.json';
import publicOrder from '../../dictionaries/signals/public_order.json';
import personalInfo from '../../dictionaries/signals/personal_info.json';
import edict from '../../dictionaries/signals/edict.json';
import { checkBooks, parseSignalBook } from './parse-signals.ts';
import type { SignalBook } from './types.ts';

export const BUILTIN_SIGNAL_SOURCES: Record<string, unknown> = {
  common,
  insult,
  discrimination,
  illegal,
  rumour,
  confidential,
  decision_process: decisionProcess,
  public_order: publicOrder,
  personal_info: personalInfo,
  edict,
};

function load(): SignalBook[] {
  const books: SignalBook[] = [];
  const problems: string[] = [];
  for (const [name, raw] of Object.entries(BUILTIN_SIGNAL_SOURCES)) {
    const result = parseSignalBook(raw);
    if (result.ok) books.push(result.book);
    else problems.push(...result.problems.map((p) => `dictionaries/signals/${name}.json ${p.path}: ${p.message}`));
  }
  problems.push(...checkBooks(books));
  if (problems.length > 0) throw new Error(`組み込みの signal 辞書が不正です:\n  ${problems.join('\n  ')}`);
  return books;
}

export const BUILTIN_SIGNAL_BOOKS: readonly SignalBook[] = load();
