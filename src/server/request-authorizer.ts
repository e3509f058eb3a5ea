// Joins the wire to the Authorizer: which IAM action and resources a call is, and the request
// context it carries. Also tells the Authorizer when a call may have changed a policy.

import type { Services } from '../domain/services.js';
import type { Principal } from '../domain/principal.js';
import type { CallContext, OperationHandler, ServiceHandlers } from '../protocols/operation.js';
import { isReadOnly, type ActionCatalog } from '../protocols/authorization/action-catalog.js';
import { resourceArns } from '../protocols/authorization/resource-arns.js';
import { requestContext } from '../domain/authorization/request-context.js';
import { STS_SELF_AUTHORIZED_ACTIONS } from '../domain/sts/self-authorized-actions.js';
import { InstanceAccess, INSTANCE_SERVICES } from '../domain/authorization/instance-access.js';


/** IAM and STS act in the caller's account; the other services in the management account. */
const PER_ACCOUNT_SERVICES = new Set(['iam', 'sts']);

const tagsOf = (input: Record<string, unknown>): Record<string, string> | undefined => {
  const tags = input.Tags;
  if (!Array.isArray(tags)) return undefined;
  return Object.fromEntries(tags.map((t: { Key?: string; Value?: string }) => [t.Key ?? '', t.Value ?? '']));
};

export const createRequestAuthorizer = (services: Services, catalog: ActionCatalog) => {
  const instanceAccess = new InstanceAccess(services);
  let organizationId: string | undefined;
  const orgId = async () => (organizationId ??= (await services.organizations.describeOrganization()).id);

  return async (principal: Principal, action: string, input: unknown, ctx: CallContext): Promise<void> => {
    if (STS_SELF_AUTHORIZED_ACTIONS.has(action)) return;
    const fields = (input ?? {}) as Record<string, unknown>;
    const service = action.slice(0, action.indexOf(':'));
    if (INSTANCE_SERVICES.has(service)) await instanceAccess.check(principal, action, fields);
    const instance = await services.instance.get();
    const resources = resourceArns(catalog.get(action.toLowerCase()), fields, {
      partition: 'aws',
      account: PER_ACCOUNT_SERVICES.has(service) ? principal.accountId : instance.ownerAccountId,
      region: ctx.region,
      organizationId: await orgId(),
      callerName: principal.name,
    });
    const context = requestContext({
      principal,
      sourceIp: ctx.sourceIp,
      secureTransport: ctx.secureTransport,
      region: ctx.region,
      now: services.ports.clock.now(),
      organizationId: await orgId(),
      requestTags: tagsOf(fields),
    });
    await services.authorization.authorize(principal, { action, resources, context });
  };
};

const POLICY_NEUTRAL_SERVICES = new Set(['sts', 'gatehouse-admin']);

/** Wraps handlers so that a successful call that may change policies invalidates the cache. */
export const invalidatingHandlers = (
  services: Services,
  catalog: ActionCatalog,
  prefix: string,
  handlers: ServiceHandlers,
): ServiceHandlers =>
  Object.fromEntries(
    Object.entries(handlers).map(([name, handler]): [string, OperationHandler] => {
      // STS changes no policy (AssumeRole is a 'Write' only in the catalog's sense), nor does
      // the Gatehouse admin API (directory credentials, sessions, applications, SAML keys).
      if (POLICY_NEUTRAL_SERVICES.has(prefix) || isReadOnly(catalog.get(`${prefix}:${name}`.toLowerCase()))) return [name, handler];
      return [
        name,
        async (input, ctx) => {
          const output = await handler(input, ctx);
          services.authorization.invalidate();
          return output;
        },
      ];
    }),
  );
