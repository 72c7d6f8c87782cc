import { Field, ObjectType } from 'type-graphql';
import type { Contract, Signature } from '../../entities';
import { ContractType } from './contract.type';
import { SignatureType } from './signature.type';

@ObjectType('ContractVerification', {
  description:
    'Check of a contract against its signatures: the content hash recomputed from the clauses ' +
    'as stored now, compared with what each party signed.',
})
export class ContractVerificationType {
  @Field(() => ContractType, { description: 'The contract checked.' })
  contract: Contract;

  @Field({ description: 'Whether the stored hash and every signature match the clauses.' })
  intact: boolean;

  @Field({ description: 'SHA-256 of the canonical clauses as stored now.' })
  computedHash: string;

  @Field(() => String, {
    nullable: true,
    description: 'Hash fixed by the first signature; null before anyone signed.',
  })
  storedHash: string | null;

  @Field(() => [SignatureType], { description: 'Every signature of the contract.' })
  signatures: Signature[];

  @Field(() => [SignatureType], {
    description: 'Signatures whose signed hash no longer matches the clauses.',
  })
  mismatchedSignatures: Signature[];
}
