// sso-admin ListInstances and DescribeInstance: the one Identity Center instance of this
// installation, owned by the management account.

import type { ServiceHandlers } from '../operation.js';
import type { Instance } from '../../domain/instance/instance-repository.js';
import { invalid, notFound } from '../../lib/errors.js';

const instanceShape = (i: Instance) => ({
  InstanceArn: i.instanceArn,
  IdentityStoreId: i.identityStoreId,
  OwnerAccountId: i.ownerAccountId,
  Name: i.name,
  CreatedDate: new Date(i.createdAt),
  Status: i.status,
});

const MAX_RESULTS = 100;

export const SSO_ADMIN_INSTANCE_HANDLERS: ServiceHandlers = {
  ListInstances: async (input, { services }) => {
    if (input.MaxResults !== undefined && (input.MaxResults < 1 || input.MaxResults > MAX_RESULTS)) {
      throw invalid('MaxResults', `MaxResults must be between 1 and ${MAX_RESULTS}.`);
    }
    // One instance: a single page, so any NextToken we could have issued does not exist.
    if (input.NextToken !== undefined) throw invalid('NextToken', 'The NextToken value is not valid.');
    const instance = await services.ports.store.instance.get();
    return { Instances: instance ? [instanceShape(instance)] : [] };
  },
  DescribeInstance: async (input, { services }) => {
    const instance = await services.ports.store.instance.get();
    if (!instance || instance.instanceArn !== input.InstanceArn) {
      throw notFound('Instance', `Instance ${input.InstanceArn} does not exist.`);
    }
    return instanceShape(instance);
  },
};
