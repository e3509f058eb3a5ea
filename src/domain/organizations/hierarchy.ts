// Reading the tree: the organization, parents (a root or an OU), children, and policy targets.

import type { OrganizationsRepository } from './organizations-repository.js';
import type { Account, Organization, OrganizationalUnit, ParentType, Root, TargetType } from './model.js';
import { notFound, organizationNotInUse } from './errors.js';

export type Parent =
  | { readonly type: 'ROOT'; readonly id: string; readonly root: Root }
  | { readonly type: 'ORGANIZATIONAL_UNIT'; readonly id: string; readonly ou: OrganizationalUnit };

export interface Target {
  readonly type: TargetType;
  readonly id: string;
  readonly arn: string;
  readonly name: string;
}

/** The most OU levels below the root (the root is not counted). */
export const MAX_OU_DEPTH = 5;

export async function requireOrganization(repo: OrganizationsRepository): Promise<Organization> {
  const org = await repo.getOrganization();
  if (!org) throw organizationNotInUse();
  return org;
}

export const parentTypeOf = (id: string): ParentType => (id.startsWith('r-') ? 'ROOT' : 'ORGANIZATIONAL_UNIT');

/** The root or OU `id`, or undefined. */
export async function findParent(repo: OrganizationsRepository, id: string): Promise<Parent | undefined> {
  if (id.startsWith('r-')) {
    const root = await repo.getRoot(id);
    return root && { type: 'ROOT', id, root };
  }
  if (id.startsWith('ou-')) {
    const ou = await repo.getOrganizationalUnit(id);
    return ou && { type: 'ORGANIZATIONAL_UNIT', id, ou };
  }
  return undefined;
}

/** The root or OU `id`; NotFound with the given resource (Parent, SourceParent, ...) otherwise. */
export async function requireParent(repo: OrganizationsRepository, id: string, resource = 'Parent'): Promise<Parent> {
  const parent = await findParent(repo, id);
  if (!parent) throw notFound(resource, `We can't find a root or OU with the id ${id}.`);
  return parent;
}

export async function requireAccount(repo: OrganizationsRepository, id: string): Promise<Account> {
  const account = await repo.getAccount(id);
  if (!account) throw notFound('Account', `We can't find an account with the id ${id}.`);
  return account;
}

export async function requireOrganizationalUnit(repo: OrganizationsRepository, id: string): Promise<OrganizationalUnit> {
  const ou = await repo.getOrganizationalUnit(id);
  if (!ou) throw notFound('OrganizationalUnit', `We can't find an organizational unit with the id ${id}.`);
  return ou;
}

export async function requireRoot(repo: OrganizationsRepository, id: string): Promise<Root> {
  const root = await repo.getRoot(id);
  if (!root) throw notFound('Root', `We can't find a root with the id ${id}.`);
  return root;
}

/** A root, OU or account by id; NotFound `Target` otherwise. */
export async function requireTarget(repo: OrganizationsRepository, id: string): Promise<Target> {
  if (/^\d{12}$/.test(id)) {
    const a = await repo.getAccount(id);
    if (a) return { type: 'ACCOUNT', id, arn: a.arn, name: a.name };
  } else {
    const p = await findParent(repo, id);
    if (p?.type === 'ROOT') return { type: 'ROOT', id, arn: p.root.arn, name: p.root.name };
    if (p?.type === 'ORGANIZATIONAL_UNIT') return { type: 'ORGANIZATIONAL_UNIT', id, arn: p.ou.arn, name: p.ou.name };
  }
  throw notFound('Target', `We can't find a root, OU or account with the id ${id}.`);
}

/** The parents of `parentId` and `parentId` itself, root first. */
export async function pathFromRoot(repo: OrganizationsRepository, parentId: string): Promise<Parent[]> {
  const path: Parent[] = [];
  let id: string | undefined = parentId;
  while (id !== undefined) {
    const p = await requireParent(repo, id);
    path.unshift(p);
    id = p.type === 'ORGANIZATIONAL_UNIT' ? p.ou.parentId : undefined;
    if (path.length > MAX_OU_DEPTH + 1) throw new Error(`The organization tree has a cycle at ${parentId}.`);
  }
  return path;
}

/** The root the organization has (Gatehouse, like AWS, has exactly one). */
export async function requireTheRoot(repo: OrganizationsRepository): Promise<Root> {
  const [root] = await repo.listRoots();
  if (!root) throw organizationNotInUse();
  return root;
}
