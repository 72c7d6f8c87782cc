import type { EntityManager } from 'typeorm';
import type { Actor } from '../auth/actor';
import type { Indicator, Mission, Opd } from '../entities';
import type { Services } from '../services';
import type { OpdMember } from './demo-types';

/**
 * State that the seed steps share inside the seed transaction: the transaction's entity
 * manager, the services, and the records created so far, looked up by their demo names.
 */
export class DemoSession {
  readonly actors = new Map<string, Actor>();
  readonly missions = new Map<number, Mission>();
  readonly opds = new Map<string, Opd>();
  readonly indicators = new Map<string, Indicator>();

  constructor(
    readonly manager: EntityManager,
    readonly services: Services,
  ) {}

  /**
   * Records an audit event for a seed step under the action name of the matching GraphQL
   * mutation. Its digest covers the service input, which contains database ids rather than the
   * API's global ids.
   */
  async audit(actor: Actor | null, action: string, entity: { id: number }, input: unknown) {
    await this.services.audit.record(this.manager, {
      actor,
      action,
      entityType: entity.constructor.name,
      entityId: entity.id,
      input,
    });
  }

  actor(username: string): Actor {
    return requireDefined(this.actors.get(username), `user ${username}`);
  }

  member(opdCode: string, member: OpdMember): Actor {
    return this.actor(opdUsername(opdCode, member));
  }

  mission(number: number): Mission {
    return requireDefined(this.missions.get(number), `mission ${number}`);
  }

  opd(code: string): Opd {
    return requireDefined(this.opds.get(code), `OPD ${code}`);
  }

  indicator(key: string): Indicator {
    return requireDefined(this.indicators.get(key), `indicator ${key}`);
  }
}

/** Returns the username of an OPD's demo head or staff user, such as "dinkes.head". */
export function opdUsername(opdCode: string, member: OpdMember): string {
  return `${opdCode.toLowerCase()}.${member}`;
}

/** Returns a value looked up in the demo tables, or throws when the tables name a missing one. */
export function requireDefined<T>(value: T | undefined, description: string): T {
  if (value === undefined) {
    throw new Error(`Demo data set is inconsistent: ${description} is referenced but not defined`);
  }
  return value;
}
