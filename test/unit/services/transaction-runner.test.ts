import { type DataSource, type EntityManager, QueryFailedError } from 'typeorm';
import { ConflictError } from '../../../src/errors/app-errors';
import {
  MAX_TRANSACTION_ATTEMPTS,
  TransactionRunner,
} from '../../../src/services/transaction-runner';

/** A data source stand-in that runs the work with no database and records isolation levels. */
function fakeDataSource(type: string) {
  const levels: string[] = [];
  const manager = {} as EntityManager;
  const dataSource = {
    options: { type },
    transaction: (...args: unknown[]) => {
      const work = args.at(-1) as (manager: EntityManager) => Promise<unknown>;
      if (args.length === 2) {
        levels.push(args[0] as string);
      }
      return work(manager);
    },
  } as unknown as DataSource;
  return { dataSource, levels };
}

function driverFailure(code: string): QueryFailedError {
  return new QueryFailedError('INSERT ...', [], Object.assign(new Error(code), { code }));
}

describe('TransactionRunner', () => {
  test('deadlock victim runs again', async () => {
    const { dataSource } = fakeDataSource('mysql');
    let attempts = 0;
    const result = await new TransactionRunner(dataSource).run(async () => {
      attempts += 1;
      if (attempts < MAX_TRANSACTION_ATTEMPTS) {
        throw driverFailure('ER_LOCK_DEADLOCK');
      }
      return 'committed';
    });
    expect(result).toBe('committed');
    expect(attempts).toBe(MAX_TRANSACTION_ATTEMPTS);
  });

  test('repeated deadlocks become a conflict', async () => {
    const { dataSource } = fakeDataSource('mysql');
    let attempts = 0;
    const run = new TransactionRunner(dataSource).run(async () => {
      attempts += 1;
      throw driverFailure('ER_LOCK_DEADLOCK');
    });
    await expect(run).rejects.toBeInstanceOf(ConflictError);
    expect(attempts).toBe(MAX_TRANSACTION_ATTEMPTS);
  });

  test('other failures are not retried', async () => {
    const { dataSource } = fakeDataSource('mysql');
    let attempts = 0;
    const run = new TransactionRunner(dataSource).run(async () => {
      attempts += 1;
      throw driverFailure('ER_NO_SUCH_TABLE');
    });
    await expect(run).rejects.toBeInstanceOf(QueryFailedError);
    expect(attempts).toBe(1);
  });

  test.each([
    ['mysql', 'ER_DUP_ENTRY'],
    ['better-sqlite3', 'SQLITE_CONSTRAINT_UNIQUE'],
  ])('%s unique violation becomes a conflict', async (type, code) => {
    const { dataSource } = fakeDataSource(type);
    const run = new TransactionRunner(dataSource).run(async () => {
      throw driverFailure(code);
    });
    await expect(run).rejects.toThrow(
      new ConflictError(
        'The change conflicts with a record written at the same time; reload and try again',
      ),
    );
  });

  test('MySQL runs at READ COMMITTED', async () => {
    const { dataSource, levels } = fakeDataSource('mysql');
    await new TransactionRunner(dataSource).run(async () => 'done');
    expect(levels).toEqual(['READ COMMITTED']);
  });
});
