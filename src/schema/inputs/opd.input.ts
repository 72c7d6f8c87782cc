import { Length, Matches } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { OpdKind } from '../../entities/enums';
import { RequiredText } from './text-rules';

@InputType('CreateOpdInput', { description: 'A new regional agency (OPD).' })
export class CreateOpdInput {
  @Field({ description: 'Short code, unique: capitals, digits and dashes.' })
  @Matches(/^[A-Z0-9][A-Z0-9-]{0,39}$/, {
    message: 'code must be 1-40 characters of A-Z, 0-9 and dashes',
  })
  code: string;

  @Field({ description: 'Full name.' })
  @RequiredText(200)
  name: string;

  @Field(() => OpdKind, { description: 'Kind of agency.' })
  kind: OpdKind;

  @Field({ description: 'Name of the head of the OPD.' })
  @RequiredText(200)
  headName: string;
}

@InputType('AssignOpdToMissionInput', { description: 'An OPD and a mission it will serve.' })
export class AssignOpdToMissionInput {
  @Field(() => ID, { description: 'The OPD.' })
  @Length(1, 200)
  opdId: string;

  @Field(() => ID, { description: 'The mission.' })
  @Length(1, 200)
  missionId: string;
}
