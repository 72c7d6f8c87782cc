import { type OperationDefinitionNode, Kind, parse } from 'graphql';
import { countOperations, measureOperation } from '../../../src/server/document-shape';

/** Measures the first operation of a document. */
function shapeOf(source: string) {
  const document = parse(source);
  const operation = document.definitions.find(
    (definition): definition is OperationDefinitionNode =>
      definition.kind === Kind.OPERATION_DEFINITION,
  );
  if (!operation) {
    throw new Error('the document has no operation');
  }
  return measureOperation(document, operation);
}

describe('operation depth', () => {
  test.each([
    ['flat fields', '{ plans { id } }', 2],
    ['nested objects', '{ plans { missions { opds { edges { node { code } } } } } }', 6],
    ['fields only', '{ me }', 1],
  ])('%s', (_name, source, depth) => {
    expect(shapeOf(source).depth).toBe(depth);
  });

  test('fragments count where spread', () => {
    const source = `{ plans { ...P } }
      fragment P on Plan { missions { ...M } }
      fragment M on Mission { plan { id } }`;
    expect(shapeOf(source).depth).toBe(4);
  });

  test('inline fragments add no level', () => {
    expect(shapeOf('{ node(id: "x") { ... on Plan { missions { id } } } }').depth).toBe(3);
  });

  test('introspection counts one level', () => {
    const source = '{ __schema { types { fields { type { ofType { ofType { name } } } } } } }';
    expect(shapeOf(source).depth).toBe(1);
  });

  test('self-spreading fragment stops', () => {
    // plans > missions > plan; the spread inside plan repeats A and adds nothing.
    const source = '{ plans { ...A } } fragment A on Plan { missions { plan { ...A } } }';
    expect(shapeOf(source).depth).toBe(3);
  });
});

describe('repeated fields', () => {
  test('aliases of one field counted', () => {
    const source = `{ ${Array.from({ length: 7 }, (_, index) => `a${index}: plans { id }`).join(' ')} me { id } }`;
    expect(shapeOf(source).mostRepeated).toEqual({ field: 'plans', count: 7 });
  });

  test('repeats without alias counted', () => {
    expect(shapeOf('{ me { id id id } }').mostRepeated).toEqual({ field: 'id', count: 3 });
  });

  test('fragments merge into one level', () => {
    const source = `{ plans { ...A ...B ... on Plan { c: id } } }
      fragment A on Plan { a: id }
      fragment B on Plan { b: id ...A }`;
    expect(shapeOf(source).mostRepeated).toEqual({ field: 'id', count: 4 });
  });

  test('doubling fragments measured without expanding', () => {
    const levels = 40;
    let source = '{ plans { ...F0 } }\n';
    for (let level = 0; level < levels; level++) {
      source += `fragment F${level} on Plan { ...F${level + 1} ...F${level + 1} }\n`;
    }
    source += `fragment F${levels} on Plan { id }\n`;

    const startedAt = performance.now();
    const shape = shapeOf(source);
    expect(shape.mostRepeated).toEqual({ field: 'id', count: 2 ** levels });
    // Expanding 2^40 spreads would never finish; measuring each fragment once is instant.
    expect(performance.now() - startedAt).toBeLessThan(5000);
  });
});

describe('countOperations', () => {
  test('fragments are not operations', () => {
    const document = parse(
      'query A { me { id } } query B { plans { id } } fragment F on Plan { id }',
    );
    expect(countOperations(document)).toBe(2);
  });
});
