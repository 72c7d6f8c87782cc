import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ts from 'typescript';
import { GENERATED_FILE, generateClientTypes } from '../../scripts/generate-client-types';

const ROOT = path.join(__dirname, '..', '..');
const CLIENT_TSCONFIG = path.join(ROOT, 'examples', 'client', 'tsconfig.json');

/** Type-checks the client example plus `extraFiles`; returns each diagnostic as one line. */
function typeCheck(extraFiles: string[] = []): string[] {
  const config = ts.getParsedCommandLineOfConfigFile(
    CLIENT_TSCONFIG,
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
        throw new Error(ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
      },
    },
  );
  if (!config) {
    throw new Error(`${CLIENT_TSCONFIG} could not be read`);
  }
  const program = ts.createProgram({
    rootNames: [...config.fileNames, ...extraFiles],
    options: { ...config.options, noEmit: true },
  });
  return ts.getPreEmitDiagnostics(program).map((diagnostic) => {
    const file = diagnostic.file ? path.relative(ROOT, diagnostic.file.fileName) : '';
    const text = ts.flattenDiagnosticMessageText(diagnostic.messageText, ' ');
    return `${file} TS${diagnostic.code}: ${text}`;
  });
}

describe('typed client example', () => {
  test('generated types are current', async () => {
    const committed = readFileSync(path.join(ROOT, GENERATED_FILE), 'utf8');
    // On failure run `npm run client:generate` and commit the result.
    expect(committed).toBe(await generateClientTypes(ROOT));
  });

  test('client type-checks', () => {
    expect(typeCheck()).toEqual([]);
  });

  test('unknown result field fails type-check', () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'typed-client-'));
    try {
      const generated = path.join(ROOT, GENERATED_FILE).replace(/\.ts$/, '');
      const probe = path.join(folder, 'probe.ts');
      writeFileSync(
        probe,
        `import type { AttainmentPerMissionQuery } from ${JSON.stringify(generated)};\n` +
          'export function read(result: AttainmentPerMissionQuery): unknown {\n' +
          '  return result.missionAttainment[0].budget;\n' +
          '}\n',
      );
      const problems = typeCheck([probe]);
      expect(problems).toHaveLength(1);
      expect(problems[0]).toContain("Property 'budget' does not exist");
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
