import { Directive, Field, ObjectType } from 'type-graphql';
import { OpdKind } from '../../entities/enums';
import { NodeInterface } from '../relay/node.interface';

@Directive('@key(fields: "id")')
@ObjectType('Opd', {
  implements: NodeInterface,
  description: 'Regional agency (OPD, Organisasi Perangkat Daerah); kecamatan included.',
})
export class OpdType extends NodeInterface {
  @Field({ description: 'Short code, unique, for example "DINKES".' })
  code: string;

  @Field({ description: 'Full name, for example "Dinas Kesehatan".' })
  name: string;

  @Field(() => OpdKind, { description: 'Kind of agency.' })
  kind: OpdKind;

  @Field({ description: 'Name of the head of the OPD (kepala).' })
  headName: string;
}
