import { readFileSync } from 'node:fs';
import path from 'node:path';
import { CONFIG_VARIABLES, loadConfig } from '../../../src/config/config';

const ROOT = path.resolve(__dirname, '..', '..', '..');

/** Variables assigned in .env.example, with their values, in file order. */
function readEnvExample(): Map<string, string> {
  const text = readFileSync(path.join(ROOT, '.env.example'), 'utf8');
  const entries = text
    .split('\n')
    .filter((line) => /^[A-Z_]+=/.test(line))
    .map((line): [string, string] => {
      const [name, ...value] = line.split('=');
      return [name, value.join('=')];
    });
  return new Map(entries);
}

/** Variables named in the first column of the README's configuration table. */
function readReadmeTable(): string[] {
  const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const section = readme.split('## Configuration')[1]?.split('\n## ')[0] ?? '';
  return [...section.matchAll(/^\| `([A-Z_]+)`/gm)].map((match) => match[1]);
}

describe('configuration documentation', () => {
  test('.env.example lists every variable', () => {
    expect([...readEnvExample().keys()].sort()).toEqual([...CONFIG_VARIABLES].sort());
  });

  test('README table lists every variable', () => {
    expect(readReadmeTable().sort()).toEqual([...CONFIG_VARIABLES].sort());
  });

  test('.env.example values are accepted as they are', () => {
    const env = Object.fromEntries(readEnvExample());
    const config = loadConfig(env);
    expect(config.port).toBe(4000);
    expect(config.database.type).toBe('sqlite');
    expect(config.importMaxBytes).toBe(73728);
  });
});
