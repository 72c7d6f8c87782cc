import type { Request } from 'autocannon';
import type { Pool, RowDataPacket } from 'mysql2/promise';
import { issueToken } from '../../src/auth/token';
import { Role } from '../../src/entities/enums';
import { toGlobalId } from '../../src/schema/relay/global-id';
import { OPEN_YEAR, PLAN_ID, staffUserId } from '../dataset/constants';
import { CONTRACT_PROGRESS, SUBMIT_REALIZATION } from './documents';
import { drive, type Measurement } from './drive';
import { type TargetServer } from './servers';

/** A clause of the open year whose fourth quarter the mix reports. */
interface WriteSlot {
  clauseId: string;
  contractId: string;
  token: string;
}

/** State of one connection between its requests: the slot it reported last. */
interface ConnectionContext {
  slot: WriteSlot;
}

/** A write-mix run: the load measurement and what became of the submissions. */
export interface WriteMixResult {
  connections: number;
  measurement: Measurement;
  submitted: number;
  stored: number;
  /** userErrors codes of rejected submissions, with counts. */
  rejected: Record<string, number>;
}

/** Reads per submission in the mix. */
const READS_PER_WRITE = 3;

const OPEN_YEAR_CLAUSES =
  'FROM clause c JOIN contract k ON k.id = c.contract_id WHERE k.plan_id = ? AND k.year = ?';

/**
 * Deletes every quarter 4 realisation of the open year, so each run of the mix starts with
 * the same free slots. Returns how many rows it removed.
 */
async function clearFourthQuarter(pool: Pool): Promise<number> {
  const [result] = await pool.query(
    'DELETE r FROM realization r JOIN clause c ON c.id = r.clause_id ' +
      'JOIN contract k ON k.id = c.contract_id WHERE k.plan_id = ? AND k.year = ? AND r.quarter = 4',
    [PLAN_ID, OPEN_YEAR],
  );
  return (result as { affectedRows: number }).affectedRows;
}

async function countFourthQuarter(pool: Pool): Promise<number> {
  const [rows] = await pool.query<RowDataPacket[]>(
    'SELECT COUNT(*) AS stored FROM realization r WHERE r.quarter = 4 AND r.clause_id IN ' +
      `(SELECT c.id ${OPEN_YEAR_CLAUSES})`,
    [PLAN_ID, OPEN_YEAR],
  );
  return Number(rows[0].stored);
}

async function loadSlots(pool: Pool, secret: string): Promise<WriteSlot[]> {
  const [rows] = await pool.query<RowDataPacket[]>(
    `SELECT c.id, c.contract_id, k.opd_id ${OPEN_YEAR_CLAUSES} ORDER BY c.id`,
    [PLAN_ID, OPEN_YEAR],
  );
  const tokens = new Map<number, string>();
  return rows.map((row) => {
    const opdId = Number(row.opd_id);
    if (!tokens.has(opdId)) {
      const claims = { userId: staffUserId(opdId), role: Role.OPD_STAFF };
      tokens.set(opdId, issueToken(claims, secret, 3600).token);
    }
    return {
      clauseId: toGlobalId('Clause', Number(row.id)),
      contractId: toGlobalId('Contract', Number(row.contract_id)),
      token: tokens.get(opdId) as string,
    };
  });
}

/** Builds the request cycle of one connection: a submission, then reads of the same contract. */
function mixRequests(slots: WriteSlot[], result: WriteMixResult): Request[] {
  let next = 0;
  const submit: Request = {
    method: 'POST',
    setupRequest: (request, context) => {
      const slot = slots[next++ % slots.length];
      (context as ConnectionContext).slot = slot;
      result.submitted += 1;
      const input = {
        clauseId: slot.clauseId,
        quarter: 4,
        value: String(50 + (next % 50)),
        evidence: { dataSource: 'Benchmark write mix' },
      };
      return {
        ...request,
        headers: { 'content-type': 'application/json', authorization: `Bearer ${slot.token}` },
        body: JSON.stringify({ query: SUBMIT_REALIZATION, variables: { input } }),
      };
    },
    onResponse: (_status, body) => {
      const codes = /"userErrors":\[(.*?)\]/.exec(body)?.[1] ?? '';
      for (const match of codes.matchAll(/"code":"([A-Z_]+)"/g)) {
        result.rejected[match[1]] = (result.rejected[match[1]] ?? 0) + 1;
      }
    },
  };
  const read: Request = {
    method: 'POST',
    setupRequest: (request, context) => {
      const slot = (context as ConnectionContext).slot;
      return {
        ...request,
        headers: { 'content-type': 'application/json', authorization: `Bearer ${slot.token}` },
        body: JSON.stringify({ query: CONTRACT_PROGRESS, variables: { id: slot.contractId } }),
      };
    },
  };
  return [submit, ...Array.from({ length: READS_PER_WRITE }, () => read)];
}

/**
 * Drives the GraphQL server with OPD staff who report quarter 4 of the open year and read
 * their contract's progress after each report, one write in four requests.
 */
export async function runWriteMix(
  server: TargetServer,
  pool: Pool,
  settings: { connections: number; seconds: number; secret: string },
): Promise<WriteMixResult> {
  await clearFourthQuarter(pool);
  const slots = await loadSlots(pool, settings.secret);
  const result: WriteMixResult = {
    connections: settings.connections,
    measurement: {} as Measurement,
    submitted: 0,
    stored: 0,
    rejected: {},
  };
  result.measurement = await drive(server, {
    connections: settings.connections,
    seconds: settings.seconds,
    headers: {},
    requests: mixRequests(slots, result),
  });
  result.stored = await countFourthQuarter(pool);
  return result;
}
