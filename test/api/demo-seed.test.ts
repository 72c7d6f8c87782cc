import { In } from 'typeorm';
import { User } from '../../src/entities';
import { createSilentLogger } from '../../src/logging/logger';
import { DEMO_USERNAMES } from '../../src/seed/demo-loader';
import { seedIfEmpty } from '../../src/server/startup-seed';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { startTestServer, type TestServer } from '../support/test-server';

let database: TestDatabase;
let server: TestServer;
let token: string;
let planId: string;

beforeAll(async () => {
  database = await createTestDatabase();
  server = await startTestServer({ seedDemo: true, demoPassword: 'lelang2019' }, database);
  token = await server.login('admin', 'lelang2019');
  const plans = await server.request('{ plans { id code } }', {}, { token });
  planId = plans.data?.plans[0].id;
});

afterAll(async () => {
  await server?.close();
});

const CONTRACT_FIELDS = `
  id version status amendmentReason amendmentNote
  opd { code }
  previousVersion { id version }
  versions { version status }
  signatures { role }
  evaluation {
    status recommendation decision decisionNote decisionDiffersFromRecommendation
    clauseScores { flags realizations { status } }
  }
  clauses {
    indicator { name }
    offeredTarget { value }
    budget
    attainment { flags }
    realizations {
      quarter value status reviewNote
      history { value status reviewNote reviewedBy { username } submittedBy { username } }
    }
  }
`;

/** Lists every 2019 contract version of the plan, superseded ones included. */
async function listContracts(): Promise<any[]> {
  const response = await server.request(
    `query ($plan: ID!) {
      contracts(planId: $plan, year: 2019, includeSuperseded: true, first: 100) {
        edges { node { ${CONTRACT_FIELDS} } }
      }
    }`,
    { plan: planId },
    { token },
  );
  expect(response.errors).toBeUndefined();
  return response.data?.contracts.edges.map((edge: any) => edge.node);
}

/** Returns the 2019 contract versions of one OPD, oldest first. */
async function versionsOf(opdCode: string): Promise<any[]> {
  const contracts = await listContracts();
  return contracts
    .filter((contract) => contract.opd.code === opdCode)
    .sort((a, b) => a.version - b.version);
}

function clauseOn(contract: any, indicatorName: string): any {
  const clause = contract.clauses.find((entry: any) => entry.indicator.name === indicatorName);
  expect(clause).toBeDefined();
  return clause;
}

function statusesOf(contract: any): string[] {
  return contract.clauses.flatMap((clause: any) =>
    clause.realizations.map((realization: any) => realization.status),
  );
}

