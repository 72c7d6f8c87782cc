import type { Plan } from '../entities';
import { InvalidInputError } from '../errors/app-errors';

/**
 * Throws an InvalidInputError naming `field` when `year` lies outside the plan's years, so
 * that a report for a year the plan does not cover is rejected instead of coming back empty.
 */
export function assertYearInPlan(plan: Plan, year: number, field = 'year'): void {
  if (year < plan.startYear || year > plan.endYear) {
    throw new InvalidInputError(
      `${field} ${year} is outside plan ${plan.code} (${plan.startYear}-${plan.endYear})`,
      field,
    );
  }
}
