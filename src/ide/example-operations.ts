import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** One example operation from examples/operations, with the variables that fit the demo data. */
export interface ExampleOperation {
  /** File name without `.graphql`, for example "2-attainment-per-mission". */
  name: string;
  /** The GraphQL document, comments included. */
  document: string;
  /** Variables as formatted JSON text; "{}" when the example has no variables file. */
  variables: string;
}

/** Folder of the example operations, relative to the project root. */
export const EXAMPLE_OPERATIONS_DIR = path.join('examples', 'operations');

/**
 * Reads every `<name>.graphql` file of examples/operations, in file name order, with the
 * variables of `<name>.variables.json` beside it. Throws when the folder is missing or a
 * variables file is not valid JSON, naming the file.
 */
export function loadExampleOperations(root: string = findProjectRoot()): ExampleOperation[] {
  const folder = path.join(root, EXAMPLE_OPERATIONS_DIR);
  const names = readdirSync(folder)
    .filter((file) => file.endsWith('.graphql'))
    .map((file) => file.slice(0, -'.graphql'.length))
    .sort();
  return names.map((name) => ({
    name,
    document: readFileSync(path.join(folder, `${name}.graphql`), 'utf8'),
    variables: readVariables(path.join(folder, `${name}.variables.json`)),
  }));
}

function readVariables(file: string): string {
  if (!existsSync(file)) {
    return '{}';
  }
  try {
    return JSON.stringify(JSON.parse(readFileSync(file, 'utf8')), null, 2);
  } catch (error) {
    throw new Error(`${file} is not valid JSON: ${(error as Error).message}`);
  }
}

/**
 * Returns the nearest folder above this file that contains package.json. The same code runs from
 * src/ under ts tooling and from dist/src/ after a build, at different depths.
 */
export function findProjectRoot(start: string = __dirname): string {
  let folder = start;
  while (!existsSync(path.join(folder, 'package.json'))) {
    const parent = path.dirname(folder);
    if (parent === folder) {
      throw new Error(`No package.json found above ${start}`);
    }
    folder = parent;
  }
  return folder;
}
