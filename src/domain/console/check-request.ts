// What the console's "Check access" form asks, read and checked: an action the service
// authorization reference knows, a resource ARN (or `*`), and context keys as `key=value` lines.
// Every problem names its field; keys that describe the session itself cannot be supplied,
// because the check is about this exact session.

import { invalid } from '../../lib/errors.js';
import type { ContextValue } from '../../policy/index.js';

export interface CheckForm {
  readonly action?: string;
  readonly resource?: string;
  readonly context?: string;
}

/** The service authorization reference, as far as the check needs it (supplied by the server). */
export interface ActionReference {
  /** `found`: the action as the reference spells it (`s3:GetObject`); otherwise what is unknown. */
  find(service: string, action: string): Promise<{ readonly found: string } | { readonly unknown: 'service' | 'action' }>;
}

export interface CheckRequest {
  /** As the catalog spells it, e.g. `s3:GetObject`. */
  readonly action: string;
  readonly resource: string;
  readonly context: Readonly<Record<string, ContextValue>>;
}

const MAX_CONTEXT_LINES = 50;
const MAX_RESOURCE = 2048;
const ACTION = /^([A-Za-z0-9-]+):([A-Za-z0-9]+)$/;
const KEY = /^[A-Za-z0-9_.-]+:[A-Za-z0-9_.\/:@-]+$/;
/** Facts of the role session: the check supplies them itself. */
const SESSION_KEYS = /^aws:(principal|userid$|username$|tokenissuetime$|sourceidentity$|federatedprovider$)/i;

export const parseAction = async (reference: ActionReference, text: string | undefined): Promise<string> => {
  const action = (text ?? '').trim();
  if (action === '') throw invalid('action', 'Enter an action, such as s3:GetObject.');
  const m = ACTION.exec(action);
  if (!m || action.length > 256) throw invalid('action', `"${action.slice(0, 100)}" is not an action: write service:Action, such as s3:GetObject (no wildcards).`);
  const found = await reference.find(m[1]!.toLowerCase(), m[2]!);
  if ('found' in found) return found.found;
  if (found.unknown === 'service') throw invalid('action', `There is no service with the prefix "${m[1]}" in the service authorization reference.`);
  throw invalid('action', `The service ${m[1]!.toLowerCase()} has no action named ${m[2]}.`);
};

export const parseResource = (text: string | undefined): string => {
  const resource = (text ?? '').trim() || '*';
  if (resource.length > MAX_RESOURCE) throw invalid('resource', `The resource is longer than ${MAX_RESOURCE} characters.`);
  if (resource !== '*' && !/^arn:[^:\s]+:[^:\s]*:[^:\s]*:[^:\s]*:\S+$/.test(resource)) {
    throw invalid('resource', 'The resource must be * or an ARN, such as arn:aws:s3:::my-bucket/key.');
  }
  return resource;
};

export const parseContext = (text: string | undefined): Record<string, ContextValue> => {
  const lines = (text ?? '').split(/\r?\n/).map((l) => l.trim());
  if (lines.filter((l) => l !== '').length > MAX_CONTEXT_LINES) throw invalid('context', `At most ${MAX_CONTEXT_LINES} context lines.`);
  const out: Record<string, string[]> = {};
  lines.forEach((line, i) => {
    if (line === '') return;
    const eq = line.indexOf('=');
    const key = eq < 0 ? line : line.slice(0, eq).trim();
    if (eq < 0 || !KEY.test(key)) throw invalid('context', `Line ${i + 1}: write key=value, with a key such as aws:SourceIp or s3:prefix.`);
    if (SESSION_KEYS.test(key)) throw invalid('context', `Line ${i + 1}: ${key} describes the role session itself; the check supplies it.`);
    (out[key] ??= []).push(line.slice(eq + 1).trim());
  });
  // A key given once is a single value; given on several lines, a multivalued key.
  return Object.fromEntries(Object.entries(out).map(([k, v]) => [k, v.length === 1 ? v[0]! : v]));
};

export const parseCheckRequest = async (reference: ActionReference, form: CheckForm): Promise<CheckRequest> => ({
  action: await parseAction(reference, form.action),
  resource: parseResource(form.resource),
  context: parseContext(form.context),
});
