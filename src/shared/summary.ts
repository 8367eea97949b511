import { CATEGORIES, severityRank, type Category, type Finding, type Severity } from './types.ts';

/**
 * What the audit log keeps of a post's findings: categories in the canonical order, each with its
 * highest severity, and the clauses each once, sorted. Shared by the content script (which sends
 * it) and the audit module (which stores it), so both describe a post the same way.
 */
export function summarizeFindings(findings: readonly Finding[]): { categories: Category[]; clauses: string[]; severities: Severity[] } {
  const highest = new Map<Category, Severity>();
  for (const f of findings) {
    const current = highest.get(f.category);
    if (current === undefined || severityRank(f.severity) > severityRank(current)) highest.set(f.category, f.severity);
  }
  const categories = CATEGORIES.filter((c) => highest.has(c));
  return {
    categories,
    clauses: [...new Set(findings.map((f) => f.clause))].sort(),
    severities: categories.map((c) => highest.get(c) as Severity),
  };
}
