// The admin API's SAML applications (GatehouseAdmin.*Application*): the wire adapter has
// verified, validated against the model and authorized `gatehouse:<Operation>`; each handler
// translates PascalCase members to the ApplicationService and back.

import type { Application, ApplicationAssignment, AttributeMapping, AwsRolePair } from '../../domain/applications/application.js';
import type { ApplicationPatch } from '../../domain/applications/application-settings.js';
import type { PageRequest } from '../../domain/applications/application-service.js';
import type { ServiceHandlers } from '../operation.js';
import { userOf } from './handlers.js';

interface WireMapping {
  readonly Name?: string;
  readonly Value?: string;
}
interface WireRole {
  readonly RoleArn?: string;
  readonly ProviderArn?: string;
}

const mappingsIn = (list: readonly WireMapping[] | undefined): AttributeMapping[] | undefined =>
  list?.map((m) => ({ name: m.Name!, value: m.Value! }));
const rolesIn = (list: readonly WireRole[] | undefined): AwsRolePair[] | undefined =>
  list?.map((r) => ({ roleArn: r.RoleArn!, providerArn: r.ProviderArn! }));
const rolesOut = (list: readonly AwsRolePair[]) => list.map((r) => ({ RoleArn: r.roleArn, ProviderArn: r.providerArn }));

export const applicationShape = (a: Application) => ({
  ApplicationId: a.applicationId,
  Name: a.name,
  ...(a.description !== undefined ? { Description: a.description } : {}),
  Template: a.template,
  AcsUrl: a.acsUrl,
  Audience: a.audience,
  NameIdFormat: a.nameIdFormat,
  NameIdSource: a.nameIdSource,
  AttributeMappings: a.attributeMappings.map((m) => ({ Name: m.name, Value: m.value })),
  SessionDuration: a.sessionDuration,
  ...(a.relayState !== undefined ? { RelayState: a.relayState } : {}),
  RequireSignedAuthnRequests: a.requireSignedAuthnRequests,
  ...(a.spCertificatePem !== undefined ? { SpCertificatePem: a.spCertificatePem } : {}),
  SignResponse: a.signResponse,
  CreatedAt: new Date(a.createdAt),
  UpdatedAt: new Date(a.updatedAt),
});

const assignmentShape = (a: ApplicationAssignment) => ({
  ApplicationId: a.applicationId,
  PrincipalType: a.principalType,
  PrincipalId: a.principalId,
  AwsRoles: rolesOut(a.awsRoles),
  CreatedAt: new Date(a.createdAt),
});

/** The settings members of Create/UpdateApplication; an empty string clears an optional one. */
const settingsIn = (input: Record<string, any>): ApplicationPatch => {
  const clearable = (v: string | undefined) => (v === '' ? null : v);
  const patch: Record<string, unknown> = {
    name: input.Name,
    description: clearable(input.Description),
    acsUrl: input.AcsUrl,
    audience: input.Audience,
    nameIdFormat: input.NameIdFormat,
    nameIdSource: input.NameIdSource,
    attributeMappings: mappingsIn(input.AttributeMappings),
    sessionDuration: input.SessionDuration,
    relayState: clearable(input.RelayState),
    requireSignedAuthnRequests: input.RequireSignedAuthnRequests,
    spCertificatePem: clearable(input.SpCertificatePem),
    signResponse: input.SignResponse,
  };
  return Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) as ApplicationPatch;
};

const pageIn = (input: Record<string, any>): PageRequest => ({
  ...(input.NextToken !== undefined ? { nextToken: input.NextToken } : {}),
  ...(input.MaxResults !== undefined ? { maxResults: input.MaxResults } : {}),
});
const nextTokenOut = (page: { nextToken?: string }) => (page.nextToken !== undefined ? { NextToken: page.nextToken } : {});

export const APPLICATION_ADMIN_HANDLERS: ServiceHandlers = {
  async CreateApplication(input, { services: { applications } }) {
    const settings = settingsIn(input);
    const withoutNulls = Object.fromEntries(Object.entries(settings).filter(([, v]) => v !== null));
    const app = await applications.create({ ...withoutNulls, name: input.Name, ...(input.Template !== undefined ? { template: input.Template } : {}) });
    return { Application: applicationShape(app) };
  },
  async DescribeApplication(input, { services: { applications } }) {
    return { Application: applicationShape(await applications.describe(input.ApplicationId)) };
  },
  async UpdateApplication(input, { services: { applications } }) {
    return { Application: applicationShape(await applications.update(input.ApplicationId, settingsIn(input))) };
  },
  async DeleteApplication(input, { services: { applications } }) {
    await applications.delete(input.ApplicationId);
    return {};
  },
  async ListApplications(input, { services: { applications } }) {
    const page = await applications.list(pageIn(input));
    return { Applications: page.applications.map(applicationShape), ...nextTokenOut(page) };
  },
  async CreateApplicationAssignment(input, { services: { applications } }) {
    const a = await applications.assign(input.ApplicationId, input.PrincipalType, input.PrincipalId, rolesIn(input.AwsRoles));
    return { Assignment: assignmentShape(a) };
  },
  async DeleteApplicationAssignment(input, { services: { applications } }) {
    await applications.unassign(input.ApplicationId, input.PrincipalType, input.PrincipalId);
    return {};
  },
  async ListApplicationAssignments(input, { services: { applications } }) {
    const page = await applications.listAssignments(input.ApplicationId, pageIn(input));
    return { Assignments: page.assignments.map(assignmentShape), ...nextTokenOut(page) };
  },
  async ListApplicationsForUser(input, { services: { applications, directory } }) {
    const user = await userOf(directory, input);
    const held = await applications.applicationsForUser(user.userId);
    return {
      UserId: user.userId,
      Applications: held.map((h) => ({ Application: applicationShape(h.application), AwsRoles: rolesOut(h.awsRoles) })),
    };
  },
};
