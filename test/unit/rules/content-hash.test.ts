import { computeContentHash, type HashedContract } from '../../../src/rules/content-hash';

const contract: HashedContract = {
  opdId: 1,
  planId: 2,
  year: 2019,
  version: 1,
  clauses: [
    {
      indicatorId: 5,
      weight: '60',
      offered: { value: '100' },
      committed: { value: '110' },
      quarterlyTargets: null,
      budget: '1500000',
      justification: 'Plan',
    },
    {
      indicatorId: 3,
      weight: '40',
      offered: { lower: '2', upper: '4' },
      committed: { lower: '2', upper: '3' },
      quarterlyTargets: null,
      budget: null,
      justification: 'Plan',
    },
  ],
};

describe('computeContentHash', () => {
  test('hash is 64 hex characters', () => {
    expect(computeContentHash(contract)).toMatch(/^[0-9a-f]{64}$/);
  });

  test('clause order does not matter', () => {
    const reordered = { ...contract, clauses: [...contract.clauses].reverse() };
    expect(computeContentHash(reordered)).toBe(computeContentHash(contract));
  });

  test('absent and null targets hash alike', () => {
    const explicit = {
      ...contract,
      clauses: contract.clauses.map((clause) => ({
        ...clause,
        offered: { value: null, lower: null, upper: null, ...clause.offered },
      })),
    };
    expect(computeContentHash(explicit)).toBe(computeContentHash(contract));
  });

  test('changed weight changes the hash', () => {
    const changed = {
      ...contract,
      clauses: [{ ...contract.clauses[0], weight: '61' }, contract.clauses[1]],
    };
    expect(computeContentHash(changed)).not.toBe(computeContentHash(contract));
  });
});
