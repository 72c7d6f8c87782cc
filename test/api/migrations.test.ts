import 'reflect-metadata';
import type { DataSource } from 'typeorm';
import { openDataSource } from '../../src/database/data-source';
import { Contract, Opd, Plan, Signature } from '../../src/entities';
import { ContractStatus, OpdKind, SignatoryRole } from '../../src/entities/enums';
import { DEFAULT_SCORING_POLICY } from '../../src/scoring/policy';
import { expectClean, signedContract, submitRealization } from '../support/operations';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { startTestServer, TEST_PASSWORD } from '../support/test-server';
import { buildWorld } from '../support/world';

let database: TestDatabase;
let dataSource: DataSource;

beforeAll(async () => {
  database = await createTestDatabase();
  dataSource = await openDataSource(database.config);
});

afterAll(async () => {
  await dataSource?.destroy();
  await database?.drop();
});

describe('migrations', () => {
  test('build the schema the entities describe', async () => {
    await dataSource.runMigrations();
    const pending = await dataSource.driver.createSchemaBuilder().log();
    // A non-empty list means an entity changed without a migration: run migration:generate.
    expect(pending.upQueries.map((query) => query.query)).toEqual([]);
  });

  test('revert to an empty database', async () => {
    while (await hasAppliedMigrations(dataSource)) {
      await dataSource.undoLastMigration();
    }
    const runner = dataSource.createQueryRunner();
    const remaining: string[] = [];
    for (const metadata of dataSource.entityMetadatas) {
      if (await runner.hasTable(metadata.tableName)) {
        remaining.push(metadata.tableName);
      }
    }
    await runner.release();
    expect(remaining).toEqual([]);
  });
});

describe('withdrawal migration on stored data', () => {
  let stored: TestDatabase;
  let source: DataSource;
  let signedId: number;
  let withdrawnId: number;

  beforeAll(async () => {
    stored = await createTestDatabase();
    source = await openDataSource(stored.config);
    await source.runMigrations();
    const { manager } = source;
    const opd = await manager.save(
      manager.create(Opd, { code: 'OPD-M', name: 'Dinas M', kind: OpdKind.DINAS, headName: 'H' }),
    );
    const plan = await manager.save(
      manager.create(Plan, {
        code: 'PLAN-M',
        title: 'Plan',
        governmentName: 'Kota Uji',
        startYear: 2018,
        endYear: 2023,
        vision: 'Vision',
        scoringPolicy: DEFAULT_SCORING_POLICY,
        createdAt: new Date(),
      }),
    );
    const version = (number: number, status: ContractStatus, withdrawn: boolean) =>
      manager.create(Contract, {
        opdId: opd.id,
        planId: plan.id,
        year: 2019,
        version: number,
        status,
        contentHash: null,
        amendmentReason: null,
        amendmentNote: null,
        previousVersionId: null,
        offeredById: 1,
        offeredAt: new Date(),
        bidAt: null,
        signedAt: null,
        withdrawnById: withdrawn ? 1 : null,
        withdrawnAt: withdrawn ? new Date() : null,
        withdrawalNote: withdrawn ? 'Abandoned' : null,
      });
    const signed = await manager.save(version(1, ContractStatus.SIGNED, false));
    const withdrawn = await manager.save(version(2, ContractStatus.WITHDRAWN, true));
    signedId = signed.id;
    withdrawnId = withdrawn.id;
    await manager.save(
      manager.create(Signature, {
        contractId: signed.id,
        role: SignatoryRole.MAYOR,
        userId: 1,
        signedAt: new Date(),
        contentHash: 'a'.repeat(64),
      }),
    );
  });

  afterAll(async () => {
    await source?.destroy();
    await stored?.drop();
  });

  test('revert rejected while a version is WITHDRAWN', async () => {
    await undoMigrationsAfter(source, 'WithdrawAmendment');
    await expect(source.undoLastMigration()).rejects.toThrow(
      'Cannot revert WithdrawAmendment: 1 contract version(s) are WITHDRAWN',
    );
    const [row] = await source.query(`SELECT status FROM contract WHERE id = ${withdrawnId}`);
    expect(row.status).toBe('WITHDRAWN');
  });

  test('revert and upgrade keep signatures', async () => {
    await source.query(`DELETE FROM contract WHERE id = ${withdrawnId}`);
    await source.undoLastMigration();
    const reverted = await source.query('SELECT id, status FROM contract');
    expect(reverted).toEqual([{ id: signedId, status: 'SIGNED' }]);
    expect(await source.manager.count(Signature)).toBe(1);

    await source.runMigrations();
    expect(await source.manager.count(Signature)).toBe(1);
    // The new signature passes its foreign key only if it still points at the contract table.
    await source.manager.save(
      source.manager.create(Signature, {
        contractId: signedId,
        role: SignatoryRole.OPD_HEAD,
        userId: 1,
        signedAt: new Date(),
        contentHash: 'a'.repeat(64),
      }),
    );
    expect(await source.manager.count(Signature)).toBe(2);
  });
});

