import { readFileSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const dockerfile = readFileSync(path.join(ROOT, 'docker', 'Dockerfile'), 'utf8');
const smokeScript = readFileSync(path.join(ROOT, 'scripts', 'ci-production-smoke.sh'), 'utf8');

/** Dockerfile instructions with their continuation lines joined. */
function instructions(): { keyword: string; argument: string }[] {
  return dockerfile
    .replace(/\\\n\s*/g, ' ')
    .split('\n')
    .filter((line) => /^[A-Z]+\s/.test(line))
    .map((line) => {
      const [keyword, ...rest] = line.split(/\s+/);
      return { keyword, argument: rest.join(' ') };
    });
}

/** Joins the command of an exec-form (JSON array) instruction into one shell line. */
function execForm(argument: string): string {
  return (JSON.parse(argument) as string[]).join(' ');
}

describe('Dockerfile', () => {
  test('builds in two stages', () => {
    const stages = instructions().filter((entry) => entry.keyword === 'FROM');
    expect(stages.map((entry) => entry.argument)).toEqual([
      'node:20-bookworm-slim AS build',
      'node:20-bookworm-slim AS runtime',
    ]);
  });

  test('runs as a non-root user', () => {
    const users = instructions().filter((entry) => entry.keyword === 'USER');
    expect(users.map((entry) => entry.argument)).toEqual(['node']);
  });

  test('prunes dev dependencies', () => {
    expect(dockerfile).toContain('RUN npm prune --omit=dev');
  });

  test('smoke script repeats every npm step', () => {
    const npmSteps = instructions()
      .filter((entry) => entry.keyword === 'RUN' && entry.argument.startsWith('npm '))
      .map((entry) => entry.argument);
    expect(npmSteps).toHaveLength(3);
    for (const step of npmSteps) {
      expect(smokeScript).toContain(step);
    }
  });

  test('smoke script starts the same command', () => {
    const command = instructions().find((entry) => entry.keyword === 'CMD');
    expect(command).toBeDefined();
    expect(smokeScript).toContain(execForm(command?.argument ?? '[]'));
  });

  test('smoke script probes with the health check', () => {
    const healthcheck = instructions().find((entry) => entry.keyword === 'HEALTHCHECK');
    const probe = healthcheck?.argument.split(' CMD ')[1] ?? '[]';
    const [, , script] = JSON.parse(probe) as string[];
    expect(smokeScript).toContain(script);
  });

  test('smoke script copies the same sources', () => {
    const copied = instructions()
      .filter((entry) => entry.keyword === 'COPY' && !entry.argument.startsWith('--from'))
      .flatMap((entry) => entry.argument.split(' ').slice(0, -1));
    expect(copied.length).toBeGreaterThan(5);
    for (const source of copied) {
      expect(smokeScript).toContain(`"$REPO/${source}"`);
    }
  });
});
