import { IsOptional, Length, Matches, MaxLength } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { PASSWORD_LENGTH } from '../../auth/password';
import { Role } from '../../entities/enums';
import { RequiredText, VisibleText } from './text-rules';

@InputType('LoginInput', { description: 'Credentials to sign in with.' })
export class LoginInput {
  @Field({ description: 'Sign-in name.' })
  @Length(1, 80)
  username: string;

  @Field({ description: 'Password.' })
  @Length(1, 200)
  password: string;
}

const PASSWORD_RANGE = `${PASSWORD_LENGTH.min}-${PASSWORD_LENGTH.max}`;

@InputType('CreateUserInput', { description: 'A new user.' })
export class CreateUserInput {
  @Field({
    description: 'Sign-in name: 3-80 lowercase letters, digits, dots, dashes, underscores.',
  })
  @Matches(/^[a-z0-9._-]{3,80}$/, {
    message: 'username must be 3-80 characters of a-z, 0-9, dot, dash or underscore',
  })
  username: string;

  @Field({ description: 'Name shown to other users.' })
  @RequiredText(200)
  displayName: string;

  @Field({ description: `Password, ${PASSWORD_RANGE} characters, not only spaces.` })
  @Length(PASSWORD_LENGTH.min, PASSWORD_LENGTH.max)
  @VisibleText()
  password: string;

  @Field(() => Role, { description: 'Role of the user.' })
  role: Role;

  @Field(() => ID, {
    nullable: true,
    description: 'OPD the user acts for; required for OPD_HEAD and OPD_STAFF, empty otherwise.',
  })
  @IsOptional()
  @MaxLength(200)
  opdId?: string | null;
}
