/**
 * How the gate writes the reason of a post that went out over findings the person dismissed on
 * their cards (今回は無視): this prefix, then each finding's words in 「」. The content runtime
 * writes it, and src/audit/proposals.ts reads it back to find terms overridden again and again.
 * Persisted in the log: never change the wording without reading the old one too.
 */
export const IGNORED_ON_CARD_PREFIX = 'カードで「今回は無視」を選択: ';

export function ignoredOnCardReason(excerpts: readonly string[]): string {
  return `${IGNORED_ON_CARD_PREFIX}${excerpts.map((e) => `「${e}」`).join('')}`;
}

/** The words a reason says were dismissed on the cards (each once), or none. */
export function ignoredOnCard(reason: string | undefined): string[] {
  if (reason === undefined) return [];
  const at = reason.indexOf(IGNORED_ON_CARD_PREFIX);
  if (at < 0) return [];
  const words = new Set<string>();
  for (const m of reason.slice(at + IGNORED_ON_CARD_PREFIX.length).matchAll(/「([^「」]+)」/g)) words.add(m[1] as string);
  return [...words];
}
