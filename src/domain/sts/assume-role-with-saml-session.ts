// What the assertion's AWS attributes ask of the session: its name, duration, tags, transitive
// tag keys and source identity (AWS "Configuring SAML assertions for the authentication response").

import { invalidSamlResponse } from './assume-role-with-saml-errors.js';
import type { SamlClaims } from './assume-role-with-saml-claims.js';
import type { SessionTag } from './role-session.js';

const PREFIX = 'https://aws.amazon.com/SAML/Attributes/';
const SESSION_NAME = /^[\w+=,.@-]{2,64}$/;

export interface SamlSessionRequest {
  readonly sessionName: string;
  readonly durationSeconds?: number;
  readonly tags: readonly SessionTag[];
  readonly transitiveTagKeys: readonly string[];
  readonly sourceIdentity?: string;
}

const one = (c: SamlClaims, name: string): string | undefined => {
  const values = c.attributes.get(PREFIX + name);
  if (values === undefined) return undefined;
  if (values.length !== 1) throw invalidSamlResponse(`${name} must have exactly one value`);
  return values[0]!;
};

export function samlSessionRequest(c: SamlClaims): SamlSessionRequest {
  const sessionName = one(c, 'RoleSessionName');
  if (sessionName === undefined || !SESSION_NAME.test(sessionName)) {
    throw invalidSamlResponse('RoleSessionName is required in the assertion and must match [\\w+=,.@-]{2,64}');
  }
  const durationText = one(c, 'SessionDuration');
  const durationSeconds = durationText === undefined ? undefined : Number(durationText);
  if (durationSeconds !== undefined && !(Number.isInteger(durationSeconds) && durationSeconds >= 900 && durationSeconds <= 43200)) {
    throw invalidSamlResponse('SessionDuration must be an integer from 900 to 43200');
  }
  const tags: SessionTag[] = [];
  for (const [name, values] of c.attributes) {
    if (!name.startsWith(`${PREFIX}PrincipalTag:`)) continue;
    if (values.length !== 1) throw invalidSamlResponse(`${name} must have exactly one value`);
    tags.push({ key: name.slice(`${PREFIX}PrincipalTag:`.length), value: values[0]! });
  }
  const transitiveTagKeys = c.attributes.get(`${PREFIX}TransitiveTagKeys`) ?? [];
  const sourceIdentity = one(c, 'SourceIdentity');
  if (sourceIdentity !== undefined && !/^[\w+=,.@-]{2,64}$/.test(sourceIdentity)) throw invalidSamlResponse('SourceIdentity is not valid');
  return {
    sessionName,
    ...(durationSeconds !== undefined ? { durationSeconds } : {}),
    tags,
    transitiveTagKeys,
    ...(sourceIdentity !== undefined ? { sourceIdentity } : {}),
  };
}
