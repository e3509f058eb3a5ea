// Reads a service's models from the repository's `models/aws/` (never from outside the repo),
// once per process.

import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { RawModel } from './raw-model.js';
import { buildServiceModel, type ServiceModel } from './service-model.js';
import { correctConstraints } from './constraint-corrections.js';

export const MODELS_DIR = fileURLToPath(new URL('../../../models/aws/', import.meta.url));

const loaded = new Map<string, ServiceModel>();

/** The file name of a service's model: `identitystore` → `identitystore-2020-06-15.json`. */
const modelFileName = (dir: string, prefix: string): string => {
  const re = new RegExp(`^${prefix.replace(/[-]/g, '\\-')}-\\d{4}-\\d{2}-\\d{2}\\.json$`);
  const name = readdirSync(dir).find((f) => re.test(f));
  if (!name) throw new Error(`no AWS model for ${prefix} in ${dir}`);
  return name;
};

const readJson = (path: string): RawModel => JSON.parse(readFileSync(path, 'utf8')) as RawModel;

export const loadServiceModel = (prefix: string, dir: string = MODELS_DIR): ServiceModel => {
  const key = `${dir}\0${prefix}`;
  const hit = loaded.get(key);
  if (hit) return hit;
  const file = modelFileName(dir, prefix);
  const documented = correctConstraints(prefix, readJson(`${dir}/documented-2022/${file}`));
  const model = buildServiceModel(prefix, readJson(`${dir}/${file}`), documented);
  loaded.set(key, model);
  return model;
};
