/**
 * Where the corpora live. The shared ones stay outside the repository (licences, size), beside it
 * in `../shared`; `TOUKOU_SHARED` points elsewhere (CI, a second checkout). The blind sets live in
 * the repository (`tests/blind/`); `TOUKOU_BLIND` points elsewhere (the eval tests use synthetic
 * ones, so they never read the real blind texts).
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export function sharedDir(env: NodeJS.ProcessEnv = process.env, repoRoot: string = REPO_ROOT): string {
  const override = env['TOUKOU_SHARED'];
  if (override !== undefined && override.trim() !== '') return path.resolve(override);
  return path.resolve(repoRoot, '..', 'shared');
}

export function blindDir(env: NodeJS.ProcessEnv = process.env, repoRoot: string = REPO_ROOT): string {
  const override = env['TOUKOU_BLIND'];
  if (override !== undefined && override.trim() !== '') return path.resolve(override);
  return path.resolve(repoRoot, 'tests', 'blind');
}

export interface CorpusPaths {
  dev: string;
  bulletinDir: string;
  toxicity: string;
  xsafety: string;
  ner: string;
}

export function corpusPaths(shared: string): CorpusPaths {
  return {
    dev: path.join(shared, 'corpus', 'dev.jsonl'),
    bulletinDir: path.join(shared, 'data', 'municipal-bulletin'),
    toxicity: path.join(shared, 'data', 'inspection-ai_japanese-toxic-dataset', 'subset.csv'),
    xsafety: path.join(shared, 'data', 'xsafety-ja', 'labelled-even.jsonl'),
    ner: path.join(shared, 'data', 'stockmark-ner-wikipedia', 'ner.json'),
  };
}