describe('password change migration on stored data', () => {
  let stored: TestDatabase;
  let source: DataSource;
  let before: StoredRows;

  /**
   * Fills a database through the API: the test world, a signed contract with a realisation, and
   * a password change, so that app_user has a password_changed_at to drop.
   */
  beforeAll(async () => {
    stored = await createTestDatabase();
    const server = await startTestServer({}, { config: stored.config, drop: async () => {} });
    try {
      const world = await buildWorld(server);
      const handle = await signedContract(server, world, 'A', [
        { indicatorId: world.indicatorsA.maxSum, weight: '100' },
      ]);
      await submitRealization(server, world.tokens.aStaff, handle.clauseIds[0], 1, '25');
      const input = { currentPassword: TEST_PASSWORD, newPassword: 'migrated-password-2019' };
      expectClean(
        'changePassword',
        await server.request(
          `mutation ($input: ChangePasswordInput!) {
            changePassword(input: $input) { token userErrors { message } }
          }`,
          { input },
          { token: world.tokens.analyst },
        ),
      );
    } finally {
      await server.close();
    }
    source = await openDataSource(stored.config);
    before = await readStoredRows(source);
  });

  afterAll(async () => {
    await source?.destroy();
    await stored?.drop();
  });

  test('data is there to keep', () => {
    expect(before.users.length).toBeGreaterThanOrEqual(8);
    expect(before.auditEvents.length).toBeGreaterThan(5);
    expect(before.realizations).toHaveLength(1);
    expect(before.passwordChanges).toEqual([{ username: 'analyst', changed: true }]);
  });

  test('revert keeps users, audit events, realisations', async () => {
    await undoMigrationsAfter(source, 'UserPasswordChangedAt');
    await source.undoLastMigration();
    expect(await hasPasswordChangedAt(source)).toBe(false);
    const reverted = await readStoredRows(source, false);
    expect(reverted.users).toEqual(before.users);
    expect(reverted.auditEvents).toEqual(before.auditEvents);
    expect(reverted.realizations).toEqual(before.realizations);
  });

  test('upgrade keeps them and starts empty', async () => {
    await source.runMigrations();
    expect(await hasPasswordChangedAt(source)).toBe(true);
    const upgraded = await readStoredRows(source);
    expect(upgraded.users).toEqual(before.users);
    expect(upgraded.auditEvents).toEqual(before.auditEvents);
    expect(upgraded.realizations).toEqual(before.realizations);
    expect(upgraded.passwordChanges).toEqual([]);
  });
});

/** Rows that the password change migration must keep, read with plain SQL in id order. */
interface StoredRows {
  users: unknown[];
  auditEvents: unknown[];
  realizations: unknown[];
  /** Users with a password_changed_at, when the column exists. */
  passwordChanges: { username: string; changed: boolean }[];
}

async function readStoredRows(source: DataSource, withColumn = true): Promise<StoredRows> {
  const users = await source.query(
    'SELECT id, username, display_name, password_hash, role, opd_id, disabled, created_at ' +
      'FROM app_user ORDER BY id',
  );
  const auditEvents = await source.query(
    'SELECT id, actor_id, action, entity_type, entity_id, input_digest FROM audit_event ' +
      'ORDER BY id',
  );
  const realizations = await source.query(
    'SELECT id, clause_id, quarter, value, status, submitted_by_id FROM realization ORDER BY id',
  );
  const changed: { username: string }[] = withColumn
    ? await source.query(
        'SELECT username FROM app_user WHERE password_changed_at IS NOT NULL ORDER BY id',
      )
    : [];
  return {
    users,
    auditEvents,
    realizations,
    passwordChanges: changed.map((row) => ({ username: row.username, changed: true })),
  };
}

async function hasPasswordChangedAt(source: DataSource): Promise<boolean> {
  const runner = source.createQueryRunner();
  try {
    return await runner.hasColumn('app_user', 'password_changed_at');
  } finally {
    await runner.release();
  }
}

async function hasAppliedMigrations(source: DataSource): Promise<boolean> {
  const rows: unknown[] = await source.query('SELECT * FROM migrations');
  return rows.length > 0;
}

/** Reverts the migrations applied after the one whose name starts with `name`. */
async function undoMigrationsAfter(source: DataSource, name: string): Promise<void> {
  for (;;) {
    const [latest]: { name: string }[] = await source.query(
      'SELECT name FROM migrations ORDER BY timestamp DESC LIMIT 1',
    );
    if (!latest || latest.name.startsWith(name)) {
      return;
    }
    await source.undoLastMigration();
  }
}
