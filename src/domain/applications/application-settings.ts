// An application's settings as an administrator gives them: created from a template's
// defaults, changed by patches. Every write checks the whole result, so settings that only
// make sense together (signed AuthnRequests need the SP's certificate) stay coherent.

import { invalid } from '../../lib/errors.js';
import type { Application, ApplicationTemplate, AttributeMapping, NameIdFormat } from './application.js';
import * as rules from './application-rules.js';
import { AWS_ACCOUNT_DEFAULTS, DEFAULT_NAME_ID_SOURCE, DEFAULT_SESSION_DURATION } from './aws-account-template.js';

export interface ApplicationInput {
  readonly name: string;
  readonly description?: string;
  readonly template?: ApplicationTemplate;
  readonly acsUrl?: string;
  readonly audience?: string;
  readonly nameIdFormat?: NameIdFormat;
  readonly nameIdSource?: string;
  readonly attributeMappings?: readonly AttributeMapping[];
  readonly sessionDuration?: string;
  readonly relayState?: string;
  readonly requireSignedAuthnRequests?: boolean;
  readonly spCertificatePem?: string;
  readonly signResponse?: boolean;
}

/** What may change; the template may not. `null` clears an optional setting. */
export type ApplicationPatch = {
  readonly [K in Exclude<keyof ApplicationInput, 'template'>]?: K extends 'description' | 'relayState' | 'spCertificatePem'
    ? ApplicationInput[K] | null
    : ApplicationInput[K];
};

/** The settings part of an application: everything but its id and times. */
export type ApplicationSettings = Omit<Application, 'applicationId' | 'createdAt' | 'updatedAt'>;

const flag = (field: string, v: unknown, fallback: boolean): boolean => {
  if (v === undefined) return fallback;
  if (typeof v !== 'boolean') throw invalid(field, `${field} must be true or false.`);
  return v;
};

/** Checks every setting; `now` dates the SP certificate check. */
export function checkSettings(s: ApplicationSettings, now: number): ApplicationSettings {
  const template = rules.checkTemplate(s.template);
  const requireSigned = flag('RequireSignedAuthnRequests', s.requireSignedAuthnRequests, false);
  const spCertificatePem = rules.checkSpCertificate(s.spCertificatePem, now);
  if (requireSigned && spCertificatePem === undefined) {
    throw invalid('SpCertificatePem', 'SpCertificatePem is required when RequireSignedAuthnRequests is true.');
  }
  const description = rules.checkDescription(s.description);
  const relayState = rules.checkRelayState(s.relayState);
  return {
    name: rules.checkName(s.name),
    ...(description !== undefined ? { description } : {}),
    template,
    acsUrl: rules.checkAcsUrl(s.acsUrl),
    audience: rules.checkAudience(s.audience),
    nameIdFormat: rules.checkNameIdFormat(s.nameIdFormat),
    nameIdSource: rules.checkNameIdSource(s.nameIdSource),
    attributeMappings: rules.checkAttributeMappings(s.attributeMappings, template),
    sessionDuration: rules.checkSessionDuration(s.sessionDuration),
    ...(relayState !== undefined ? { relayState } : {}),
    requireSignedAuthnRequests: requireSigned,
    ...(spCertificatePem !== undefined ? { spCertificatePem } : {}),
    signResponse: flag('SignResponse', s.signResponse, true),
  };
}

const defined = <T extends object>(o: T): Partial<T> =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;

/** A new application's settings: the template's defaults under what was given. */
export function newSettings(input: ApplicationInput, now: number): ApplicationSettings {
  if (input === null || typeof input !== 'object') throw invalid('Name', 'Name must not be empty.');
  const template = rules.checkTemplate(input.template);
  const base = template === 'aws-account' ? AWS_ACCOUNT_DEFAULTS : { nameIdFormat: 'persistent' as const, attributeMappings: [] };
  return checkSettings(
    {
      nameIdSource: DEFAULT_NAME_ID_SOURCE,
      sessionDuration: DEFAULT_SESSION_DURATION,
      requireSignedAuthnRequests: false,
      signResponse: true,
      ...base,
      ...defined(input),
      template,
    } as ApplicationSettings,
    now,
  );
}

/** The settings after a patch; `template` in a patch is refused. */
export function patchedSettings(current: Application, patch: ApplicationPatch, now: number): ApplicationSettings {
  if ((patch as { template?: unknown }).template !== undefined && (patch as { template?: unknown }).template !== current.template) {
    throw invalid('Template', 'The template of an application cannot change; create a new application.');
  }
  const { applicationId: _, createdAt: __, updatedAt: ___, ...settings } = current;
  const merged: Record<string, unknown> = { ...settings };
  for (const [key, value] of Object.entries(patch)) {
    if (key === 'template' || value === undefined) continue;
    if (value === null) delete merged[key];
    else merged[key] = value;
  }
  return checkSettings(merged as unknown as ApplicationSettings, now);
}
