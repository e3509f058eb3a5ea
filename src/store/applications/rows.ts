// Rows to domain records and back. PostgreSQL's bigint arrives as a string, SQLite's as a number.

import type { Insertable, Selectable } from 'kysely';
import type {
  Application,
  ApplicationAssignment,
  ApplicationPrincipalType,
  ApplicationTemplate,
  NameIdFormat,
} from '../../domain/applications/application.js';
import type { ApplicationAssignmentTable, ApplicationTable } from './tables.js';

export const toApplicationRow = (a: Application): Insertable<ApplicationTable> => ({
  application_id: a.applicationId,
  name: a.name,
  name_key: a.name.toLowerCase(),
  description: a.description ?? null,
  template: a.template,
  acs_url: a.acsUrl,
  audience: a.audience,
  name_id_format: a.nameIdFormat,
  name_id_source: a.nameIdSource,
  attribute_mappings: JSON.stringify(a.attributeMappings.map(({ name, value }) => ({ name, value }))),
  session_duration: a.sessionDuration,
  relay_state: a.relayState ?? null,
  require_signed_authn_requests: a.requireSignedAuthnRequests ? 1 : 0,
  sp_certificate_pem: a.spCertificatePem ?? null,
  sign_response: a.signResponse ? 1 : 0,
  created_at: a.createdAt,
  updated_at: a.updatedAt,
});

export const toApplication = (r: Selectable<ApplicationTable>): Application => ({
  applicationId: r.application_id,
  name: r.name,
  ...(r.description !== null ? { description: r.description } : {}),
  template: r.template as ApplicationTemplate,
  acsUrl: r.acs_url,
  audience: r.audience,
  nameIdFormat: r.name_id_format as NameIdFormat,
  nameIdSource: r.name_id_source,
  attributeMappings: JSON.parse(r.attribute_mappings),
  sessionDuration: r.session_duration,
  ...(r.relay_state !== null ? { relayState: r.relay_state } : {}),
  requireSignedAuthnRequests: Number(r.require_signed_authn_requests) === 1,
  ...(r.sp_certificate_pem !== null ? { spCertificatePem: r.sp_certificate_pem } : {}),
  signResponse: Number(r.sign_response) === 1,
  createdAt: Number(r.created_at),
  updatedAt: Number(r.updated_at),
});

export const toAssignmentRow = (a: ApplicationAssignment): Insertable<ApplicationAssignmentTable> => ({
  application_id: a.applicationId,
  principal_type: a.principalType,
  principal_id: a.principalId,
  aws_roles: JSON.stringify(a.awsRoles.map(({ roleArn, providerArn }) => ({ roleArn, providerArn }))),
  created_at: a.createdAt,
});

export const toAssignment = (r: Selectable<ApplicationAssignmentTable>): ApplicationAssignment => ({
  applicationId: r.application_id,
  principalType: r.principal_type as ApplicationPrincipalType,
  principalId: r.principal_id,
  awsRoles: JSON.parse(r.aws_roles),
  createdAt: Number(r.created_at),
});
