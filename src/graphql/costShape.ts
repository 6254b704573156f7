import { Kind, type DocumentNode, type FragmentDefinitionNode, type OperationDefinitionNode, type SelectionSetNode } from 'graphql';

/**
 * The shape of one operation, fragments expanded: what the depth, alias, root-field and directive limits read.
 * (Nested introspection lists are graphql-js's own MaxIntrospectionDepthRule, part of validation.)
 */
export interface OperationShape {
  /** The longest chain of nested fields, the leaf included. */
  depth: number;
  aliases: number;
  rootFields: number;
  directives: number;
}

interface SelectionShape {
  depth: number;
  aliases: number;
  directives: number;
}

const EMPTY: SelectionShape = { depth: 0, aliases: 0, directives: 0 };

/**
 * One walk of the operation. Each fragment is measured once and reused wherever it is spread, so fan-out (a
 * fragment spreading another ten times, and so on) costs the walk nothing more; a cycle (refused by validation
 * anyway) counts as empty instead of recursing forever.
 */
export function measureOperation(document: DocumentNode, operation: OperationDefinitionNode): OperationShape {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  const measured = new Map<string, SelectionShape>();
  const inProgress = new Set<string>();
  const rootFieldCounts = new Map<string, number>();

  function fragmentShape(name: string): SelectionShape {
    const known = measured.get(name);
    if (known) return known;
    const fragment = fragments.get(name);
    if (!fragment || inProgress.has(name)) return EMPTY;
    inProgress.add(name);
    const shape = add(selectionSetShape(fragment.selectionSet), { ...EMPTY, directives: fragment.directives?.length ?? 0 });
    inProgress.delete(name);
    measured.set(name, shape);
    return shape;
  }

  function selectionSetShape(selectionSet: SelectionSetNode): SelectionShape {
    let shape = EMPTY;
    for (const selection of selectionSet.selections) {
      const own = { ...EMPTY, directives: selection.directives?.length ?? 0 };
      if (selection.kind === Kind.FIELD) {
        const children = selection.selectionSet ? selectionSetShape(selection.selectionSet) : EMPTY;
        shape = add(shape, {
          depth: children.depth + 1,
          aliases: children.aliases + (selection.alias ? 1 : 0),
          directives: own.directives + children.directives,
        });
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        shape = add(shape, add(own, selectionSetShape(selection.selectionSet)));
      } else {
        shape = add(shape, add(own, fragmentShape(selection.name.value)));
      }
    }
    return shape;
  }

  const root = selectionSetShape(operation.selectionSet);
  return {
    depth: root.depth,
    aliases: root.aliases,
    rootFields: countRootFields(operation.selectionSet, fragmentRootFields),
    directives: root.directives + (operation.directives?.length ?? 0),
  };

  function fragmentRootFields(name: string): number {
    const known = rootFieldCounts.get(name);
    if (known !== undefined) return known;
    const fragment = fragments.get(name);
    if (!fragment) return 0;
    rootFieldCounts.set(name, 0);
    const count = countRootFields(fragment.selectionSet, fragmentRootFields);
    rootFieldCounts.set(name, count);
    return count;
  }
}

function countRootFields(selectionSet: SelectionSetNode, fragmentRootFields: (name: string) => number): number {
  let count = 0;
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) count += 1;
    else if (selection.kind === Kind.INLINE_FRAGMENT) count += countRootFields(selection.selectionSet, fragmentRootFields);
    else count += fragmentRootFields(selection.name.value);
  }
  return count;
}

/** Siblings add up their aliases and directives; depth is the deepest of them. */
function add(a: SelectionShape, b: SelectionShape): SelectionShape {
  return {
    depth: Math.max(a.depth, b.depth),
    aliases: a.aliases + b.aliases,
    directives: a.directives + b.directives,
  };
}
