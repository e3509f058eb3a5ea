// sso-admin for Gatehouse: permission sets and their policies, account assignments and
// provisioning requests, one method per operation. Writes run in one transaction; a request
// that queues provisioning wakes this process's worker once it has committed (other nodes
// find the job by polling). The rules live in the modules it calls.

import type { Ports } from '../ports.js';
import type { Repositories } from '../store.js';
import type { Instance } from '../instance/instance-repository.js';
import type { ProvisioningJob } from '../provisioning/provisioning-job.js';
import type { Tag } from './permission-set.js';
import type { AccessControlAttribute } from './access-control-attributes.js';
import type { PageRequest } from './page.js';
import { checkInstance, type SsoContext } from './sso-context.js';
import { resourceNotFound } from './errors.js';
import * as sets from './permission-sets.js';
import * as refs from './policy-references.js';
import * as inline from './inline-and-boundary.js';
import * as tags from './resource-tags.js';
import * as attributes from './access-control-attribute-operations.js';
import * as requests from '../assignments/assignment-requests.js';
import * as assignmentLists from '../assignments/assignment-lists.js';
import { provisionPermissionSet } from '../provisioning/provision-permission-set.js';
import { describeJob, listJobs } from '../provisioning/job-status.js';
import * as provisioned from '../provisioning/provisioned-lists.js';

type Arn = string;

export class SsoAdminService {
  private readonly listeners = new Set<() => void>();
  private cachedInstance: Instance | undefined;

  constructor(private readonly ports: Ports) {}

