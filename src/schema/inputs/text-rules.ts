import { Length, ValidateBy, type ValidationOptions } from 'class-validator';
import { hasVisibleCharacter, isStorableText } from '../../rules/text-rules';

/** Text free of control characters and broken surrogate pairs; null and undefined pass. */
export function StorableText(options: ValidationOptions = {}): PropertyDecorator {
  return ValidateBy(
    {
      name: 'storableText',
      validator: {
        validate: (value: unknown) => typeof value !== 'string' || isStorableText(value),
        defaultMessage: () =>
          '$property contains a control character or a broken Unicode character; remove it',
      },
    },
    options,
  );
}

/** Text with at least one character that shows: not only spaces or invisible characters. */
export function VisibleText(options: ValidationOptions = {}): PropertyDecorator {
  return ValidateBy(
    {
      name: 'visibleText',
      validator: {
        validate: (value: unknown) => typeof value === 'string' && hasVisibleCharacter(value),
        defaultMessage: () =>
          '$property must contain text, not only spaces or invisible characters',
      },
    },
    options,
  );
}

/**
 * Requires free text of 1 to `max` characters with at least one that shows, so that a name, a
 * note or a data source made of blanks is rejected like an empty one. The spreadsheet import
 * checks the same rules with requiredTextProblem.
 */
export function RequiredText(max: number, options: ValidationOptions = {}): PropertyDecorator {
  const rules = [Length(1, max, options), VisibleText(options), StorableText(options)];
  return (target, property) => {
    for (const rule of rules) {
      rule(target, property);
    }
  };
}
