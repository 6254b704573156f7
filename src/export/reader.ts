import type { CypherRunner, Row } from '../db/cypherRunner';
import { NODE_LABELS, RELATIONSHIP_TYPES, type NodeLabel, type RelationshipType } from '../graph/vocabulary';
import { LIMITS } from '../limits';
import { columnsFrom, type PropertyColumns } from './propertyTypes';
import type { ExportScope } from './scope';

/** An entity as exported: its identity and every stored property (the writers choose which to show). */
export interface ExportNode {
  uid: string;
  label: NodeLabel;
  key: string;
  props: Record<string, unknown>;
}

/** A relationship as exported, in its stored direction. */
export interface ExportRelationship {
  id: string;
  type: RelationshipType;
  startUid: string;
  endUid: string;
  props: Record<string, unknown>;
}

/**
 * What every writer reads: labels and types in vocabulary order, each in batches of at most `export.batch`
 * rows, so no writer holds more than one batch of the graph. The whole graph is read in keyset pages (one
 * short read transaction each: a concurrent write may show in a later page, never half-applied); a subgraph
 * in slices of its uids. Only `:Entity` nodes with a label of NODE_LABELS and relationships of
 * RELATIONSHIP_TYPES between them are ever read.
 */
export interface ExportSource {
  nodeColumns(): Promise<ReadonlyMap<NodeLabel, PropertyColumns>>;
  relationshipColumns(): Promise<ReadonlyMap<RelationshipType, PropertyColumns>>;
  nodes(label: NodeLabel): AsyncGenerator<ExportNode[]>;
  relationships(type: RelationshipType): AsyncGenerator<ExportRelationship[]>;
}

interface SurveyRow {
  name: string;
  types: string[];
}

export class GraphExportSource implements ExportSource {
  private readonly uidsByLabel: ReadonlyMap<NodeLabel, readonly string[]> | null;

  /** `batch` is the registry's page size; a test passes a small one to read the seed across many pages. */
  constructor(
    private readonly cypher: CypherRunner,
    private readonly scope: ExportScope,
    private readonly batch: number = LIMITS.export.batch,
  ) {
    this.uidsByLabel = scope.kind === 'subgraph' ? groupByLabel(scope.uids) : null;
  }

  async nodeColumns(): Promise<ReadonlyMap<NodeLabel, PropertyColumns>> {
    const rows =
      this.scope.kind === 'graph'
        ? await this.read('export/node-properties', { labels: NODE_LABELS })
        : await this.read('export/node-properties-among', { labels: NODE_LABELS, uids: this.scope.uids });
    return surveyBy(rows, 'label', NODE_LABELS);
  }

  async relationshipColumns(): Promise<ReadonlyMap<RelationshipType, PropertyColumns>> {
    const rows =
      this.scope.kind === 'graph'
        ? await this.read('export/relationship-properties', { types: RELATIONSHIP_TYPES })
        : await this.read('export/relationship-properties-among', { types: RELATIONSHIP_TYPES, uids: this.scope.uids });
    return surveyBy(rows, 'type', RELATIONSHIP_TYPES);
  }

  async *nodes(label: NodeLabel): AsyncGenerator<ExportNode[]> {
    const toNode = (row: Row): ExportNode => ({ uid: `${label}:${String(row.key)}`, label, key: String(row.key), props: row.props as Record<string, unknown> });
    if (this.uidsByLabel) {
      for (const uids of slices(this.uidsByLabel.get(label) ?? [], this.batch)) {
        yield (await this.read('export/nodes-by-uids', { uids })).map(toNode);
      }
      return;
    }
    // Every uid of the label sorts between "Label:" and "Label;" (";" follows ":").
    const before = `${label};`;
    for (let after = `${label}:`; ; ) {
      const rows = await this.read('export/node-page', { after, before, batch: this.batch });
      if (rows.length === 0) return;
      yield rows.map(toNode);
      if (rows.length < this.batch) return;
      after = String(rows[rows.length - 1].uid);
    }
  }

  async *relationships(type: RelationshipType): AsyncGenerator<ExportRelationship[]> {
    const toRelationship = (row: Row): ExportRelationship => ({
      id: String(row.id),
      type,
      startUid: String(row.startUid),
      endUid: String(row.endUid),
      props: row.props as Record<string, unknown>,
    });
    if (this.scope.kind === 'subgraph') {
      for (const starts of slices(this.scope.uids, this.batch)) {
        const rows = await this.read('export/relationships-among', { type, starts, uids: this.scope.uids });
        if (rows.length > 0) yield rows.map(toRelationship);
      }
      return;
    }
    for (let after = ''; ; ) {
      const rows = await this.cypher.readTemplate('export/relationship-page', { type }, { after, batch: this.batch }, LIMITS.export.statementMs);
      if (rows.length === 0) return;
      yield rows.map(toRelationship);
      if (rows.length < this.batch) return;
      after = String(rows[rows.length - 1].id);
    }
  }

  private read(name: string, params: Record<string, unknown>): Promise<Row[]> {
    return this.cypher.read(name, params, LIMITS.export.statementMs);
  }
}

function groupByLabel(uids: readonly string[]): Map<NodeLabel, string[]> {
  const byLabel = new Map<NodeLabel, string[]>();
  for (const uid of uids) {
    const label = NODE_LABELS.find((candidate) => uid.startsWith(`${candidate}:`));
    if (!label) continue;
    const group = byLabel.get(label);
    if (group) group.push(uid);
    else byLabel.set(label, [uid]);
  }
  return byLabel;
}

function* slices<T>(items: readonly T[], size: number): Generator<T[]> {
  for (let start = 0; start < items.length; start += size) yield items.slice(start, start + size);
}

function surveyBy<T extends string>(rows: Row[], field: 'label' | 'type', order: readonly T[]): Map<T, PropertyColumns> {
  const byOwner = new Map<T, SurveyRow[]>();
  for (const row of rows) {
    const owner = row[field] as T;
    const survey = { name: String(row.name), types: row.types as string[] };
    const group = byOwner.get(owner);
    if (group) group.push(survey);
    else byOwner.set(owner, [survey]);
  }
  return new Map(order.filter((owner) => byOwner.has(owner)).map((owner) => [owner, columnsFrom(byOwner.get(owner)!)] as const));
}
