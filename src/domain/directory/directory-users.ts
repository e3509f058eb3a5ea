// Directory users are the identity store's users: found by id, or by user name (compared
// without regard to case, as the identity store does), in this installation's identity store.

import { GatehouseError, invalid, notFound } from '../../lib/errors.js';
import type { User } from '../identity-store/user.js';
import type { Ports } from '../ports.js';

export interface DirectoryUser {
  readonly userId: string;
  readonly userName: string;
  readonly identityStoreId: string;
}

/** How an administrator names a user: one of the two. */
export interface UserReference {
  readonly userId?: string;
  readonly userName?: string;
}

const toDirectoryUser = (u: User): DirectoryUser => ({
  userId: u.userId,
  userName: u.profile.UserName ?? '',
  identityStoreId: u.identityStoreId,
});

export class DirectoryUsers {
  private identityStoreId: string | undefined;

  constructor(private readonly ports: Ports) {}

  /** The instance never changes once created, so its identity store id is read once. */
  private async storeId(): Promise<string> {
    if (this.identityStoreId) return this.identityStoreId;
    const instance = await this.ports.store.instance.get();
    if (!instance) throw new GatehouseError('InvalidState', 'Gatehouse has not been initialized.');
    return (this.identityStoreId = instance.identityStoreId);
  }

  async findById(userId: string): Promise<DirectoryUser | undefined> {
    const user = await this.ports.store.identityStore.getUser(await this.storeId(), userId);
    return user && toDirectoryUser(user);
  }

  async findByName(userName: string): Promise<DirectoryUser | undefined> {
    const storeId = await this.storeId();
    const [userId] = await this.ports.store.identityStore.findUserIds(storeId, { kind: 'userName', value: userName }, 1);
    return userId === undefined ? undefined : this.findById(userId);
  }

  async get(userId: string): Promise<DirectoryUser> {
    const user = await this.findById(userId);
    if (!user) throw notFound('User', `User ${userId} does not exist.`, { resourceId: userId });
    return user;
  }

  /** The user an administrator named by `UserId` or `UserName` (exactly one of them). */
  async resolve(ref: UserReference): Promise<DirectoryUser> {
    if ((ref.userId === undefined) === (ref.userName === undefined)) {
      throw invalid('UserId', 'Name the user by exactly one of UserId and UserName.');
    }
    if (ref.userId !== undefined) return this.get(ref.userId);
    const user = await this.findByName(ref.userName!);
    if (!user) throw notFound('User', `User ${ref.userName} does not exist.`, { resourceId: ref.userName });
    return user;
  }
}
