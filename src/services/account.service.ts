import { type EntityManager } from 'typeorm';
import type { Actor } from '../auth/actor';
import { hashPassword, isSamePassword, verifyPassword } from '../auth/password';
import { passwordChangedAtFor } from '../auth/password-change';
import { requireRole } from '../auth/permissions';
import { type IssuedToken, issueUserToken, type TokenSettings } from '../auth/token';
import { User } from '../entities';
import { Role } from '../entities/enums';
import {
  BusinessRuleError,
  ConflictError,
  IncorrectPasswordError,
  NotFoundError,
} from '../errors/app-errors';
import { findOrFail, lockForUpdate } from './repository-helpers';

/** A signed-in user's change of their own password; both passwords are plain text here. */
export interface PasswordChange {
  currentPassword: string;
  newPassword: string;
}

/** The user after a password change, with a bearer token that the change does not end. */
export interface PasswordChangeResult extends IssuedToken {
  user: User;
}

/** The user after an operator set its password, and whether that also enabled the user. */
export interface OperatorPasswordResult {
  user: User;
  enabled: boolean;
}

/**
 * Account state of existing users: disabling and enabling, and password changes and resets.
 * Every password change stores a new passwordChangedAt, which ends the tokens issued before it.
 */
export class AccountService {
  constructor(private readonly tokens: TokenSettings) {}

  /**
   * Disables or enables a user (ADMIN). Disabling ends the user's tokens at once. An
   * administrator cannot disable their own account, nor the last enabled ADMIN, so that someone
   * can always manage users. Setting the state a user already has changes nothing.
   */
  async setUserDisabled(
    manager: EntityManager,
    actor: Actor,
    userId: number,
    disabled: boolean,
  ): Promise<User> {
    requireRole(actor, [Role.ADMIN], 'disable or enable users');
    // Locking the enabled administrators before the user, in id order, makes two administrators
    // who disable each other at the same time wait for one another. The second one then reads the
    // first one's change in the check below.
    const enabledAdmins = disabled ? await lockEnabledAdmins(manager) : [];
    const user = await findOrFail(manager, User, userId, 'userId', { lock: true });
    if (disabled && !user.disabled) {
      if (user.id === actor.id) {
        throw new ConflictError(
          'You cannot disable your own account: another ADMIN must disable it',
          'userId',
        );
      }
      const otherAdmins = enabledAdmins.filter((admin) => admin.id !== user.id);
      if (user.role === Role.ADMIN && otherAdmins.length === 0) {
        throw new ConflictError(
          `User "${user.username}" is the last enabled ADMIN and cannot be disabled, because ` +
            'nobody could manage users then: enable or create another ADMIN first',
          'userId',
        );
      }
    }
    user.disabled = disabled;
    return manager.save(user);
  }

  /**
   * Changes the signed-in user's own password after checking the current one, and returns a
   * token issued after the change so that the caller stays signed in. A wrong current password
   * throws IncorrectPasswordError, whose message states only that it is incorrect.
   */
  async changePassword(
    manager: EntityManager,
    actor: Actor,
    change: PasswordChange,
  ): Promise<PasswordChangeResult> {
    const user = await findOrFail(manager, User, actor.id, 'currentPassword', { lock: true });
    if (!(await verifyPassword(change.currentPassword, user.passwordHash))) {
      throw new IncorrectPasswordError('currentPassword is incorrect', 'currentPassword');
    }
    if (isSamePassword(change.newPassword, change.currentPassword)) {
      throw new BusinessRuleError(
        'newPassword must differ from the current password',
        'newPassword',
      );
    }
    await storePassword(manager, user, change.newPassword);
    return { ...issueUserToken(user, this.tokens), user };
  }

  /**
   * Sets another user's password (ADMIN), for a user who forgot theirs. It ends the user's
   * tokens but leaves a disabled user disabled. Administrators change their own password with
   * changePassword, which requires the current one.
   */
  async resetUserPassword(
    manager: EntityManager,
    actor: Actor,
    userId: number,
    newPassword: string,
  ): Promise<User> {
    requireRole(actor, [Role.ADMIN], 'reset passwords');
    if (userId === actor.id) {
      throw new BusinessRuleError(
        'userId is your own account: change your own password with changePassword, which asks ' +
          'for the current one',
        'userId',
      );
    }
    const user = await findOrFail(manager, User, userId, 'userId', { lock: true });
    await storePassword(manager, user, newPassword);
    return user;
  }

  /**
   * Sets a user's password on behalf of the server's operator, who runs the user:set-password
   * command with access to the database, such as when no administrator can sign in. With
   * `enable` a disabled user is enabled as well.
   */
  async setPasswordAsOperator(
    manager: EntityManager,
    username: string,
    newPassword: string,
    enable: boolean,
  ): Promise<OperatorPasswordResult> {
    const found = await manager.findOne(User, {
      where: { username },
      ...lockForUpdate(manager),
    });
    // MySQL's default collation also matches usernames that differ in case or trailing spaces.
    if (!found || found.username !== username) {
      throw new NotFoundError(
        `no user has the username "${username}": give the exact sign-in name, which is ` +
          'case-sensitive',
        'username',
      );
    }
    const enabled = enable && found.disabled;
    if (enabled) {
      found.disabled = false;
    }
    await storePassword(manager, found, newPassword);
    return { user: found, enabled };
  }
}

/** Returns the enabled ADMIN users by id, locked for update on MySQL and MariaDB. */
function lockEnabledAdmins(manager: EntityManager): Promise<User[]> {
  return manager.find(User, {
    where: { role: Role.ADMIN, disabled: false },
    order: { id: 'ASC' },
    ...lockForUpdate(manager),
  });
}

/** Stores the hash of a new password and the time that ends the user's earlier tokens. */
async function storePassword(manager: EntityManager, user: User, password: string): Promise<void> {
  user.passwordHash = await hashPassword(password);
  user.passwordChangedAt = passwordChangedAtFor(user.passwordChangedAt);
  await manager.save(user);
}
