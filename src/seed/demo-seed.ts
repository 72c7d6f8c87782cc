import { DataSource } from 'typeorm';
import { hashPassword } from '../auth/password';
import { User } from '../entities';
import { Role } from '../entities/enums';
import type { Services } from '../services';

/** What the demo seed created, for the start-up log. */
export interface DemoSummary {
  description: string;
  usernames: string[];
}

/** Loads the demo data set. */
export async function seedDemoData(
  dataSource: DataSource,
  _services: Services,
  password: string,
): Promise<DemoSummary> {
  const passwordHash = await hashPassword(password);
  await dataSource.manager.save(
    dataSource.manager.create(User, {
      username: 'admin',
      displayName: 'Admin Bappeda',
      passwordHash,
      role: Role.ADMIN,
      opdId: null,
      disabled: false,
      createdAt: new Date(),
    }),
  );
  return { description: 'admin only', usernames: ['admin'] };
}
