/**
 * Where the shared corpora live. They stay outside the repository (licences, size), beside it in
 * `../shared`; `TOUKOU_SHARED` points elsewhere (CI, a second checkout).
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export function sharedDir(env: NodeJS.ProcessEnv = process.env, repoRoot: string = REPO_ROOT): string {
  const override = env['TOUKOU_SHARED'];
  if (override !== undefined && override.trim() !== '') return path.resolve(override);
  return path.resolve(repoRoot, '..', 'shared');
}

export interface CorpusPaths {
  dev: string;
  bulletinDir: string;
  toxicity: string;
}

export function corpusPaths(shared: string): CorpusPaths {
  return {
    dev: path.join(shared, 'corpus', 'dev.jsonl'),
    bulletinDir: path.join(shared, 'data', 'municipal-bulletin'),
    toxicity: path.join(shared, 'data', 'inspection-ai_japanese-toxic-dataset', 'subset.csv'),
  };
}
