import { OPD_ROLES, type Role } from '../entities/enums';

/** The signed-in user on whose behalf a request runs. */
export interface Actor {
  id: number;
  username: string;
  role: Role;
  /** OPD of an OPD_HEAD or OPD_STAFF user; null for every other role. */
  opdId: number | null;
}

/** Whether the role acts for one OPD only. */
export function isOpdRole(role: Role): boolean {
  return OPD_ROLES.includes(role);
}

/** Returns the actor view of a user row. */
export function actorOf(user: {
  id: number;
  username: string;
  role: Role;
  opdId: number | null;
}): Actor {
  return { id: user.id, username: user.username, role: user.role, opdId: user.opdId };
}
