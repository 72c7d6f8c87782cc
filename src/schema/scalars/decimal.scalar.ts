import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';
import { decimalLimitProblem } from '../../rules/decimal-limits';
import { Dec } from '../../scoring/decimal';

/** Longest text read as a decimal: longer input is rejected before parsing. */
const MAX_LENGTH = 40;

function parseDecimal(value: unknown): string {
  const text = typeof value === 'number' && Number.isFinite(value) ? String(value) : value;
  const problem =
    typeof text !== 'string'
      ? 'is not a decimal number'
      : text.length > MAX_LENGTH
        ? `is longer than ${MAX_LENGTH} characters`
        : decimalLimitProblem(text);
  if (problem) {
    const shown = typeof value === 'string' ? `"${value.slice(0, MAX_LENGTH)}"` : describe(value);
    throw new GraphQLError(`Decimal ${shown} ${problem}`, {
      extensions: { code: 'BAD_USER_INPUT' },
    });
  }
  // Canonical form, as the database gives it back: "7.50" becomes "7.5" and "-0" becomes "0".
  return new Dec(text as string).toFixed();
}

/** Shows a value that is not a string as JSON, so that a list reads [100], not 100. */
function describe(value: unknown): string {
  if (typeof value === 'number') {
    return String(value);
  }
  const json = JSON.stringify(value) ?? String(value);
  return json.length > MAX_LENGTH ? `${json.slice(0, MAX_LENGTH)}...` : json;
}

/**
 * Exact decimal number sent as a string, for example "91.25", so that no value passes through
 * binary floating point. Input also accepts a JSON number, which is read as its shortest text.
 */
export const DecimalScalar = new GraphQLScalarType({
  name: 'Decimal',
  description:
    'Exact decimal number as a string, for example "91.25". Input accepts a string or a number ' +
    'in plain notation with at most 15 significant digits and 4 after the point, which every ' +
    'supported database stores exactly; exponents are rejected. A JSON number reaches the server ' +
    'as a binary double, which keeps about 15 digits and no exponent, so send a string when ' +
    'every digit matters.',
  serialize: (value) => String(value),
  parseValue: parseDecimal,
  parseLiteral: (ast) => {
    if (ast.kind === Kind.STRING || ast.kind === Kind.INT || ast.kind === Kind.FLOAT) {
      return parseDecimal(ast.value);
    }
    throw new GraphQLError('Decimal literals must be strings or numbers', {
      extensions: { code: 'BAD_USER_INPUT' },
    });
  },
});
