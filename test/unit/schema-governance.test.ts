import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { findBreakingChanges } from '../../scripts/schema-governance/breaking-changes';
import { checkSchemaHistory } from '../../scripts/schema-governance/schema-history';

const V1 = `type Query { opd(id: ID!): Opd }
type Opd { id: ID! code: String! name: String! kind: Kind }
enum Kind { DINAS BADAN }`;

const V1_DEPRECATED = `type Query { opd(id: ID!): Opd }
type Opd { id: ID! code: String! name: String! @deprecated(reason: "Use code") kind: Kind }
enum Kind { DINAS BADAN @deprecated(reason: "Merged into DINAS") }`;

describe('findBreakingChanges', () => {
  test('added field is safe', async () => {
    const next = V1.replace('kind: Kind }', 'kind: Kind headName: String }');
    await expect(findBreakingChanges(V1, next)).resolves.toEqual([]);
  });

  test('removed field is breaking', async () => {
    const next = V1.replace(' name: String!', '');
    const changes = await findBreakingChanges(V1, next);
    expect(changes.map((change) => change.path)).toEqual(['Opd.name']);
    expect(changes[0].message).toContain('name');
  });

  test('retyped field is breaking', async () => {
    const next = V1.replace('code: String!', 'code: Int!');
    const changes = await findBreakingChanges(V1, next);
    expect(changes.map((change) => change.path)).toEqual(['Opd.code']);
  });

  test('deprecated field may be removed', async () => {
    const next = V1_DEPRECATED.replace(' name: String! @deprecated(reason: "Use code")', '');
    await expect(findBreakingChanges(V1_DEPRECATED, next)).resolves.toEqual([]);
  });

  test('deprecated enum value may be removed', async () => {
    const next = V1_DEPRECATED.replace(' BADAN @deprecated(reason: "Merged into DINAS")', '');
    await expect(findBreakingChanges(V1_DEPRECATED, next)).resolves.toEqual([]);
  });

  test('deprecating in the same change is breaking', async () => {
    const next = V1_DEPRECATED.replace(' name: String! @deprecated(reason: "Use code")', '');
    const changes = await findBreakingChanges(V1, next);
    expect(changes.map((change) => change.path)).toEqual(['Opd.name']);
  });

  test('removed enum value is breaking', async () => {
    const changes = await findBreakingChanges(V1, V1.replace(' BADAN', ''));
    expect(changes.map((change) => change.path)).toEqual(['Kind.BADAN']);
  });
});

describe('checkSchemaHistory', () => {
  let repo: string;
  let start: string;

  function git(...args: string[]): string {
    return execFileSync(
      'git',
      ['-c', 'user.name=Test', '-c', 'user.email=test@example.invalid', ...args],
      { cwd: repo, encoding: 'utf8' },
    ).trim();
  }

  function commitSchema(sdl: string, message: string): string {
    writeFileSync(path.join(repo, 'schema.graphql'), sdl);
    git('add', 'schema.graphql');
    git('commit', '-q', '-m', message);
    return git('rev-parse', 'HEAD');
  }

  beforeEach(() => {
    repo = mkdtempSync(path.join(tmpdir(), 'schema-history-'));
    git('init', '-q');
    start = commitSchema(V1, 'Start');
  });

  afterEach(() => {
    rmSync(repo, { recursive: true, force: true });
  });

  test('additions pass', async () => {
    commitSchema(V1.replace('kind: Kind }', 'kind: Kind headName: String }'), 'Add headName');
    const report = await checkSchemaHistory(repo, start);
    expect(report.steps).toHaveLength(1);
    expect(report.steps[0].breaking).toEqual([]);
    expect(report.limitation).toBeNull();
  });

  test('removal without deprecation fails', async () => {
    commitSchema(V1.replace(' name: String!', ''), 'Drop name');
    const report = await checkSchemaHistory(repo, start);
    expect(report.steps[0].breaking.map((change) => change.path)).toEqual(['Opd.name']);
    expect(report.steps[0].acceptedBecause).toBeNull();
  });

  test('break hidden by later commit found', async () => {
    commitSchema(V1.replace(' name: String!', ''), 'Drop name');
    commitSchema(V1.replace(' name: String!', ' headName: String'), 'Add headName');
    const report = await checkSchemaHistory(repo, start);
    expect(report.steps.map((step) => step.breaking.length)).toEqual([1, 0]);
  });

  test('deprecate then remove passes', async () => {
    commitSchema(V1_DEPRECATED, 'Deprecate name');
    commitSchema(V1_DEPRECATED.replace(' name: String! @deprecated(reason: "Use code")', ''), 'Go');
    const report = await checkSchemaHistory(repo, start);
    expect(report.steps.flatMap((step) => step.breaking)).toEqual([]);
  });

  test('Schema-Break trailer accepts a break', async () => {
    commitSchema(V1.replace(' name: String!', ''), 'Drop name\n\nSchema-Break: no client reads it');
    const report = await checkSchemaHistory(repo, start);
    expect(report.steps[0].breaking).toHaveLength(1);
    expect(report.steps[0].acceptedBecause).toBe('no client reads it');
  });

  test('uncommitted edit checked against HEAD', async () => {
    writeFileSync(path.join(repo, 'schema.graphql'), V1.replace('code: String!', 'code: Int!'));
    const report = await checkSchemaHistory(repo, start);
    expect(report.steps.map((step) => step.range)).toEqual(['HEAD..working tree']);
    expect(report.steps[0].breaking.map((change) => change.path)).toEqual(['Opd.code']);
  });

  test('missing start commit noted', async () => {
    commitSchema(V1.replace(' name: String!', ''), 'Drop name');
    const report = await checkSchemaHistory(repo, '0'.repeat(40));
    expect(report.limitation).toContain('not in this clone');
    expect(report.steps[0].breaking).toHaveLength(1);
  });
});
