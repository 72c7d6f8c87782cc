import { InvalidInputError } from '../../../src/errors/app-errors';
import { decodeId, toGlobalId } from '../../../src/schema/relay/global-id';

describe('decodeId', () => {
  test('returns the database id', () => {
    expect(decodeId(toGlobalId('Contract', 7), 'Contract', 'contractId')).toBe(7);
  });

  test.each([
    ['Opd', 'Contract', 'contractId is the ID of an Opd, but a Contract ID is required'],
    [
      'Contract',
      'Evaluation',
      'evaluationId is the ID of a Contract, but an Evaluation ID is required',
    ],
    ['User', 'Indicator', 'indicatorId is the ID of a User, but an Indicator ID is required'],
  ])('names %s given for %s with the right article', (given, wanted, message) => {
    const field = `${wanted.charAt(0).toLowerCase()}${wanted.slice(1)}Id`;
    expect(() => decodeId(toGlobalId(given, 1), wanted, field)).toThrow(
      new InvalidInputError(message, field),
    );
  });

  test('rejects text that is no ID', () => {
    expect(() => decodeId('x', 'Opd', 'opdId')).toThrow(
      'opdId "x" is not a valid ID: use the id field of an Opd',
    );
  });
});
