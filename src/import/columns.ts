import { ENTITY_FIELDS, QUALIFIER_FIELDS, RELATIONSHIP_RULES, type FieldSpec } from '../graph/model';
import { NODE_LABELS, RELATIONSHIP_TYPES, type NodeLabel, type RelationshipType } from '../graph/vocabulary';

/**
 * The CSV columns of each kind and relationship type, generated from the write model (src/graph/model.ts), so
 * the importer, `npm run import -- --columns` and the README table (checked by a unit test) cannot disagree.
 */
export const PROVENANCE_COLUMNS = ['provenance.source', 'provenance.quote', 'provenance.confidence', 'provenance.note'] as const;

/** List cells hold their items separated by this (as the CSV export writes them). */
export const LIST_DELIMITER = ';';

export interface ImportColumn {
  name: string;
  spec: FieldSpec | null;
  required: boolean;
}

const PROVENANCE_SPECS: Record<(typeof PROVENANCE_COLUMNS)[number], FieldSpec> = {
  'provenance.source': { type: 'name' },
  'provenance.quote': { type: 'text' },
  'provenance.confidence': { type: 'enum', values: ['HIGH', 'MEDIUM', 'LOW'] },
  'provenance.note': { type: 'text' },
};

function provenanceColumns(): ImportColumn[] {
  return PROVENANCE_COLUMNS.map((name) => ({ name, spec: PROVENANCE_SPECS[name], required: false }));
}

export function entityColumns(kind: NodeLabel): ImportColumn[] {
  return [
    { name: 'key', spec: { type: 'name' }, required: true },
    ...Object.entries(ENTITY_FIELDS[kind]).map(([name, spec]) => ({ name, spec, required: spec.required === true })),
    ...provenanceColumns(),
  ];
}

export function relationshipColumns(type: RelationshipType): ImportColumn[] {
  return [
    { name: 'from', spec: { type: 'name' }, required: true },
    { name: 'to', spec: { type: 'name' }, required: true },
    ...RELATIONSHIP_RULES[type].qualifiers.map((name) => ({ name, spec: QUALIFIER_FIELDS[name], required: false })),
    ...provenanceColumns(),
  ];
}

function typeText(spec: FieldSpec | null): string {
  if (!spec) return '';
  const values = spec.values ? ` (${spec.values.join(', ')})` : '';
  if (spec.type === 'nameList') return `list of names, \`${LIST_DELIMITER}\`-separated`;
  if (spec.type === 'localizedNames') return `list of \`tag\\|FORM\\|name\` (BCP 47 tag; FORM one of ${(spec.values ?? []).join(', ')}), \`${LIST_DELIMITER}\`-separated`;
  if (spec.type === 'enumList') return `list, \`${LIST_DELIMITER}\`-separated${values}`;
  return `${spec.type}${values}`;
}

function columnText(column: ImportColumn): string {
  return `\`${column.name}\`${column.required ? '*' : ''}`;
}

/** The Markdown table of every file's columns (`*`: required), as printed by `--columns` and kept in the README. */
export function columnsTable(): string {
  const rows: string[] = ['| File | Columns (`*` required; then `provenance.source`, `provenance.quote`, `provenance.confidence`, `provenance.note`) |', '| --- | --- |'];
  const describe = (columns: ImportColumn[]) =>
    columns
      .filter((column) => !column.name.startsWith('provenance.'))
      .map((column) => (column.name === 'key' || column.name === 'from' || column.name === 'to' ? columnText(column) : `${columnText(column)} ${typeText(column.spec)}`))
      .join('; ');
  for (const kind of NODE_LABELS) rows.push(`| \`${kind}.csv\` | ${describe(entityColumns(kind))} |`);
  for (const type of RELATIONSHIP_TYPES) {
    const rule = RELATIONSHIP_RULES[type];
    rows.push(`| \`${type}.csv\` (${rule.from.join('/')} → ${rule.to.length > 3 ? 'any kind but Source' : rule.to.join('/')}) | ${describe(relationshipColumns(type))} |`);
  }
  return rows.join('\n');
}
