/** Plan years; every OPD has a SIGNED contract in each. */
export const PLAN_YEARS = [2019, 2020, 2021, 2022, 2023];
/** Year the read benchmarks report on: closed, partly evaluated. */
export const REPORT_YEAR = 2022;
/** Year the write mix reports quarter 4 of; it never has an evaluation. */
export const OPEN_YEAR = 2023;
/** The one plan of a data set. */
export const PLAN_ID = 1;
/** Password of every generated user. */
export const BENCH_PASSWORD = 'bench-password-2019';

/** Fixed user ids; OPD staff users follow from STAFF_USER_OFFSET + OPD id. */
export const USER_IDS = { admin: 1, analyst: 2, evaluator: 3, mayor: 4 } as const;
const STAFF_USER_OFFSET = 100;

/** Returns the user id of the staff member of an OPD. */
export function staffUserId(opdId: number): number {
  return STAFF_USER_OFFSET + opdId;
}

/** Returns the username of the staff member of an OPD. */
export function staffUsername(opdId: number): string {
  return `staff-${opdId}`;
}
