import { Length, Matches, type ValidationOptions } from 'class-validator';

/**
 * A required free-text field: 1 to `max` characters, at least one of them not a space, so that
 * a name, a note or a data source made of blanks is rejected like an empty one.
 */
export function RequiredText(max: number, options: ValidationOptions = {}): PropertyDecorator {
  const length = Length(1, max, options);
  const notBlank = Matches(/\S/, {
    ...options,
    message: '$property must contain text, not only spaces',
  });
  return (target, property) => {
    length(target, property);
    notBlank(target, property);
  };
}