  /** Called after a request that queued provisioning has committed; returns an unsubscribe. */
  onJobQueued(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private async instance(): Promise<Instance> {
    this.cachedInstance ??= await this.ports.store.instance.get();
    if (!this.cachedInstance) throw resourceNotFound('Instance', 'Gatehouse has not been initialized.');
    return this.cachedInstance;
  }

  private async context(instanceArn: Arn | undefined, repos: Repositories = this.ports.store): Promise<SsoContext> {
    const ctx = { repos, instance: await this.instance(), now: this.ports.clock.now(), random: this.ports.random };
    checkInstance(ctx, instanceArn);
    return ctx;
  }

  private async read<T>(instanceArn: Arn | undefined, fn: (ctx: SsoContext) => Promise<T>): Promise<T> {
    return fn(await this.context(instanceArn));
  }

  private async write<T>(instanceArn: Arn | undefined, fn: (ctx: SsoContext) => Promise<T>): Promise<T> {
    await this.context(instanceArn);
    return this.ports.store.transaction(async (tx) => fn(await this.context(instanceArn, tx)));
  }

  private async enqueue(instanceArn: Arn, fn: (ctx: SsoContext) => Promise<ProvisioningJob>): Promise<ProvisioningJob> {
    const job = await this.write(instanceArn, fn);
    if (job.status === 'IN_PROGRESS') for (const l of this.listeners) l();
    return job;
  }

  // Permission sets
  createPermissionSet = (i: Arn, input: sets.CreatePermissionSetInput) => this.write(i, (c) => sets.createPermissionSet(c, input));
  describePermissionSet = (i: Arn, ps: Arn) => this.read(i, (c) => sets.describePermissionSet(c, ps));
  updatePermissionSet = (i: Arn, ps: Arn, input: sets.UpdatePermissionSetInput) => this.write(i, (c) => sets.updatePermissionSet(c, ps, input));
  deletePermissionSet = (i: Arn, ps: Arn) => this.write(i, (c) => sets.deletePermissionSet(c, ps));
  listPermissionSets = (i: Arn, page: PageRequest = {}) => this.read(i, (c) => sets.listPermissionSets(c, page));

  // Policies of a permission set
  attachManagedPolicy = (i: Arn, ps: Arn, policy: Arn) => this.write(i, (c) => refs.attachManagedPolicy(c, ps, policy));
  detachManagedPolicy = (i: Arn, ps: Arn, policy: Arn) => this.write(i, (c) => refs.detachManagedPolicy(c, ps, policy));
  listManagedPolicies = (i: Arn, ps: Arn, page: PageRequest = {}) => this.read(i, (c) => refs.listManagedPolicies(c, ps, page));
  attachCustomerManagedPolicy = (i: Arn, ps: Arn, ref: { name: string; path?: string }) =>
    this.write(i, (c) => refs.attachCustomerManagedPolicy(c, ps, ref));
  detachCustomerManagedPolicy = (i: Arn, ps: Arn, ref: { name: string; path?: string }) =>
    this.write(i, (c) => refs.detachCustomerManagedPolicy(c, ps, ref));
  listCustomerManagedPolicies = (i: Arn, ps: Arn, page: PageRequest = {}) => this.read(i, (c) => refs.listCustomerManagedPolicies(c, ps, page));
  putInlinePolicy = (i: Arn, ps: Arn, document: string) => this.write(i, (c) => inline.putInlinePolicy(c, ps, document));
  getInlinePolicy = (i: Arn, ps: Arn) => this.read(i, (c) => inline.getInlinePolicy(c, ps));
  deleteInlinePolicy = (i: Arn, ps: Arn) => this.write(i, (c) => inline.deleteInlinePolicy(c, ps));
  putPermissionsBoundary = (i: Arn, ps: Arn, b: inline.BoundaryInput) => this.write(i, (c) => inline.putPermissionsBoundary(c, ps, b));
  getPermissionsBoundary = (i: Arn, ps: Arn) => this.read(i, (c) => inline.getPermissionsBoundary(c, ps));
  deletePermissionsBoundary = (i: Arn, ps: Arn) => this.write(i, (c) => inline.deletePermissionsBoundary(c, ps));

  // Tags (InstanceArn is optional on these operations)
  tagResource = (i: Arn | undefined, ps: Arn, t: readonly Tag[]) => this.write(i, (c) => tags.tagResource(c, ps, t));
  untagResource = (i: Arn | undefined, ps: Arn, keys: readonly string[]) => this.write(i, (c) => tags.untagResource(c, ps, keys));
  listTagsForResource = (i: Arn | undefined, ps: Arn, nextToken?: string) => this.read(i, (c) => tags.listTags(c, ps, nextToken));

  // Attributes for access control
  createAccessControlAttributes = (i: Arn, a: readonly AccessControlAttribute[]) => this.write(i, (c) => attributes.createAttributes(c, a));
  describeAccessControlAttributes = (i: Arn) => this.read(i, (c) => attributes.describeAttributes(c));
  updateAccessControlAttributes = (i: Arn, a: readonly AccessControlAttribute[]) => this.write(i, (c) => attributes.updateAttributes(c, a));
  deleteAccessControlAttributes = (i: Arn) => this.write(i, (c) => attributes.deleteAttributes(c));

  // Account assignments
  createAccountAssignment = (i: Arn, input: requests.AssignmentInput) => this.enqueue(i, (c) => requests.createAccountAssignment(c, input));
  deleteAccountAssignment = (i: Arn, input: requests.AssignmentInput) => this.enqueue(i, (c) => requests.deleteAccountAssignment(c, input));
  describeAssignmentCreation = (i: Arn, id: string) => this.read(i, (c) => describeJob(c, 'CREATE_ASSIGNMENT', id));
  describeAssignmentDeletion = (i: Arn, id: string) => this.read(i, (c) => describeJob(c, 'DELETE_ASSIGNMENT', id));
  listAssignmentCreations = (i: Arn, status: string | undefined, page: PageRequest = {}) =>
    this.read(i, (c) => listJobs(c, 'CREATE_ASSIGNMENT', status, page));
  listAssignmentDeletions = (i: Arn, status: string | undefined, page: PageRequest = {}) =>
    this.read(i, (c) => listJobs(c, 'DELETE_ASSIGNMENT', status, page));
  listAccountAssignments = (i: Arn, accountId: string, ps: Arn, page: PageRequest = {}) =>
    this.read(i, (c) => assignmentLists.listAccountAssignments(c, accountId, ps, page));
  listAccountAssignmentsForPrincipal = (i: Arn, type: string, id: string, accountId?: string, page: PageRequest = {}) =>
    this.read(i, (c) => assignmentLists.listAccountAssignmentsForPrincipal(c, type, id, accountId, page));

  // Provisioning
  provisionPermissionSet = (i: Arn, ps: Arn, targetType: string, targetId?: string) =>
    this.enqueue(i, (c) => provisionPermissionSet(c, ps, targetType, targetId));
  describeProvisioning = (i: Arn, id: string) => this.read(i, (c) => describeJob(c, 'PROVISION', id));
  listProvisioning = (i: Arn, status: string | undefined, page: PageRequest = {}) => this.read(i, (c) => listJobs(c, 'PROVISION', status, page));
  listAccountsForProvisionedPermissionSet = (i: Arn, ps: Arn, status?: string, page: PageRequest = {}) =>
    this.read(i, (c) => provisioned.listAccountsForProvisionedPermissionSet(c, ps, status, page));
  listPermissionSetsProvisionedToAccount = (i: Arn, accountId: string, status?: string, page: PageRequest = {}) =>
    this.read(i, (c) => provisioned.listPermissionSetsProvisionedToAccount(c, accountId, status, page));
}
