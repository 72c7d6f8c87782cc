import type { DataSource } from 'typeorm';
import { hashPassword } from '../../src/auth/password';
import { User } from '../../src/entities';
import type { Role } from '../../src/entities/enums';
import { TEST_PASSWORD } from './test-server';

/** Inserts a user with the test password and returns its id. */
export async function insertUser(
  dataSource: DataSource,
  username: string,
  role: Role,
  opdId: number | null = null,
): Promise<number> {
  const user = await dataSource.manager.save(
    dataSource.manager.create(User, {
      username,
      displayName: username,
      passwordHash: await hashPassword(TEST_PASSWORD),
      role,
      opdId,
      disabled: false,
      createdAt: new Date(),
    }),
  );
  return user.id;
}
