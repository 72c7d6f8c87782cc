import { IsOptional, Length, Matches, MaxLength } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { PASSWORD_LENGTH, PASSWORD_RANGE } from '../../auth/password';
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

/** Rules of every new password: PASSWORD_LENGTH, and not only spaces. */
export function NewPassword(): PropertyDecorator {
  const rules = [Length(PASSWORD_LENGTH.min, PASSWORD_LENGTH.max), VisibleText()];
  return (target, property) => {
    for (const rule of rules) {
      rule(target, property);
    }
  };
}

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
  @NewPassword()
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

@InputType('SetUserDisabledInput', { description: 'A user to disable or enable.' })
export class SetUserDisabledInput {
  @Field(() => ID, { description: 'User to disable or enable; not the caller when disabling.' })
  @Length(1, 200)
  userId: string;

  @Field(() => Boolean, {
    description: 'True to disable the user, false to enable the user again.',
  })
  disabled: boolean;

  @Field({
    description:
      'Why the user is disabled or enabled, 1-500 characters. The server log keeps it; the ' +
      'audit event keeps a digest of the input.',
  })
  @RequiredText(500)
  reason: string;
}

@InputType('ChangePasswordInput', { description: "The signed-in user's new password." })
export class ChangePasswordInput {
  @Field({ description: 'Current password of the signed-in user.' })
  @Length(1, 200)
  currentPassword: string;

  @Field({
    description: `New password, ${PASSWORD_RANGE} characters, not only spaces, not the current one.`,
  })
  @NewPassword()
  newPassword: string;
}

@InputType('ResetUserPasswordInput', { description: 'A new password for another user.' })
export class ResetUserPasswordInput {
  @Field(() => ID, { description: 'User whose password is reset; not the caller.' })
  @Length(1, 200)
  userId: string;

  @Field({ description: `New password, ${PASSWORD_RANGE} characters, not only spaces.` })
  @NewPassword()
  newPassword: string;
}
