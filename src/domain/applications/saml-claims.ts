// What a SAML response says about a user to one application: the NameID and the attributes,
// filled from the identity store user. Pure: the service gathers the user, their groups and
// their roles, and this turns them into claims.

import { GatehouseError } from '../../lib/errors.js';
import { parseIsoDuration } from '../../lib/iso-duration.js';
import { primaryEmail, type User } from '../identity-store/user.js';
import type { Application, AwsRolePair, NameIdFormat } from './application.js';
import { AWS_ROLE_ATTRIBUTE } from './aws-account-template.js';
import { roleAttributeValue } from './aws-role-pairs.js';
import { resolveUserPath } from './user-path.js';
import { parseTemplate, renderTemplate, type TemplateValues, type UserVariable } from './value-template.js';

export interface SamlClaims {
  readonly nameId: string;
  readonly nameIdFormat: NameIdFormat;
  /** Attribute name to its values; attributes that resolve to nothing are left out. */
  readonly attributes: Record<string, string[]>;
  readonly sessionDurationSeconds: number;
}

export interface ClaimsSubject {
  readonly user: User;
  /** Display names of the user's groups. */
  readonly groupNames: readonly string[];
  /** "aws-account": the roles the user's assignments offer. */
  readonly awsRoles: readonly AwsRolePair[];
}

const one = (v: string | undefined): readonly string[] => (v === undefined || v === '' ? [] : [v]);

const templateValues = (app: Application, s: ClaimsSubject, seconds: number): TemplateValues => {
  const p = s.user.profile;
  const user: Record<UserVariable, () => readonly string[]> = {
    email: () => one(primaryEmail(p)),
    subject: () => [s.user.userId],
    userName: () => one(p.UserName),
    displayName: () => one(p.DisplayName),
    givenName: () => one(p.Name?.GivenName),
    familyName: () => one(p.Name?.FamilyName),
    groups: () => [...s.groupNames].filter((g) => g !== '').sort(),
  };
  return {
    user: (name) => user[name](),
    app: (name) => (name === 'sessionDurationSeconds' ? String(seconds) : undefined),
    path: (path) => resolveUserPath(s.user, path),
  };
};

export function samlClaimsFor(app: Application, s: ClaimsSubject): SamlClaims {
  const seconds = parseIsoDuration(app.sessionDuration) ?? 3600;
  const values = templateValues(app, s, seconds);
  const [nameId] = renderTemplate(parseTemplate(app.nameIdSource, 'NameIdSource', 'NameIdSource', true), values);
  if (nameId === undefined) {
    // Never an empty NameID: the SP would take it for someone else, or for no one.
    throw new GatehouseError(
      'InvalidState',
      `The NameID source ${app.nameIdSource} of application ${app.name} gives nothing for user ${s.user.userId}.`,
      { resource: 'Application', resourceId: app.applicationId, field: 'NameIdSource' },
    );
  }
  const attributes: Record<string, string[]> = {};
  for (const m of app.attributeMappings) {
    const rendered = renderTemplate(parseTemplate(m.value, 'AttributeMappings', m.name), values);
    if (rendered.length > 0) attributes[m.name] = rendered;
  }
  if (app.template === 'aws-account' && s.awsRoles.length > 0) attributes[AWS_ROLE_ATTRIBUTE] = s.awsRoles.map(roleAttributeValue);
  return { nameId, nameIdFormat: app.nameIdFormat, attributes, sessionDurationSeconds: seconds };
}
