import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { Contract, Signature, User } from '../../entities';
import { GraphQLContext } from '../context';
import { ContractType } from '../types/contract.type';
import { SignatureType } from '../types/signature.type';
import { UserType } from '../types/user.type';

@Resolver(() => SignatureType)
export class SignatureResolver {
  @FieldResolver(() => ContractType, { description: 'Contract version signed.' })
  async contract(@Root() signature: Signature, @Ctx() context: GraphQLContext): Promise<Contract> {
    return (await context.loaders.contract.load(signature.contractId)) as Contract;
  }

  @FieldResolver(() => UserType, { nullable: true, description: 'User who signed.' })
  user(@Root() signature: Signature, @Ctx() context: GraphQLContext): Promise<User | null> {
    return context.loaders.user.load(signature.userId);
  }
}
