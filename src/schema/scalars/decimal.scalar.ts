import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';

/** Longest decimal accepted, in characters: 24 digits, a sign and a point. */
const MAX_LENGTH = 26;
const DECIMAL_PATTERN = /^-?\d{1,20}(\.\d{1,8})?$/;

function parseDecimal(value: unknown): string {
  const text = typeof value === 'number' && Number.isFinite(value) ? String(value) : value;
  if (typeof text !== 'string' || text.length > MAX_LENGTH || !DECIMAL_PATTERN.test(text)) {
    const shown = typeof value === 'string' ? `"${value.slice(0, 40)}"` : String(value);
    throw new GraphQLError(
      `Decimal cannot represent ${shown}: expected a plain decimal number such as "12.5" ` +
        '(up to 20 digits before the point and 8 after, no exponent)',
      { extensions: { code: 'BAD_USER_INPUT' } },
    );
  }
  return text;
}

/**
 * Exact decimal number sent as a string, for example "91.25", so that no value passes through
 * binary floating point. Input also accepts a JSON number, which is read as its shortest text.
 */
export const DecimalScalar = new GraphQLScalarType({
  name: 'Decimal',
  description:
    'Exact decimal number as a string, for example "91.25". Input accepts a string or a number ' +
    'with up to 20 digits before the point and 8 after; exponents are rejected.',
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
