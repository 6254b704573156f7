import { relationshipGlobalId, toGlobalId } from '../../data/globalId';
import { NODE_LABELS, RELATIONSHIP_TYPES } from '../../graph/vocabulary';
import { factColumns, factsOf, provenanceOf, weakestConfidence } from '../facts';
import type { PropertyColumns, PropertyType } from '../propertyTypes';
import type { ExportNode, ExportRelationship, ExportSource } from '../reader';

/**
 * GraphML (http://graphml.graphdrawing.org/xmlns), valid against its XSD (vendored in tools/graphml), for Gephi
 * and Cytoscape. Every attribute is a typed `<key>`, declared before the graph from the property survey: facts and
 * qualifiers keep their type (`long`, `double`, `boolean`, `string`); lists, which GraphML cannot type, are JSON
 * text. `label` is the display name Gephi and Cytoscape show; provenance is the stored JSON plus the weakest
 * `confidence` of its sources, to filter on.
 */
export const GRAPHML_CONTENT_TYPE = 'application/graphml+xml';
const GRAPHML_NS = 'http://graphml.graphdrawing.org/xmlns';
const SCHEMA_LOCATION = `${GRAPHML_NS} http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd`;

type GraphmlType = 'string' | 'long' | 'double' | 'boolean';

interface Key {
  id: string;
  name: string;
  type: GraphmlType;
}

const NODE_KEYS: readonly Key[] = ['label', 'entityType', 'uid', 'key', 'identifier', 'provenance', 'sourceKeys', 'confidence'].map((name) => ({ id: `n_${name}`, name, type: 'string' }));
const EDGE_KEYS: readonly Key[] = ['label', 'relationshipType', 'id', 'identifier', 'provenance', 'sourceKeys', 'confidence'].map((name) => ({ id: `e_${name}`, name, type: 'string' }));

function graphmlType(type: PropertyType): GraphmlType {
  return type.list ? 'string' : type.scalar;
}

/** One key per fact name across all labels (or types); a name typed differently by two of them is text. */
function factKeys(prefix: string, fixed: readonly Key[], columnsByOwner: ReadonlyMap<string, PropertyColumns>): Key[] {
  const types = new Map<string, GraphmlType>();
  for (const columns of columnsByOwner.values()) {
    for (const name of factColumns(columns)) {
      if (fixed.some((key) => key.name === name)) continue;
      const type = graphmlType(columns.get(name)!);
      const known = types.get(name);
      types.set(name, known === undefined || known === type ? type : 'string');
    }
  }
  return [...types.keys()].sort().map((name) => ({ id: `${prefix}_${name}`, name, type: types.get(name)! }));
}

/** GraphML ids are NMTOKENs: a uid made of slug characters is used as it is, any other as its (base64url) global ID. */
function nodeId(uid: string): string {
  return /^[A-Za-z0-9._:-]+$/.test(uid) ? uid : toGlobalId(uid);
}

// XML 1.0 cannot hold C0 controls other than tab and line ends, nor U+FFFE/U+FFFF or lone surrogates.
// eslint-disable-next-line no-control-regex -- finding the control characters XML forbids is the point
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** A value's text; a character XML cannot hold becomes U+FFFD, so one odd value never makes the file invalid. */
function text(value: unknown): string {
  return (Array.isArray(value) ? JSON.stringify(value) : String(value)).replace(NOT_XML, '\uFFFD');
}

