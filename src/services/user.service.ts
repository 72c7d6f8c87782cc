import { type DataSource, type EntityManager } from 'typeorm';
import { type Actor, actorOf, isOpdRole } from '../auth/actor';
import { hashForUnknownUser, hashPassword, verifyPassword } from '../auth/password';
import { isIssuedBeforePasswordChange } from '../auth/password-change';
import { requireRole } from '../auth/permissions';
import { type IssuedToken, issueUserToken, type TokenSettings } from '../auth/token';
import { Role } from '../entities/enums';
import { Opd, User } from '../entities';
import { BusinessRuleError, ConflictError, UnauthenticatedError } from '../errors/app-errors';
import { findOrFail, translateUniqueViolation } from './repository-helpers';

/** Fields of a new user; the password is plain text here and hashed before storage. */
export interface CreateUserData {
  username: string;
  displayName: string;
  password: string;
  role: Role;
  opdId: number | null;
}

/** A successful sign-in. */
export interface LoginResult extends IssuedToken {
  user: User;
}

/** Message for every failed sign-in, so a response never tells whether a username exists. */
const LOGIN_FAILED = 'Invalid username or password';

/** Users, sign-in and the actor behind a token. */
export class UserService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly tokens: TokenSettings,
  ) {}

  /**
   * Checks a username and password and issues a bearer token. Unknown users, wrong passwords
   * and disabled users all fail with the same UNAUTHENTICATED message and a comparable delay.
   */
  async login(manager: EntityManager, username: string, password: string): Promise<LoginResult> {
    // MySQL's default collation compares case- and trailing-space-insensitively; usernames
    // must match exactly on every database.
    const found = await manager.findOne(User, { where: { username } });
    const user = found?.username === username ? found : null;
    const valid = await verifyPassword(
      password,
      user?.passwordHash ?? (await hashForUnknownUser()),
    );
    if (!user || !valid || user.disabled) {
      throw new UnauthenticatedError(LOGIN_FAILED);
    }
    return { ...issueUserToken(user, this.tokens), user };
  }

  /** Creates a user (ADMIN). OPD roles need an OPD; other roles must not have one. */
  async createUser(manager: EntityManager, actor: Actor, data: CreateUserData): Promise<User> {
    requireRole(actor, [Role.ADMIN], 'create users');
    return this.insertUser(manager, data);
  }

  /**
   * Creates a user on behalf of the server's operator, who runs the user:create command with
   * access to the database but may have no account yet, as for the first administrator. The
   * rules are those of createUser apart from the role check.
   */
  createUserAsOperator(manager: EntityManager, data: CreateUserData): Promise<User> {
    return this.insertUser(manager, data);
  }

  private async insertUser(manager: EntityManager, data: CreateUserData): Promise<User> {
    if (isOpdRole(data.role) && data.opdId === null) {
      throw new BusinessRuleError(`opdId is required for role ${data.role}`, 'opdId');
    }
    if (!isOpdRole(data.role) && data.opdId !== null) {
      throw new BusinessRuleError(`opdId must be empty for role ${data.role}`, 'opdId');
    }
    if (data.opdId !== null) {
      await findOrFail(manager, Opd, data.opdId, 'opdId');
    }

    const user = manager.create(User, {
      username: data.username,
      displayName: data.displayName,
      passwordHash: await hashPassword(data.password),
      role: data.role,
      opdId: data.opdId,
      disabled: false,
      createdAt: new Date(),
      passwordChangedAt: null,
    });
    return translateUniqueViolation(
      () => manager.save(user),
      () => new ConflictError(`username "${data.username}" is already taken`, 'username'),
    );
  }

  /**
   * Returns the actor behind a verified token issued at `issuedAt` (iat, seconds). A user who
   * was deleted or disabled after the token was issued is rejected, so disabling takes effect at
   * once, and so is a token issued before the user's password last changed. Only the token's
   * holder learns that the account is disabled, while login keeps failing with LOGIN_FAILED.
   */
  async loadActor(userId: number, issuedAt: number): Promise<Actor> {
    const user = await this.dataSource.manager.findOne(User, { where: { id: userId } });
    if (!user) {
      throw new UnauthenticatedError(
        'The bearer token belongs to a user that no longer exists: sign in with another account',
      );
    }
    if (user.disabled) {
      throw new UnauthenticatedError(
        'The account of this bearer token is disabled: contact an administrator to enable it',
      );
    }
    if (isIssuedBeforePasswordChange(issuedAt, user.passwordChangedAt)) {
      throw new UnauthenticatedError(
        'The bearer token was issued before the password of its account changed: sign in ' +
          'again with login',
      );
    }
    return actorOf(user);
  }
}
