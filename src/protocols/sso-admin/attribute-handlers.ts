// The instance's attributes for access control.

import type { ServiceHandlers } from '../operation.js';
import type { AccessControlAttribute } from '../../domain/permission-sets/access-control-attributes.js';

const attributesIn = (config: any): AccessControlAttribute[] =>
  (config.AccessControlAttributes as { Key: string; Value: { Source: string[] } }[]).map((a) => ({ key: a.Key, source: a.Value.Source }));

export const ATTRIBUTE_HANDLERS: ServiceHandlers = {
  async CreateInstanceAccessControlAttributeConfiguration(input, { services }) {
    await services.ssoAdmin.createAccessControlAttributes(input.InstanceArn, attributesIn(input.InstanceAccessControlAttributeConfiguration));
    return {};
  },
  async DescribeInstanceAccessControlAttributeConfiguration(input, { services }) {
    const config = await services.ssoAdmin.describeAccessControlAttributes(input.InstanceArn);
    return {
      Status: config.status,
      InstanceAccessControlAttributeConfiguration: {
        AccessControlAttributes: config.attributes.map((a) => ({ Key: a.key, Value: { Source: [...a.source] } })),
      },
    };
  },
  async UpdateInstanceAccessControlAttributeConfiguration(input, { services }) {
    await services.ssoAdmin.updateAccessControlAttributes(input.InstanceArn, attributesIn(input.InstanceAccessControlAttributeConfiguration));
    return {};
  },
  async DeleteInstanceAccessControlAttributeConfiguration(input, { services }) {
    await services.ssoAdmin.deleteAccessControlAttributes(input.InstanceArn);
    return {};
  },
};
