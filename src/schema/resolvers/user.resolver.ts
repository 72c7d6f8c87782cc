import { Arg, Authorized, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { User } from '../../entities';
import type { Opd } from '../../entities';
import { GraphQLContext, requireActor } from '../context';
import {
  ChangePasswordInput,
  CreateUserInput,
  LoginInput,
  ResetUserPasswordInput,
  SetUserDisabledInput,
} from '../inputs/auth.input';
import {
  ChangePasswordPayload,
  CreateUserPayload,
  LoginPayload,
  ResetUserPasswordPayload,
  SetUserDisabledPayload,
} from '../payloads/payloads';
import { runMutation } from '../mutation';
import { decodeId, decodeOptionalId } from '../relay/global-id';
import { OpdType } from '../types/opd.type';
import { UserType } from '../types/user.type';
import { actorOf } from '../../auth/actor';

@Resolver(() => UserType)
export class UserResolver {
  @Mutation(() => LoginPayload, {
    description:
      'Signs in with username and password and returns a bearer token. Wrong credentials are ' +
      'a top-level UNAUTHENTICATED error that does not say which part was wrong. After ' +
      'repeated failures for a username or from an address, attempts are rejected with ' +
      'TOO_MANY_REQUESTS until a growing delay has passed.',
  })
  async login(
    @Arg('input', () => LoginInput, { description: 'Input of the mutation.' }) input: LoginInput,
    @Ctx() context: GraphQLContext,
  ): Promise<LoginPayload> {
    const { users, unitOfWork, loginThrottle } = context.services;
    const attempt = { username: input.username, clientAddress: context.clientAddress };
    const result = await loginThrottle.attempt(attempt, () =>
      unitOfWork.run(
        null,
        'login',
        { username: input.username },
        (manager) => users.login(manager, input.username, input.password),
        ({ user }) => ({ entity: user, actor: actorOf(user) }),
      ),
    );
    return { token: result.token, expiresAt: result.expiresAt, user: result.user, userErrors: [] };
  }

  @Authorized()
  @Query(() => UserType, { description: 'The signed-in user.' })
  me(@Ctx() context: GraphQLContext): Promise<User | null> {
    return context.loaders.user.load(requireActor(context).id);
  }

  @Authorized()
  @Mutation(() => CreateUserPayload, { description: 'Creates a user (ADMIN).' })
  createUser(
    @Arg('input', () => CreateUserInput, { description: 'Input of the mutation.' })
    input: CreateUserInput,
    @Ctx() context: GraphQLContext,
  ): Promise<CreateUserPayload> {
    const opdId = decodeOptionalId(input.opdId, 'Opd', 'opdId');
    return runMutation(context, {
      action: 'createUser',
      input,
      work: (manager, actor) =>
        context.services.users.createUser(manager, actor, {
          username: input.username,
          displayName: input.displayName,
          password: input.password,
          role: input.role,
          opdId,
        }),
      toPayload: (user) => ({ user }),
      emptyPayload: { user: null },
    });
  }

  @Authorized()
  @Mutation(() => SetUserDisabledPayload, {
    description:
      'Disables or enables a user (ADMIN). A disabled user cannot sign in, and the tokens it ' +
      'holds stop working at once. Disabling your own account or the last enabled ADMIN is a ' +
      'CONFLICT, so that someone can always manage users.',
  })
  async setUserDisabled(
    @Arg('input', () => SetUserDisabledInput, { description: 'Input of the mutation.' })
    input: SetUserDisabledInput,
    @Ctx() context: GraphQLContext,
  ): Promise<SetUserDisabledPayload> {
    const userId = decodeId(input.userId, 'User', 'userId');
    const payload = await runMutation(context, {
      action: 'setUserDisabled',
      input,
      work: (manager, actor) =>
        context.services.accounts.setUserDisabled(manager, actor, userId, input.disabled),
      toPayload: (user) => ({ user }),
      emptyPayload: { user: null },
    });
    if (payload.user) {
      const message = input.disabled ? 'user disabled' : 'user enabled';
      context.log.info({ targetUserId: userId, reason: input.reason }, message);
    }
    return payload;
  }

  @Authorized()
  @Mutation(() => ChangePasswordPayload, {
    description:
      "Changes the signed-in user's password and returns a new token. Every token issued " +
      'before the change, including the one sent with this request, stops working. A wrong ' +
      'currentPassword is a user error. Wrong current passwords count as failed sign-ins for ' +
      'the username and the address, so repeated ones are rejected with TOO_MANY_REQUESTS like ' +
      'login attempts.',
  })
  async changePassword(
    @Arg('input', () => ChangePasswordInput, { description: 'Input of the mutation.' })
    input: ChangePasswordInput,
    @Ctx() context: GraphQLContext,
  ): Promise<ChangePasswordPayload> {
    const { accounts, loginThrottle } = context.services;
    const payload = await runMutation(context, {
      action: 'changePassword',
      input,
      work: (manager, actor) =>
        loginThrottle.attempt(
          { username: actor.username, clientAddress: context.clientAddress },
          () => accounts.changePassword(manager, actor, input),
        ),
      toPayload: ({ token, expiresAt, user }) => ({ token, expiresAt, user }),
      emptyPayload: { token: null, expiresAt: null, user: null },
      describe: (result) => ({ entity: result.user }),
    });
    if (payload.user) {
      context.log.info({ targetUserId: payload.user.id }, 'password changed');
    }
    return payload;
  }

  @Authorized()
  @Mutation(() => ResetUserPasswordPayload, {
    description:
      "Sets another user's password (ADMIN), for a user who forgot theirs. Every token the " +
      'user was issued before stops working; a disabled user stays disabled. Change your own ' +
      'password with changePassword.',
  })
  async resetUserPassword(
    @Arg('input', () => ResetUserPasswordInput, { description: 'Input of the mutation.' })
    input: ResetUserPasswordInput,
    @Ctx() context: GraphQLContext,
  ): Promise<ResetUserPasswordPayload> {
    const userId = decodeId(input.userId, 'User', 'userId');
    const payload = await runMutation(context, {
      action: 'resetUserPassword',
      input,
      work: (manager, actor) =>
        context.services.accounts.resetUserPassword(manager, actor, userId, input.newPassword),
      toPayload: (user) => ({ user }),
      emptyPayload: { user: null },
    });
    if (payload.user) {
      context.log.info({ targetUserId: userId }, 'password reset');
    }
    return payload;
  }

  @FieldResolver(() => OpdType, { nullable: true, description: 'OPD of an OPD role.' })
  opd(@Root() user: User, @Ctx() context: GraphQLContext): Promise<Opd | null> | null {
    return user.opdId === null ? null : context.loaders.opd.load(user.opdId);
  }
}
