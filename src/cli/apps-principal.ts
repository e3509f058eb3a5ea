// How `gatehouse apps` names things: an application by its id or its name, a user or group by
// its name (or id). Names are looked up through the APIs the caller already uses: the admin
// API for applications, sso-admin ListInstances and identitystore GetUserId / GetGroupId for
// principals.

import { GetGroupIdCommand, GetUserIdCommand, IdentitystoreClient } from '@aws-sdk/client-identitystore';
import { ListInstancesCommand, SSOAdminClient } from '@aws-sdk/client-sso-admin';
import type { AdminClient, AdminClientOptions } from './admin-client.js';

const APPLICATION_ID = /^app-[0-9a-f]{16}$/;
const UUID = /^([0-9a-f]{10}-|)[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export class NotFoundError extends Error {}

interface ListPage {
  readonly Applications: readonly { ApplicationId: string; Name: string }[];
  readonly NextToken?: string;
}

/** An application id as it is, or the id of the application of that name (any case). */
export async function applicationIdOf(client: AdminClient, ref: string): Promise<string> {
  if (APPLICATION_ID.test(ref)) return ref;
  let token: string | undefined;
  do {
    const page: ListPage = await client.call<ListPage>('ListApplications', token ? { NextToken: token } : {});
    const hit = page.Applications.find((a) => a.Name.toLowerCase() === ref.toLowerCase());
    if (hit) return hit.ApplicationId;
    token = page.NextToken;
  } while (token);
  throw new NotFoundError(`no application named '${ref}'`);
}

export interface PrincipalRef {
  readonly type: 'USER' | 'GROUP';
  readonly id: string;
}

/** A user or group id as it is, or the id of the user (user name) or group (display name). */
export async function principalIdOf(options: AdminClientOptions, type: 'USER' | 'GROUP', ref: string): Promise<PrincipalRef> {
  if (UUID.test(ref)) return { type, id: ref };
  const config = { endpoint: options.endpoint, region: options.region, credentials: options.credentials, maxAttempts: 1 };
  const { Instances } = await new SSOAdminClient(config).send(new ListInstancesCommand({}));
  const IdentityStoreId = Instances?.[0]?.IdentityStoreId;
  if (!IdentityStoreId) throw new NotFoundError('the server has no identity store');
  const store = new IdentitystoreClient(config);
  try {
    if (type === 'USER') {
      const { UserId } = await store.send(new GetUserIdCommand({ IdentityStoreId, AlternateIdentifier: { UniqueAttribute: { AttributePath: 'userName', AttributeValue: ref } } }));
      return { type, id: UserId! };
    }
    const { GroupId } = await store.send(new GetGroupIdCommand({ IdentityStoreId, AlternateIdentifier: { UniqueAttribute: { AttributePath: 'displayName', AttributeValue: ref } } }));
    return { type, id: GroupId! };
  } catch (e) {
    if ((e as Error).name === 'ResourceNotFoundException') throw new NotFoundError(`no ${type === 'USER' ? 'user' : 'group'} named '${ref}'`);
    throw e;
  }
}
