/**
 * The supervisor boundary as the code's shape (issue #8 §5): the extension pages hold no database
 * handle (they reach the supervisor's data only through the background's admin table, where the PIN
 * session is checked), and `messaging/` — the wire — never imports `supervisor/`, which builds on it.
 * Read from the source's import statements, the way a bundler follows them.
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

interface Edge {
  from: string;
  to: string;
  /** `import type` / `export type`, or every named specifier a type: erased at build. */
  typeOnly: boolean;
}

const IMPORT = /(?:^|[;\n])\s*(import|export)\s+(type\s+)?([^'";]*?)\s*from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|(?:^|[;\n])\s*import\s+['"]([^'"]+)['"]/g;

function resolve(from: string, spec: string): string {
  if (!spec.startsWith('.')) return spec;
  const base = path.resolve(path.dirname(from), spec);
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts')]) if (existsSync(candidate) && !candidate.endsWith(path.sep)) return candidate;
  return base;
}

export function importsOf(file: string): Edge[] {
  const text = readFileSync(file, 'utf8');
  const edges: Edge[] = [];
  for (const m of text.matchAll(IMPORT)) {
    const spec = m[4] ?? m[5] ?? m[6];
    if (spec === undefined) continue;
    let typeOnly = m[2] !== undefined;
    const clause = m[3];
    if (!typeOnly && clause !== undefined) {
      const named = /^\{([^}]*)\}$/.exec(clause.trim());
      if (named !== null) {
        const parts = (named[1] ?? '').split(',').map((p) => p.trim()).filter((p) => p !== '');
        typeOnly = parts.length > 0 && parts.every((p) => p.startsWith('type '));
      }
    }
    edges.push({ from: file, to: resolve(file, spec), typeOnly });
  }
  return edges;
}

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = path.join(dir, d.name);
    return d.isDirectory() ? sources(p) : /\.tsx?$/.test(d.name) ? [p] : [];
  });
}

/** Every module a page loads at run time, from its entry (type-only imports are erased). */
function runtimeClosure(entry: string): Map<string, string> {
  const seen = new Map<string, string>([[entry, entry]]);
  const queue = [entry];
  while (queue.length > 0) {
    const file = queue.shift()!;
    if (!file.startsWith(ROOT) || !existsSync(file)) continue;
    for (const edge of importsOf(file)) {
      if (edge.typeOnly || seen.has(edge.to)) continue;
      seen.set(edge.to, file);
      queue.push(edge.to);
    }
  }
  return seen;
}

const rel = (p: string) => (p.startsWith(ROOT) ? path.relative(ROOT, p) : p);

describe('the supervisor boundary in the imports', () => {
  test('the import scanner sees value and type imports apart (a check that cannot fail is no check)', () => {
    const edges = importsOf(path.join(ROOT, 'src', 'supervisor', 'page-api.ts')).map((e) => [rel(e.to), e.typeOnly]);
    expect(edges).toContainEqual(['src/storage/custom-terms.ts', false]);
    expect(edges).toContainEqual(['src/messaging/supervisor-protocol.ts', true]);
    const background = runtimeClosure(path.join(ROOT, 'entrypoints', 'background.ts'));
    expect(background.has(path.join(ROOT, 'src', 'storage', 'db.ts'))).toBe(true);
    expect(background.has('dexie')).toBe(true);
  });

  for (const page of ['options', 'log', 'popup', 'approve']) {
    test(`${page}.html holds no database handle: it never loads src/storage/db.ts or Dexie`, () => {
      const closure = runtimeClosure(path.join(ROOT, 'entrypoints', page, 'main.tsx'));
      const chain = (target: string) => {
        const out = [rel(target)];
        for (let at = closure.get(target); at !== undefined && out.length < 20; at = closure.get(at)) {
          out.push(rel(at));
          if (closure.get(at) === at) break;
        }
        return out.reverse().join(' → ');
      };
      for (const forbidden of [path.join(ROOT, 'src', 'storage', 'db.ts'), path.join(ROOT, 'src', 'storage', 'index.ts'), 'dexie']) {
        expect(closure.has(forbidden), closure.has(forbidden) ? chain(forbidden) : forbidden).toBe(false);
      }
    });
  }

  test('messaging/ never imports supervisor/ (supervisor/ builds on messaging/: no cycle)', () => {
    const supervisor = path.join(ROOT, 'src', 'supervisor') + path.sep;
    const offending = sources(path.join(ROOT, 'src', 'messaging'))
      .flatMap(importsOf)
      .filter((e) => e.to.startsWith(supervisor))
      .map((e) => `${rel(e.from)} → ${rel(e.to)}`);
    expect(offending).toEqual([]);
    // …while supervisor/ does use messaging/ (so the line above is the cycle's only way back).
    expect(sources(path.join(ROOT, 'src', 'supervisor')).flatMap(importsOf).some((e) => e.to.startsWith(path.join(ROOT, 'src', 'messaging')))).toBe(true);
  });
});
