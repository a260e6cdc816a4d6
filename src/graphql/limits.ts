// Caps checked on the parsed document BEFORE graphql-js validates it, so an abusive document is
// refused in one linear walk: some validation rules are quadratic in the number of fields
// (OverlappingFieldsCanBeMerged), and fragments can fan out exponentially. The token limit
// itself is graphql-js's (parse's maxTokens, GRAPHQL_QUERY_TOKEN_LIMIT as in Directus).
//  - fields: every field selection counts, fragments expanded where they are spread (a fragment
//    spread twice counts twice), the walk stops at the cap;
//  - depth: below a data root field, paths as long as REST's `fields` may have (MAX_RELATIONAL_DEPTH);
//  - introspection (`__schema`, `__type`) may nest deeper (type references: `ofType` chains), but
//    on one path at most INTROSPECTION_LISTS list fields (types > fields > args), which is what
//    a client's introspection query needs and stops `fields { type { fields { type ... } } }`.
import { GraphQLError, Kind, type DocumentNode, type FragmentDefinitionNode, type SelectionSetNode } from 'graphql';

export interface DocumentLimits {
  /** most field selections in one document, fragments expanded */
  maxFields: number;
  /** MAX_RELATIONAL_DEPTH */
  maxRelationalDepth: number;
}

const INTROSPECTION_DEPTH = 20;
const INTROSPECTION_LISTS = 3;
const LIST_FIELDS = new Set(['types', 'fields', 'inputFields', 'args', 'enumValues', 'possibleTypes', 'interfaces', 'directives']);

/** The first cap the document exceeds, as a GraphQL error (answered 400 GRAPHQL_VALIDATION); null: within the caps. */
export function checkDocument(document: DocumentNode, limits: DocumentLimits): GraphQLError | null {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  let fields = 0;
  // the root field + a field path as long as REST's `fields` may have (MAX_RELATIONAL_DEPTH segments)
  const dataDepth = limits.maxRelationalDepth + 1;

  const walk = (set: SelectionSetNode, depth: number, introspection: boolean, lists: number, spreading: Set<string>): GraphQLError | null => {
    for (const sel of set.selections) {
      if (sel.kind === Kind.FIELD) {
        if (++fields > limits.maxFields) return new GraphQLError(`The query has more than ${limits.maxFields} fields.`, { nodes: sel });
        const name = sel.name.value;
        const inIntrospection = introspection || (depth === 1 && (name === '__schema' || name === '__type'));
        const max = inIntrospection ? INTROSPECTION_DEPTH : dataDepth;
        if (depth > max) return new GraphQLError(`The query is nested deeper than ${max} levels.`, { nodes: sel });
        const nextLists = inIntrospection && LIST_FIELDS.has(name) ? lists + 1 : lists;
        if (nextLists > INTROSPECTION_LISTS) return new GraphQLError(`The introspection query nests more than ${INTROSPECTION_LISTS} lists.`, { nodes: sel });
        if (sel.selectionSet) {
          const err = walk(sel.selectionSet, depth + 1, inIntrospection, nextLists, spreading);
          if (err) return err;
        }
      } else if (sel.kind === Kind.INLINE_FRAGMENT) {
        const err = walk(sel.selectionSet, depth, introspection, lists, spreading);
        if (err) return err;
      } else {
        const name = sel.name.value;
        const fragment = fragments.get(name);
        // unknown fragments and cycles are validation's to report
        if (!fragment || spreading.has(name)) continue;
        spreading.add(name);
        const err = walk(fragment.selectionSet, depth, introspection, lists, spreading);
        spreading.delete(name);
        if (err) return err;
      }
    }
    return null;
  };

  for (const d of document.definitions) {
    if (d.kind !== Kind.OPERATION_DEFINITION) continue;
    const err = walk(d.selectionSet, 1, false, 0, new Set());
    if (err) return err;
  }
  return null;
}
