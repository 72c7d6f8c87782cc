import {
  type DocumentNode,
  type FragmentDefinitionNode,
  Kind,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';

/** The most often selected field of one selection set. */
export interface RepeatedField {
  field: string;
  count: number;
}

/** Size measures of one operation, with fragments expanded. */
export interface OperationShape {
  /** Deepest nesting of fields; introspection fields count as one level. */
  depth: number;
  /** The field selected most often in one selection set, aliased or repeated. */
  mostRepeated: RepeatedField;
}

/** Counts the operation definitions of a document. */
export function countOperations(document: DocumentNode): number {
  return document.definitions.filter((definition) => definition.kind === Kind.OPERATION_DEFINITION)
    .length;
}

/**
 * Measures an operation's depth and its most repeated field. Fragments are measured once and
 * reused, so a document that spreads fragments into each other many times is measured in time
 * linear in its size. A fragment that spreads itself, directly or not, adds nothing here;
 * GraphQL validation rejects such documents.
 */
export function measureOperation(
  document: DocumentNode,
  operation: OperationDefinitionNode,
): OperationShape {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) {
      fragments.set(definition.name.value, definition);
    }
  }
  return new ShapeMeasurer(fragments).measure(operation.selectionSet);
}

const NO_REPEAT: RepeatedField = { field: '', count: 0 };

class ShapeMeasurer {
  private readonly fragmentShapes = new Map<string, OperationShape>();
  private readonly fragmentCounts = new Map<string, Map<string, number>>();
  private readonly measuring = new Set<string>();
  private readonly counting = new Set<string>();

  constructor(private readonly fragments: Map<string, FragmentDefinitionNode>) {}

  /** Measures a selection set and every selection set below it. */
  measure(selectionSet: SelectionSetNode): OperationShape {
    let depth = 0;
    let mostRepeated = mostFrequent(this.countFields(selectionSet));

    for (const selection of selectionSet.selections) {
      let inner: OperationShape | null = null;
      let levels = 0;
      if (selection.kind === Kind.FIELD) {
        inner = selection.selectionSet ? this.measure(selection.selectionSet) : null;
        // Introspection follows the schema's own type graph (ofType chains), not data, and is
        // switched on or off as a whole, so it counts as one level.
        const introspection = selection.name.value.startsWith('__');
        levels = 1 + (inner && !introspection ? inner.depth : 0);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        inner = this.measure(selection.selectionSet);
        levels = inner.depth;
      } else {
        inner = this.measureFragment(selection.name.value);
        levels = inner.depth;
      }
      depth = Math.max(depth, levels);
      if (inner && inner.mostRepeated.count > mostRepeated.count) {
        mostRepeated = inner.mostRepeated;
      }
    }
    return { depth, mostRepeated };
  }

  /**
   * Counts selections per field name in one selection set, including those that inline
   * fragments and fragment spreads add to the same level, as GraphQL merges them.
   */
  private countFields(selectionSet: SelectionSetNode): Map<string, number> {
    const counts = new Map<string, number>();
    const add = (name: string, count: number) => counts.set(name, (counts.get(name) ?? 0) + count);

    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        add(selection.name.value, 1);
        continue;
      }
      const nested =
        selection.kind === Kind.INLINE_FRAGMENT
          ? this.countFields(selection.selectionSet)
          : this.countFragmentFields(selection.name.value);
      for (const [name, count] of nested) {
        add(name, count);
      }
    }
    return counts;
  }

  private measureFragment(name: string): OperationShape {
    const known = this.fragmentShapes.get(name);
    if (known) {
      return known;
    }
    const fragment = this.fragments.get(name);
    if (!fragment || this.measuring.has(name)) {
      return { depth: 0, mostRepeated: NO_REPEAT };
    }
    this.measuring.add(name);
    const shape = this.measure(fragment.selectionSet);
    this.measuring.delete(name);
    this.fragmentShapes.set(name, shape);
    return shape;
  }

  private countFragmentFields(name: string): Map<string, number> {
    const known = this.fragmentCounts.get(name);
    if (known) {
      return known;
    }
    const fragment = this.fragments.get(name);
    if (!fragment || this.counting.has(name)) {
      return new Map();
    }
    this.counting.add(name);
    const counts = this.countFields(fragment.selectionSet);
    this.counting.delete(name);
    this.fragmentCounts.set(name, counts);
    return counts;
  }
}

function mostFrequent(counts: Map<string, number>): RepeatedField {
  let most = NO_REPEAT;
  for (const [field, count] of counts) {
    if (count > most.count) {
      most = { field, count };
    }
  }
  return most;
}