// Tab, line feed and carriage return are escaped too: an XML parser normalises them to spaces in attributes
// and a bare CR to LF in text, so a stored value would not read back as it was.
const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', '\t': '&#9;', '\n': '&#10;', '\r': '&#13;' };
const escapeAttribute = (value: string) => value.replace(/[&<>"\t\n\r]/g, (character) => ESCAPES[character]);
const escapeText = (value: string) => value.replace(/[&<>\r]/g, (character) => ESCAPES[character]);

function element(indent: string, name: string, attributes: Record<string, string>, close: boolean): string {
  const written = Object.entries(attributes).map(([attribute, value]) => ` ${attribute}="${escapeAttribute(value)}"`).join('');
  return `${indent}<${name}${written}${close ? '/>' : '>'}\n`;
}

/** The `<data>` children of a node or edge, one per key with a value. */
function data(values: ReadonlyMap<string, unknown>, keys: readonly Key[]): string {
  let out = '';
  for (const key of keys) {
    const value = values.get(key.name);
    if (value !== undefined && value !== null) out += `      <data key="${escapeAttribute(key.id)}">${escapeText(text(value))}</data>\n`;
  }
  return out;
}

/**
 * Written as text, not through xmlbuilder2 (used before): its builder makes a DOM node per element even in its
 * callback API, which took most of the CPU and heap of a 20k-node export; GraphML's few fixed elements need only
 * escaping.
 */
export async function* graphmlChunks(source: ExportSource): AsyncGenerator<string> {
  const nodeFacts = factKeys('n', NODE_KEYS, await source.nodeColumns());
  const edgeFacts = factKeys('e', EDGE_KEYS, await source.relationshipColumns());
  let head = '<?xml version="1.0" encoding="UTF-8"?>\n';
  head += element('', 'graphml', { xmlns: GRAPHML_NS, 'xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance', 'xsi:schemaLocation': SCHEMA_LOCATION }, false);
  for (const key of [...NODE_KEYS, ...nodeFacts]) head += element('  ', 'key', { id: key.id, for: 'node', 'attr.name': key.name, 'attr.type': key.type }, true);
  for (const key of [...EDGE_KEYS, ...edgeFacts]) head += element('  ', 'key', { id: key.id, for: 'edge', 'attr.name': key.name, 'attr.type': key.type }, true);
  yield head + element('  ', 'graph', { id: 'geocoop', edgedefault: 'directed' }, false);

  for (const label of NODE_LABELS) {
    for await (const batch of source.nodes(label)) {
      let chunk = '';
      for (const node of batch) {
        chunk += element('    ', 'node', { id: nodeId(node.uid) }, false);
        chunk += data(nodeValues(node), NODE_KEYS) + data(new Map(Object.entries(factsOf(node.props))), nodeFacts);
        chunk += '    </node>\n';
      }
      yield chunk;
    }
  }
  for (const type of RELATIONSHIP_TYPES) {
    for await (const batch of source.relationships(type)) {
      let chunk = '';
      for (const relationship of batch) {
        chunk += element('    ', 'edge', { id: `${type}:${relationship.id}`, source: nodeId(relationship.startUid), target: nodeId(relationship.endUid) }, false);
        chunk += data(edgeValues(relationship), EDGE_KEYS) + data(new Map(Object.entries(factsOf(relationship.props))), edgeFacts);
        chunk += '    </edge>\n';
      }
      yield chunk;
    }
  }
  yield '  </graph>\n</graphml>\n';
}

function nodeValues(node: ExportNode): Map<string, unknown> {
  const { props } = node;
  const name = props.name ?? props.title ?? node.key;
  return new Map<string, unknown>([
    ['label', name],
    ['entityType', node.label],
    ['uid', node.uid],
    ['key', node.key],
    ['identifier', toGlobalId(node.uid)],
    ['provenance', props.provenance],
    ['sourceKeys', props.sourceKeys],
    ['confidence', weakestConfidence(provenanceOf(props))],
  ]);
}

function edgeValues(relationship: ExportRelationship): Map<string, unknown> {
  const { props } = relationship;
  return new Map<string, unknown>([
    ['label', relationship.type],
    ['relationshipType', relationship.type],
    ['id', relationship.id],
    ['identifier', relationshipGlobalId(relationship.type, relationship.id)],
    ['provenance', props.provenance],
    ['sourceKeys', props.sourceKeys],
    ['confidence', weakestConfidence(provenanceOf(props))],
  ]);
}
