// Permission sets and their tags: Create, Describe, Update, Delete, List, TagResource,
// UntagResource, ListTagsForResource.

import type { ServiceHandlers } from '../operation.js';
import { pageRequest, pageShape, permissionSetShape, tagShape, tagsIn } from './shapes.js';

export const PERMISSION_SET_HANDLERS: ServiceHandlers = {
  async CreatePermissionSet(input, { services }) {
    const ps = await services.ssoAdmin.createPermissionSet(input.InstanceArn, {
      name: input.Name,
      description: input.Description,
      sessionDuration: input.SessionDuration,
      relayState: input.RelayState,
      tags: tagsIn(input.Tags),
    });
    return { PermissionSet: permissionSetShape(ps) };
  },
  async DescribePermissionSet(input, { services }) {
    return { PermissionSet: permissionSetShape(await services.ssoAdmin.describePermissionSet(input.InstanceArn, input.PermissionSetArn)) };
  },
  async UpdatePermissionSet(input, { services }) {
    await services.ssoAdmin.updatePermissionSet(input.InstanceArn, input.PermissionSetArn, {
      description: input.Description,
      sessionDuration: input.SessionDuration,
      relayState: input.RelayState,
    });
    return {};
  },
  async DeletePermissionSet(input, { services }) {
    await services.ssoAdmin.deletePermissionSet(input.InstanceArn, input.PermissionSetArn);
    return {};
  },
  async ListPermissionSets(input, { services }) {
    return pageShape('PermissionSets', await services.ssoAdmin.listPermissionSets(input.InstanceArn, pageRequest(input)));
  },
  async TagResource(input, { services }) {
    await services.ssoAdmin.tagResource(input.InstanceArn, input.ResourceArn, tagsIn(input.Tags));
    return {};
  },
  async UntagResource(input, { services }) {
    await services.ssoAdmin.untagResource(input.InstanceArn, input.ResourceArn, input.TagKeys);
    return {};
  },
  async ListTagsForResource(input, { services }) {
    return pageShape('Tags', await services.ssoAdmin.listTagsForResource(input.InstanceArn, input.ResourceArn, input.NextToken), tagShape);
  },
};
