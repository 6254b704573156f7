import { randomUUID } from 'node:crypto';
import type { Principal } from '../auth/viewer';
import type { CypherRunner } from '../db/cypherRunner';
import { LIMITS } from '../limits';
import { ImportMemory, NO_COUNTS, writeBatch, type BatchCounts, type BatchEntity, type BatchLink } from '../writes/batch';
import type { Writer } from '../writes/writer';
import { parseFile, type ImportFile } from './parse';
import { SILENT, type Progress } from './progress';
import type { EntityImport, ImportProblem, ImportRecord, Located, RelationshipImport } from './records';
import { validateRecords, type EntityLookup, type StoredEntity } from './validate';

/**
 * Bulk import: read every file, judge every record with the write rules, and only when none is refused write them
 * in batches — entities of all files first, then relationships (so an end may come later in the import than a
 * relationship to it). Each batch is one transaction with one history entry; a batch that fails rolls back alone,
 * and the report names the position to resume from: every record before it is in the graph.
 */
export { columnsTable } from './columns';
export { csvKindOf, formatOf, type ImportFile, type ImportFormat } from './parse';
export type { ImportProblem } from './records';

/** A place in the import: the `fileIndex`-th file, line `line`. */
export interface ImportPosition {
  fileIndex: number;
  line: number;
}

export interface ImportOptions {
  files: ImportFile[];
  principal: Principal;
  dryRun?: boolean;
  /** Records before this position are skipped (they are in the graph from an earlier, interrupted run). */
  resumeFrom?: ImportPosition;
  progress?: Progress;
  batchSize?: number;
  /** Called before each batch's transaction (the tests remove an end here to make a batch fail). */
  beforeBatch?: (batch: { index: number; file: string; firstLine: number }) => Promise<void>;
}

export interface ImportFailure {
  file: string;
  line: number;
  message: string;
  /** The `--resume-from` value that continues the import where it stopped. */
  resumeFrom: string;
}

export interface ImportReport {
  dryRun: boolean;
  /** True when every record was accepted and (unless a dry run) written. */
  ok: boolean;
  files: Array<{ file: string; records: number }>;
  records: number;
  skipped: number;
  problems: ImportProblem[];
  /** Problems found; `problems` lists at most `import.reportProblems` of them. */
  problemCount: number;
  batches: number;
  counts: BatchCounts;
  /** History entries recorded (one per batch that changed something). */
  changes: number[];
  failure: ImportFailure | null;
  seconds: number;
}

function before(a: ImportPosition, b: ImportPosition): boolean {
  return a.fileIndex < b.fileIndex || (a.fileIndex === b.fileIndex && a.line < b.line);
}

/** Parses `LINE` (the first file) or `FILE:LINE` against the import's file names. */
export function resumePosition(value: string, files: readonly string[]): ImportPosition | null {
  const match = /^(?:(.*):)?(\d+)$/.exec(value);
  if (!match) return null;
  const fileIndex = match[1] === undefined ? 0 : files.indexOf(match[1]);
  return fileIndex < 0 ? null : { fileIndex, line: Number(match[2]) };
}

export function graphLookup(cypher: CypherRunner): EntityLookup {
  return async (uids) => {
    const stored = new Map<string, StoredEntity>();
    for (let start = 0; start < uids.length; start += LIMITS.import.batch * 5) {
      const rows = await cypher.read('import/entities-by-uids', { uids: uids.slice(start, start + LIMITS.import.batch * 5) }, LIMITS.import.batchMs);
      for (const row of rows) stored.set(String(row.uid), { label: row.label as StoredEntity['label'], props: row.props as Record<string, unknown> });
    }
    return stored;
  };
}

interface Batch {
  file: string;
  fileIndex: number;
  records: Array<Located<ImportRecord>>;
}

function batchesOf(records: ReadonlyArray<Located<ImportRecord>>, size: number): Batch[] {
  const batches: Batch[] = [];
  for (const kind of ['entity', 'relationship'] as const) {
    let current: Batch | null = null;
    for (const record of records) {
      if (record.value.record !== kind) continue;
      if (!current || current.fileIndex !== record.fileIndex || current.records.length >= size) {
        current = { file: record.file, fileIndex: record.fileIndex, records: [] };
        batches.push(current);
      }
      current.records.push(record);
    }
  }
  return batches;
}

function add(total: BatchCounts, counts: BatchCounts): void {
  for (const name of Object.keys(total) as Array<keyof BatchCounts>) total[name] += counts[name];
}