describe('demo data set', () => {
  test('start-up log explains signing in', () => {
    const line = server.logs.find((entry) => String(entry.msg).startsWith('demo data loaded'));
    expect(line?.users).toEqual(expect.arrayContaining(['admin', 'mayor', 'dinkes.head']));
    expect(line?.msg).toContain('login');
    expect(line?.msg).toContain('2 amendments');
    expect(line?.msg).toContain('2 decisions by the mayor');
    expect(line?.msg).toMatch(/\d+ AT_RISK and \d+ OFF_TRACK indicators/);
    const connected = server.logs.find((entry) => entry.msg === 'database connected');
    expect(connected?.database).toMatch(/SQLite file|MySQL/);
  });

  test('no demo warning outside production', () => {
    const warnings = server.logs.filter((entry) => entry.level === 40);
    expect(warnings.map((entry) => entry.msg)).toEqual([]);
  });

  test('production start warns about demo users', async () => {
    // A second server on the same database, as after a restart with NODE_ENV=production.
    const production = await startTestServer(
      { environment: 'production', isProduction: true, seedDemo: true },
      { config: database.config, drop: () => Promise.resolve() },
    );
    await production.close();

    const warning = production.logs.find((entry) => String(entry.msg).includes('demo users'));
    expect(warning?.level).toBe(40);
    expect(warning?.usernames).toEqual([...DEMO_USERNAMES]);
    expect(warning?.msg).toContain(`${DEMO_USERNAMES.length} demo users such as "admin" exist`);
    expect(warning?.msg).toContain('the default DEMO_PASSWORD');
    expect(warning?.msg).not.toContain('lelang2019');
  });

  test('disabled demo users not reported', async () => {
    const users = server.app.dataSource.getRepository(User);
    await users.update({ username: In([...DEMO_USERNAMES]) }, { disabled: true });
    try {
      const production = await startTestServer(
        { environment: 'production', isProduction: true },
        { config: database.config, drop: () => Promise.resolve() },
      );
      await production.close();
      const warnings = production.logs.filter((entry) => entry.level >= 40);
      expect(warnings.map((entry) => entry.msg)).toEqual([]);
    } finally {
      await users.update({ username: In([...DEMO_USERNAMES]) }, { disabled: false });
    }
  });

  test('mission attainment has four missions', async () => {
    const response = await server.request(
      'query ($plan: ID!) { missionAttainment(planId: $plan, year: 2019) { mission { number title } attainment rating clauses } }',
      { plan: planId },
      { token },
    );
    const rows = response.data?.missionAttainment;
    expect(rows.map((row: any) => row.mission.number)).toEqual([1, 2, 3, 4]);
    for (const row of rows) {
      expect(row.attainment).toMatch(/^\d+\.\d{2}$/);
      expect(row.clauses).toBeGreaterThan(0);
    }
  });

  test('contracts exist in every stage', async () => {
    const response = await server.request(
      'query ($plan: ID!) { contracts(planId: $plan, year: 2019, first: 100) { edges { node { status evaluation { status } } } } }',
      { plan: planId },
      { token },
    );
    const nodes = response.data?.contracts.edges.map((edge: any) => edge.node);
    const statuses = new Set(nodes.map((node: any) => node.status));
    expect([...statuses].sort()).toEqual(['BID', 'OFFERED', 'SIGNED', 'SIGNING']);
    const evaluations = nodes.map((node: any) => node.evaluation?.status).filter(Boolean);
    expect(evaluations).toContain('FINAL');
  });

  test('unsigned OPDs include one without contract', async () => {
    const response = await server.request(
      'query ($plan: ID!) { unsignedOpds(planId: $plan, year: 2019) { opd { code } contract { status } } }',
      { plan: planId },
      { token },
    );
    const rows = response.data?.unsignedOpds;
    expect(rows.some((row: any) => row.contract === null)).toBe(true);
    expect(rows.some((row: any) => row.contract?.status === 'OFFERED')).toBe(true);
  });

  test('every role can sign in', async () => {
    for (const username of ['mayor', 'evaluator', 'analyst', 'dinkes.head', 'dinkes.staff']) {
      await expect(server.login(username, 'lelang2019')).resolves.toEqual(expect.any(String));
    }
  });

  test('restart keeps existing data', async () => {
    const before = await server.request('{ opds { totalCount } }', {}, { token });
    await seedIfEmpty(server.app.dataSource, server.app.services, 'x', createSilentLogger());
    const after = await server.request('{ opds { totalCount } }', {}, { token });
    expect(after.data?.opds.totalCount).toBe(before.data?.opds.totalCount);
  });

  test('mission attainment keeps demo numbers', async () => {
    const response = await server.request(
      'query ($plan: ID!) { missionAttainment(planId: $plan, year: 2019) { attainment rating } }',
      { plan: planId },
      { token },
    );
    expect(response.data?.missionAttainment).toEqual([
      { attainment: '93.20', rating: 'SANGAT_TINGGI' },
      { attainment: '77.68', rating: 'TINGGI' },
      { attainment: '67.61', rating: 'SEDANG' },
      { attainment: '94.78', rating: 'SANGAT_TINGGI' },
    ]);
  });

  test('FINAL evaluations use only verified values', async () => {
    const finals = (await listContracts()).filter(
      (contract) => contract.evaluation?.status === 'FINAL',
    );
    expect(finals.map((contract) => contract.opd.code).sort()).toEqual(['DINKES', 'DISPERIN']);
    for (const contract of finals) {
      for (const score of contract.evaluation.clauseScores) {
        expect(score.flags).not.toContain('UNVERIFIED_REALIZATION');
        for (const realization of score.realizations) {
          expect(realization.status).toBe('VERIFIED');
        }
      }
    }
  });

  test('open contracts mix verified and submitted', async () => {
    const open = (await listContracts()).filter(
      (contract) => contract.status === 'SIGNED' && contract.evaluation?.status !== 'FINAL',
    );
    const statuses = open.flatMap(statusesOf);
    expect(statuses).toContain('VERIFIED');
    expect(statuses).toContain('SUBMITTED');

    const [disdik] = await versionsOf('DISDIK');
    expect(disdik.evaluation.status).toBe('DRAFT');
    const flags = disdik.evaluation.clauseScores.flatMap((score: any) => score.flags);
    expect(flags).toContain('UNVERIFIED_REALIZATION');
    const apm = clauseOn(disdik, 'Angka Partisipasi Murni (APM) SMP/MTs');
    expect(apm.attainment.flags).toContain('UNVERIFIED_REALIZATION');
  });

  test('returned value stays in history', async () => {
    const [disdik] = await versionsOf('DISDIK');
    const apm = clauseOn(disdik, 'Angka Partisipasi Murni (APM) SMP/MTs');
    const third = apm.realizations.filter((realization: any) => realization.quarter === 3);
    expect(third.map((realization: any) => realization.status)).toEqual(['RETURNED', 'VERIFIED']);

    const history = third[1].history;
    expect(history).toHaveLength(2);
    expect(Number(history[0].value)).toBe(86.2);
    expect(history[0].status).toBe('RETURNED');
    expect(history[0].reviewNote).toContain('APM');
    expect(history[0].reviewedBy.username).toBe('evaluator');
    expect(Number(history[1].value)).toBe(80.6);
    expect(history[1].submittedBy.username).toBe('disdik.staff');
  });

  test('returned evidence in FINAL contract', async () => {
    const [dinkes] = await versionsOf('DINKES');
    const deaths = clauseOn(dinkes, 'Jumlah kematian ibu');
    const fourth = deaths.realizations.filter((realization: any) => realization.quarter === 4);
    expect(fourth.map((realization: any) => realization.status)).toEqual(['RETURNED', 'VERIFIED']);
    expect(fourth[0].reviewNote).toContain('Data dukung');
  });

  test('signed amendment supersedes version 1', async () => {
    const [first, second] = await versionsOf('DPUPR');
    expect(first.status).toBe('SUPERSEDED');
    expect(second.status).toBe('SIGNED');
    expect(second.amendmentReason).toBe('OFFICIAL_CHANGED');
    expect(second.amendmentNote).toContain('dilantik');
    expect(second.previousVersion.id).toBe(first.id);
    expect(second.versions).toEqual([
      { version: 1, status: 'SUPERSEDED' },
      { version: 2, status: 'SIGNED' },
    ]);
    expect(second.signatures.map((signature: any) => signature.role).sort()).toEqual([
      'MAYOR',
      'OPD_HEAD',
    ]);
  });

  test('amendment carries realisations over', async () => {
    const [first, second] = await versionsOf('DPUPR');
    const roadsBefore = clauseOn(first, 'Panjang jalan kota yang ditingkatkan atau direkonstruksi');
    const roadsAfter = clauseOn(second, 'Panjang jalan kota yang ditingkatkan atau direkonstruksi');
    expect(roadsBefore.realizations.map((realization: any) => realization.quarter)).toEqual([1, 2]);
    expect(roadsAfter.realizations.map((realization: any) => realization.quarter)).toEqual([
      1, 2, 3, 4,
    ]);
    expect(statusesOf(second)).toEqual(expect.arrayContaining(['VERIFIED', 'SUBMITTED']));

    const listed = await server.request(
      `query ($plan: ID!) {
        contracts(planId: $plan, year: 2019, first: 100) { edges { node { opd { code } version } } }
      }`,
      { plan: planId },
      { token },
    );
    const dpupr = listed.data?.contracts.edges
      .map((edge: any) => edge.node)
      .filter((node: any) => node.opd.code === 'DPUPR');
    expect(dpupr).toEqual([{ opd: { code: 'DPUPR' }, version: 2 }]);
  });

  test('amendment in progress keeps version 1', async () => {
    const [first, second] = await versionsOf('DISPERKIM');
    expect(first.status).toBe('SIGNED');
    expect(second.status).toBe('OFFERED');
    expect(second.amendmentReason).toBe('STRATEGY_CHANGED');
    const housing = clauseOn(second, 'Jumlah rumah tidak layak huni yang diperbaiki');
    expect(Number(housing.offeredTarget.value)).toBe(200);
    expect(Number(housing.budget)).toBe(3000000000);
    expect(
      clauseOn(first, 'Jumlah rumah tidak layak huni yang diperbaiki').realizations,
    ).toHaveLength(4);
  });

  test('mayor decisions appear in ranking', async () => {
    const response = await server.request(
      `query ($plan: ID!) {
        opdRanking(planId: $plan, year: 2019) {
          rank score recommendation decision opd { code } contract { version }
          evaluation { decisionNote decisionDiffersFromRecommendation decidedBy { username } }
        }
      }`,
      { plan: planId },
      { token },
    );
    const ranking = response.data?.opdRanking;
    expect(
      ranking.map((entry: any) => [entry.opd.code, entry.score, entry.decision ?? null]),
    ).toEqual([
      ['DINKES', '111.08', 'PROMOTION'],
      ['DISDIK', '101.09', null],
      ['KEC-BLIMBING', '93.20', null],
      ['DPUPR', '90.53', null],
      ['DPMPTSP', '90.40', null],
      ['DISBUDPAR', '88.00', null],
      ['DISDAG', '78.79', null],
      ['DISPERKIM', '73.96', null],
      ['DISPERIN', '55.83', 'NO_ACTION'],
      ['KEC-KLOJEN', '52.86', null],
    ]);

    const byCode = new Map(ranking.map((entry: any) => [entry.opd.code, entry]));
    const disperin: any = byCode.get('DISPERIN');
    expect(disperin.recommendation).toBe('MUTATION');
    expect(disperin.evaluation.decisionDiffersFromRecommendation).toBe(true);
    expect(disperin.evaluation.decisionNote).toContain('rasionalisasi');
    expect(disperin.evaluation.decidedBy.username).toBe('mayor');
    const dinkes: any = byCode.get('DINKES');
    expect(dinkes.evaluation.decisionDiffersFromRecommendation).toBe(false);
    const dpupr: any = byCode.get('DPUPR');
    expect(dpupr.contract.version).toBe(2);
  });

  test('projection lists at-risk indicators', async () => {
    const response = await server.request(
      `query ($plan: ID!) {
        atRiskIndicators(planId: $plan, year: 2019) {
          status basis attainment projectedValue indicator { name } opd { code }
        }
      }`,
      { plan: planId },
      { token },
    );
    const rows = response.data?.atRiskIndicators;
    const find = (name: string) => rows.find((row: any) => row.indicator.name === name);

    const accreditation = find('Persentase SD dan SMP terakreditasi minimal B');
    expect(accreditation?.status).toBe('AT_RISK');
    expect(accreditation?.basis).toBe('PROJECTION');
    expect(accreditation?.attainment).toBe('97.28');
    expect(Number(accreditation?.projectedValue)).toBe(89.5);

    const investment = find('Nilai realisasi investasi PMA dan PMDN');
    expect(investment?.status).toBe('OFF_TRACK');
    expect(investment?.attainment).toBe('53.85');
    expect(Number(investment?.projectedValue)).toBe(1400);
  });

  test('quarter to date lists at-risk indicators', async () => {
    const response = await server.request(
      `query ($plan: ID!) {
        atRiskIndicators(planId: $plan, year: 2019, upToQuarter: 2) { status basis upToQuarter }
      }`,
      { plan: planId },
      { token },
    );
    const rows = response.data?.atRiskIndicators;
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.map((row: any) => row.status)).toEqual(
      expect.arrayContaining(['AT_RISK', 'OFF_TRACK']),
    );
    for (const row of rows) {
      expect(row.basis).toBe('QUARTER_TO_DATE');
      expect(row.upToQuarter).toBe(2);
    }
  });
});
