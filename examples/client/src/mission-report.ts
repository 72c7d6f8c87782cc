/**
 * Prints the attainment per mission and the OPD ranking of the demo plan for 2019, as a
 * frontend would fetch them. Usage, with the server running on the demo data:
 *   npx tsc -p examples/client && node examples/client/dist/mission-report.js
 * GRAPHQL_URL, GRAPHQL_USER and GRAPHQL_PASSWORD override the defaults below.
 */
import { request } from './graphql-client';
import {
  AttainmentPerMissionDocument,
  OpdRankingDocument,
  SignInDocument,
} from './generated/graphql';

const endpoint = process.env.GRAPHQL_URL ?? 'http://127.0.0.1:4000/graphql';

/** Global ID of the demo plan, as `plans { id }` returns it. */
const DEMO_PLAN_ID = 'UGxhbjox';

async function main(): Promise<void> {
  const signIn = await request(endpoint, SignInDocument, {
    input: {
      username: process.env.GRAPHQL_USER ?? 'analyst',
      password: process.env.GRAPHQL_PASSWORD ?? 'lelang2019',
    },
  });
  const token = signIn.login.token;
  if (!token) {
    throw new Error(
      `Sign-in failed: ${signIn.login.userErrors.map((error) => error.message).join('; ')}`,
    );
  }

  const attainment = await request(
    endpoint,
    AttainmentPerMissionDocument,
    { planId: DEMO_PLAN_ID, year: 2019 },
    token,
  );
  for (const row of attainment.missionAttainment) {
    // attainment is a Decimal sent as a string, and null when no clause of the mission is signed.
    const value = row.attainment ?? 'no signed clause';
    process.stdout.write(`Mission ${row.mission.number}: ${value} ${row.rating ?? ''}\n`);
  }

  const ranking = await request(
    endpoint,
    OpdRankingDocument,
    { planId: DEMO_PLAN_ID, year: 2019 },
    token,
  );
  for (const entry of ranking.opdRanking) {
    process.stdout.write(`${entry.rank}. ${entry.opd.code} ${entry.score} (${entry.basis})\n`);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`);
  process.exit(1);
});