export async function runImport(cypher: CypherRunner, options: ImportOptions): Promise<ImportReport> {
  const started = Date.now();
  const progress = options.progress ?? SILENT;
  const problems: ImportProblem[] = [];
  const records: Array<Located<ImportRecord>> = [];
  const files: ImportReport['files'] = [];
  let skipped = 0;
  for (const [fileIndex, file] of options.files.entries()) {
    let count = 0;
    for await (const event of parseFile(file, fileIndex)) {
      if (event.kind === 'problem') {
        problems.push(event.problem);
        continue;
      }
      count += 1;
      if (options.resumeFrom && before({ fileIndex, line: event.record.line }, options.resumeFrom)) skipped += 1;
      else records.push(event.record);
    }
    files.push({ file: file.name, records: count });
  }
  if (records.length > 0) problems.push(...(await validateRecords(records, graphLookup(cypher))).problems);
  const report: ImportReport = {
    dryRun: options.dryRun === true,
    ok: problems.length === 0,
    files,
    records: records.length + skipped,
    skipped,
    problems: problems.slice(0, LIMITS.import.reportProblems),
    problemCount: problems.length,
    batches: 0,
    counts: { ...NO_COUNTS },
    changes: [],
    failure: null,
    seconds: 0,
  };
  if (!report.ok || report.dryRun) return finish(report, started);

  const batches = batchesOf(records, options.batchSize ?? LIMITS.import.batch);
  const firstRelationship = records.find((record) => record.value.record === 'relationship');
  const importId = randomUUID();
  const memory = new ImportMemory();
  progress.start(records.length);
  try {
    for (const [index, batch] of batches.entries()) {
      const firstLine = batch.records[0].line;
      const lastLine = batch.records[batch.records.length - 1].line;
      const source = `${batch.file}, lines ${firstLine}–${lastLine}`;
      try {
        await options.beforeBatch?.({ index, file: batch.file, firstLine });
        const outcome = await cypher.writeTransaction(
          (tx) => {
            const writer: Writer = { tx, library: cypher.library, principal: options.principal, at: new Date(), batch: `import:${importId}#${index + 1}` };
            return writeBatch(writer, batch.records.filter(isEntity).map(toBatchEntity), batch.records.filter(isRelationship).map(toBatchLink), source, memory);
          },
          LIMITS.import.batchMs,
          { app: 'import', batch: String(index + 1) },
        );
        memory.remember(outcome);
        add(report.counts, outcome.counts);
        if (outcome.sequence !== null) report.changes.push(outcome.sequence);
        report.batches += 1;
        progress.advance(batch.records.length);
      } catch (error) {
        // Entities are written before relationships: while an entity batch fails, no relationship is in yet.
        let resume: ImportPosition = { fileIndex: batch.fileIndex, line: firstLine };
        if (batch.records[0].value.record === 'entity' && firstRelationship && before(firstRelationship, resume)) resume = firstRelationship;
        const resumeFile = options.files[resume.fileIndex].name;
        report.failure = {
          file: batch.file,
          line: firstLine,
          message: `batch ${index + 1} (${source}) was rolled back: ${(error as Error).message}`,
          resumeFrom: options.files.length === 1 ? String(resume.line) : `${resumeFile}:${resume.line}`,
        };
        report.ok = false;
        break;
      }
    }
  } finally {
    progress.stop();
  }
  return finish(report, started);
}

function finish(report: ImportReport, started: number): ImportReport {
  report.seconds = (Date.now() - started) / 1000;
  return report;
}

function isEntity(record: Located<ImportRecord>): record is Located<EntityImport> {
  return record.value.record === 'entity';
}

function isRelationship(record: Located<ImportRecord>): record is Located<RelationshipImport> {
  return record.value.record === 'relationship';
}

function toBatchEntity({ value }: Located<EntityImport>): BatchEntity {
  return { label: value.kind, key: value.key, fields: value.fields, provenance: value.provenance };
}

function toBatchLink({ value }: Located<RelationshipImport>): BatchLink {
  return { type: value.type, fromUid: value.from, toUid: value.to, qualifiers: value.qualifiers, provenance: value.provenance };
}

/** The report as lines for a terminal: one per problem (file:line field CODE message), then the outcome. */
export function reportLines(report: ImportReport): string[] {
  const lines = report.problems.map((problem) => `${problem.file}:${problem.line}${problem.field ? ` ${problem.field}` : ''} ${problem.code} ${problem.message}`);
  if (report.problemCount > report.problems.length) lines.push(`… and ${report.problemCount - report.problems.length} more problems.`);
  const counted = `${report.records} records in ${report.files.length} file(s)${report.skipped ? ` (${report.skipped} skipped before the resume point)` : ''}`;
  if (report.problemCount > 0) lines.push(`import: ${report.problemCount} problem(s) in ${counted}; nothing was written.`);
  else if (report.dryRun) lines.push(`import: dry run: ${counted} are valid; nothing was written.`);
  const c = report.counts;
  if (!report.dryRun && report.problemCount === 0) {
    lines.push(
      `import: ${report.batches} batch(es) written in ${report.seconds.toFixed(1)} s — entities ${c.entitiesCreated} created, ${c.entitiesUpdated} updated, ${c.entitiesUnchanged} unchanged; relationships ${c.relationshipsCreated} created, ${c.relationshipsUpdated} updated, ${c.relationshipsUnchanged} unchanged; ${report.changes.length} history entr${report.changes.length === 1 ? 'y' : 'ies'}.`,
    );
  }
  if (report.failure) lines.push(`import: ${report.failure.message}. The graph holds every record before it; resume with --resume-from ${report.failure.resumeFrom}`);
  return lines;
}
