import { Arg, Authorized, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { User } from '../../entities';
import type { Opd } from '../../entities';
import { GraphQLContext, requireActor } from '../context';
import { CreateUserInput, LoginInput } from '../inputs/auth.input';
import { CreateUserPayload, LoginPayload } from '../payloads/payloads';
import { runMutation } from '../mutation';
import { decodeOptionalId } from '../relay/global-id';
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

  @FieldResolver(() => OpdType, { nullable: true, description: 'OPD of an OPD role.' })
  opd(@Root() user: User, @Ctx() context: GraphQLContext): Promise<Opd | null> | null {
    return user.opdId === null ? null : context.loaders.opd.load(user.opdId);
  }
}
