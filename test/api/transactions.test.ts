import { ENTITIES, Opd } from '../../src/entities';
import { OpdKind } from '../../src/entities/enums';
import { BID, OFFER, SIGN, SUBMIT, expectClean, offerContract } from '../support/operations';
import { startTestServer, type TestServer } from '../support/test-server';
import { buildWorld, type World } from '../support/world';

let server: TestServer;
let world: World;

beforeAll(async () => {
  server = await startTestServer();
  world = await buildWorld(server);
});

afterAll(async () => {
  await server?.close();
});

/** Row count of every table, keyed by entity name. */
async function countRows(): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const entity of ENTITIES) {
    counts[entity.name] = await server.app.dataSource.manager.count(entity);
  }
  return counts;
}

describe('mutation transactions', () => {
  test('rejected mutations leave no row behind', async () => {
    const handle = await offerContract(server, world, world.opdB, [
      { indicatorId: world.indicatorB, weight: '100' },
    ]);
    const before = await countRows();

    const rejected = [
      server.request(
        OFFER,
        {
          input: {
            planId: world.planId,
            opdId: world.opdA,
            year: 2019,
            clauses: [
              { indicatorId: world.indicatorsA.maxSum, weight: '50' },
              { indicatorId: world.indicatorsA.minLast, weight: '40' },
            ],
          },
        },
        { token: world.tokens.mayor },
      ),
      server.request(
        BID,
        {
          input: {
            contractId: handle.contractId,
            clauses: [
              {
                clauseId: handle.clauseIds[0],
                committedTarget: { value: '1' },
                justification: 'x',
              },
            ],
          },
        },
        { token: world.tokens.bStaff },
      ),
      server.request(
        SIGN,
        { input: { contractId: handle.contractId } },
        { token: world.tokens.mayor },
      ),
      server.request(
        SUBMIT,
        {
          input: {
            clauseId: handle.clauseIds[0],
            quarter: 1,
            value: '1',
            evidence: { dataSource: 'x' },
          },
        },
        { token: world.tokens.bStaff },
      ),
      server.request(
        'mutation { createOpd(input: { code: "OPD-A", name: "Again", kind: DINAS, headName: "H" }) { opd { id } userErrors { code } } }',
        {},
        { token: world.tokens.admin },
      ),
    ];
    const responses = await Promise.all(rejected);
    for (const response of responses) {
      const payload = Object.values(response.data ?? {})[0] as { userErrors: unknown[] };
      expect(payload.userErrors.length).toBeGreaterThan(0);
    }

    expect(await countRows()).toEqual(before);
  });

  test('failure after a write rolls the write back', async () => {
    const before = await countRows();
    const failing = server.app.services.unitOfWork.run(null, 'createOpd', {}, async (manager) => {
      await manager.save(
        manager.create(Opd, {
          code: 'HALF',
          name: 'Half written',
          kind: OpdKind.OTHER,
          headName: 'H',
        }),
      );
      throw new Error('simulated failure after the insert');
    });

    await expect(failing).rejects.toThrow('simulated failure after the insert');
    expect(await countRows()).toEqual(before);
  });

  test('successful mutation writes one audit event', async () => {
    const before = await countRows();
    const response = await server.request(
      'mutation { createOpd(input: { code: "OPD-NEW", name: "New", kind: BADAN, headName: "H" }) { opd { id } userErrors { code } } }',
      {},
      { token: world.tokens.admin },
    );
    expectClean('createOpd', response);

    const after = await countRows();
    expect(after.Opd).toBe(before.Opd + 1);
    expect(after.AuditEvent).toBe(before.AuditEvent + 1);
    const events = await server.request(
      'query ($id: ID!) { auditEvents(entityId: $id) { edges { node { action entityType entityId actor { username } inputDigest } } } }',
      { id: response.data?.createOpd.opd.id },
      { token: world.tokens.analyst },
    );
    expect(events.data?.auditEvents.edges).toEqual([
      {
        node: {
          action: 'createOpd',
          entityType: 'Opd',
          entityId: response.data?.createOpd.opd.id,
          actor: { username: 'admin' },
          inputDigest: expect.stringMatching(/^[0-9a-f]{64}$/),
        },
      },
    ]);
  });
});
