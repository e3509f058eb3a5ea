// Account assignments: create and delete (queued, with a request id to poll), their statuses,
// and the two lists.

import type { ServiceHandlers } from '../operation.js';
import type { AssignmentInput } from '../../domain/assignments/assignment-requests.js';
import { assignmentShape, assignmentStatusShape, pageRequest, pageShape, statusMetadataShape } from './shapes.js';

const assignmentIn = (input: any): AssignmentInput => ({
  permissionSetArn: input.PermissionSetArn,
  principalType: input.PrincipalType,
  principalId: input.PrincipalId,
  targetType: input.TargetType,
  targetId: input.TargetId,
});

export const ASSIGNMENT_HANDLERS: ServiceHandlers = {
  async CreateAccountAssignment(input, { services }) {
    const job = await services.ssoAdmin.createAccountAssignment(input.InstanceArn, assignmentIn(input));
    return { AccountAssignmentCreationStatus: assignmentStatusShape(job) };
  },
  async DeleteAccountAssignment(input, { services }) {
    const job = await services.ssoAdmin.deleteAccountAssignment(input.InstanceArn, assignmentIn(input));
    return { AccountAssignmentDeletionStatus: assignmentStatusShape(job) };
  },
  async DescribeAccountAssignmentCreationStatus(input, { services }) {
    const job = await services.ssoAdmin.describeAssignmentCreation(input.InstanceArn, input.AccountAssignmentCreationRequestId);
    return { AccountAssignmentCreationStatus: assignmentStatusShape(job) };
  },
  async DescribeAccountAssignmentDeletionStatus(input, { services }) {
    const job = await services.ssoAdmin.describeAssignmentDeletion(input.InstanceArn, input.AccountAssignmentDeletionRequestId);
    return { AccountAssignmentDeletionStatus: assignmentStatusShape(job) };
  },
  async ListAccountAssignmentCreationStatus(input, { services }) {
    const page = await services.ssoAdmin.listAssignmentCreations(input.InstanceArn, input.Filter?.Status, pageRequest(input));
    return pageShape('AccountAssignmentsCreationStatus', page, statusMetadataShape);
  },
  async ListAccountAssignmentDeletionStatus(input, { services }) {
    const page = await services.ssoAdmin.listAssignmentDeletions(input.InstanceArn, input.Filter?.Status, pageRequest(input));
    return pageShape('AccountAssignmentsDeletionStatus', page, statusMetadataShape);
  },
  async ListAccountAssignments(input, { services }) {
    const page = await services.ssoAdmin.listAccountAssignments(input.InstanceArn, input.AccountId, input.PermissionSetArn, pageRequest(input));
    return pageShape('AccountAssignments', page, assignmentShape);
  },
  async ListAccountAssignmentsForPrincipal(input, { services }) {
    const page = await services.ssoAdmin.listAccountAssignmentsForPrincipal(
      input.InstanceArn, input.PrincipalType, input.PrincipalId, input.Filter?.AccountId, pageRequest(input));
    return pageShape('AccountAssignments', page, assignmentShape);
  },
};
