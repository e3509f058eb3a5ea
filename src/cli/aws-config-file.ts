// The AWS shared config file (`~/.aws/config`, or AWS_CONFIG_FILE), edited section by section:
// `gatehouse configure` replaces the sections it manages and keeps every other line as it was,
// comments and spacing included, so running it twice changes nothing the second time.

import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { awsHomeDir } from './sso-cache.js';
import { writeFileAtomic } from './write-file-atomic.js';

/** A run of lines: a `[header]` and what follows it up to the next header (or the lines before the first). */
export interface ConfigBlock {
  /** Normalised section name (`profile dev`, `sso-session corp`), undefined for the lines before any header. */
  readonly name: string | undefined;
  readonly lines: readonly string[];
}

/** A setting, or a sub-section (`sso =` followed by indented settings, as `[services]` uses). */
export type ConfigEntry = readonly [key: string, value: string | readonly (readonly [string, string])[]];

export const awsConfigFilePath = (env: NodeJS.ProcessEnv = process.env): string => env.AWS_CONFIG_FILE || join(awsHomeDir(env), '.aws', 'config');

const HEADER = /^\s*\[([^\]]*)\]\s*(?:[#;].*)?$/;

const normaliseName = (raw: string) => raw.trim().split(/\s+/).join(' ');

const splitLines = (text: string): string[] => {
  const lines = text.split(/\r?\n/);
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
};

export const parseConfigBlocks = (text: string): ConfigBlock[] => {
  const blocks: { name: string | undefined; lines: string[] }[] = [{ name: undefined, lines: [] }];
  for (const line of splitLines(text)) {
    const header = HEADER.exec(line);
    if (header) blocks.push({ name: normaliseName(header[1]!), lines: [line] });
    else blocks[blocks.length - 1]!.lines.push(line);
  }
  return blocks[0]!.lines.length === 0 ? blocks.slice(1) : blocks;
};

/** A section's top-level settings (sub-section settings, being indented under a bare `key =`, are skipped). */
export const blockSettings = (block: ConfigBlock): Record<string, string> => {
  const out: Record<string, string> = {};
  let inSub = false;
  for (const line of block.lines.slice(block.name === undefined ? 0 : 1)) {
    const text = line.split(/(^|\s)[#;]/)[0]!;
    const eq = text.indexOf('=');
    if (eq <= 0) continue;
    const indented = /^\s/.test(text);
    const key = text.slice(0, eq).trim();
    const value = text.slice(eq + 1).trim();
    if (value === '' && !indented) inSub = true;
    else if (!indented) {
      inSub = false;
      out[key] = value;
    } else if (!inSub) out[key] = value;
  }
  return out;
};

/** Every section's top-level settings by normalised name. */
export const configSections = (text: string): Map<string, Record<string, string>> =>
  new Map(parseConfigBlocks(text).flatMap((b) => (b.name === undefined ? [] : [[b.name, blockSettings(b)] as const])));

export const renderSection = (name: string, entries: readonly ConfigEntry[]): string[] => [
  `[${name}]`,
  ...entries.flatMap(([key, value]) => (typeof value === 'string' ? [`${key} = ${value}`] : [`${key} =`, ...value.map(([k, v]) => `  ${k} = ${v}`)])),
];

const trailingBlanks = (lines: readonly string[]): string[] => {
  let n = lines.length;
  while (n > 1 && lines[n - 1]!.trim() === '') n--;
  return lines.slice(n);
};

/**
 * The file with `sections` written in: each replaces the section of the same name where it
 * stands; sections `isManaged` says are ours but are not in `sections` are dropped (a role the
 * user no longer holds); the rest are appended. Everything else is kept byte for byte.
 */
export const replaceSections = (text: string, sections: ReadonlyMap<string, readonly string[]>, isManaged: (block: ConfigBlock) => boolean = () => false): string => {
  const out: string[] = [];
  const placed = new Set<string>();
  for (const block of parseConfigBlocks(text)) {
    const ours = block.name !== undefined && (sections.has(block.name) || isManaged(block));
    if (!ours) {
      out.push(...block.lines);
      continue;
    }
    const replacement = sections.get(block.name!);
    if (replacement && !placed.has(block.name!)) {
      out.push(...replacement, ...trailingBlanks(block.lines));
      placed.add(block.name!);
    }
  }
  for (const [name, lines] of sections) {
    if (placed.has(name)) continue;
    if (out.length > 0 && out[out.length - 1]!.trim() !== '') out.push('');
    out.push(...lines);
  }
  return out.length === 0 ? '' : `${out.join('\n')}\n`;
};

export const readConfigFile = async (env: NodeJS.ProcessEnv = process.env): Promise<string> => {
  try {
    return await readFile(awsConfigFilePath(env), 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return '';
    throw e;
  }
};

/** Replaces the file in one rename, keeping its mode (0600 when new: it names accounts and roles). */
export const writeConfigFile = async (text: string, env: NodeJS.ProcessEnv = process.env): Promise<string> => {
  const path = awsConfigFilePath(env);
  // Keep the mode a person gave the file; a new one is owner-only.
  const mode = await stat(path).then((s) => s.mode & 0o777, () => 0o600);
  await writeFileAtomic(path, text, mode);
  return path;
};
