import fs from 'node:fs';
import path from 'node:path';
import neo4j, { type Driver } from 'neo4j-driver';
import pino from 'pino';
import { CypherLibrary } from '../db/cypherLibrary';
import { CypherRunner } from '../db/cypherRunner';
import { StatementObservers } from '../db/statementObserver';
import { buildSyntheticPlan, planChecksum, planCounts, type SyntheticOptions } from './plan';
import { allowedLabel, allowedType, storedNodeProperties, storedRelationshipProperties, syntheticProvenance } from './stored';

export interface GenerateOptions extends SyntheticOptions {
  /** Rows per write transaction (default 10 000). */
  batchSize?: number;
  /** Delete the synthetic nodes already in the database first; without it, existing ones are an error. */
  replace?: boolean;
  /** Node batches, and relationship types with no label in common, written at the same time (default 2). */
  concurrency?: number;
  /** Called with one plain line per step (no progress bars). */
  onProgress?: (line: string) => void;
  /** When a Driver is passed: the repository root whose cypher/ to read (default: found from this file). */
  rootDir?: string;
  /** When a Driver is passed: the database name (default `neo4j`). */
  database?: string;
}

export interface GenerateReport {
  seed: number;
  nodes: number;
  relationships: number;
  labels: Record<string, number>;
  types: Record<string, number>;
  /** The structure checksum of the plan (see structureChecksum). */
  checksum: string;
  planMs: number;
  writeMs: number;
  deletedBefore: number;
}

const WRITE_TIMEOUT_MS = 120_000;
/** How long the resample after the write may take (the statement's own timeout is 10 s longer, so Neo4j reports it). */
const REPLANNING_TIMEOUT_SECONDS = 100;

/**
 * Plans the synthetic graph for `{ nodes, seed }` and writes it: nodes first, label by label, then
 * relationships type by type, in UNWIND batches through the two generic files of cypher/synthetic (the label
 * or type is a parameter, checked against src/graph/vocabulary.ts first). Every property comes from
 * src/graph/storedProperties.ts (stored.ts). Each batch is its own transaction and must create exactly its
 * rows, or generation stops with an error; what was written by then stays, and a new run with
 * `replace: true` clears it.
 *
 * Refuses a database holding real (non-synthetic) countries, such as the seeded one: synthetic countries
 * are keyed by real ISO codes and would collide with them.
 */
export async function generateSyntheticGraph(target: CypherRunner | Driver, options: GenerateOptions): Promise<GenerateReport> {
  const cypher = target instanceof CypherRunner ? target : runnerFor(target, options);
  const progress = options.onProgress ?? (() => undefined);
  const batchSize = options.batchSize ?? 10_000;

  let deletedBefore = 0;
  const [{ nodes: existing, realCountries }] = await cypher.read('synthetic/count');
  if (Number(realCountries) > 0) {
    throw new Error(
      `Refusing to write the synthetic graph: the database holds ${String(realCountries)} non-synthetic Country nodes (a seeded database?), and synthetic countries are keyed by real ISO codes (Country:CN…). Use a database of its own (npm run synthetic writes to ./data/neo4j-synthetic).`,
    );
  }
  if (Number(existing) > 0) {
    if (!options.replace) {
      throw new Error(`The database already holds ${String(existing)} synthetic nodes. Pass "replace: true" (CLI: --replace) to delete them first.`);
    }
    deletedBefore = await deleteSyntheticGraph(cypher, progress);
  }

  const planStarted = Date.now();
  const plan = buildSyntheticPlan(options);
  const checksum = planChecksum(plan);
  const planMs = Date.now() - planStarted;
  progress(`planned ${plan.nodeCount} nodes and ${plan.relationshipCount} relationships (seed ${options.seed}) in ${planMs} ms`);

  const provenance = syntheticProvenance(options.seed);
  const writeStarted = Date.now();

  // Node batches touch no common node, so two run at once. Relationship batches lock their end nodes, and
  // hubs are at the end of many: two types are only written at the same time when no label is at an end of
  // both (so they can never wait on, or deadlock with, each other); each type's batches run one by one.
  const nodeBatches: Array<() => Promise<void>> = [];
  for (const [planned, group] of plan.nodes) {
    const label = allowedLabel(planned);
    for (let offset = 0; offset < group.length; offset += batchSize) {
      const end = Math.min(group.length, offset + batchSize);
      nodeBatches.push(async () => {
        const rows = group.slice(offset, end).map((node) => storedNodeProperties(label, node, provenance));
        await writeBatch(cypher, 'synthetic/create-nodes', { label, rows }, `${label} nodes`);
        if (end === group.length) progress(`created ${group.length} ${label} nodes`);
      });
    }
  }
  await runConcurrently(nodeBatches, options.concurrency ?? 2);
  progress(`created all ${plan.nodeCount} nodes in ${Date.now() - writeStarted} ms`);
  const relationshipTypes = [...plan.relationships].map(([planned, group]) => {
    const type = allowedType(planned);
    return {
      size: group.length,
      labels: new Set(group.flatMap((rel) => [labelOfUid(rel.from), labelOfUid(rel.to)])),
      run: async () => {
        for (let offset = 0; offset < group.length; offset += batchSize) {
          const rows = group
            .slice(offset, offset + batchSize)
            .map((rel) => ({ from: rel.from, to: rel.to, props: storedRelationshipProperties(type, rel, provenance) }));
          await writeBatch(cypher, 'synthetic/create-relationships', { type, rows }, `${type} relationships`);
        }
        progress(`created ${group.length} ${type} relationships`);
      },
    };
  });
  await runInDisjointLanes(relationshipTypes, options.concurrency ?? 2);
  const writeMs = Date.now() - writeStarted;
  progress(`wrote the synthetic graph in ${writeMs} ms`);
  await cypher.autoCommit('synthetic/prepare-for-replanning', { timeoutSeconds: neo4j.int(REPLANNING_TIMEOUT_SECONDS) }, REPLANNING_TIMEOUT_SECONDS * 1000 + 10_000);
  progress('resampled the indexes for the planner');

  const { labels, types } = planCounts(plan);
  return {
    seed: options.seed,
    nodes: plan.nodeCount,
    relationships: plan.relationshipCount,
    labels,
    types,
    checksum,
    planMs,
    writeMs,
    deletedBefore,
  };
}

/** Deletes every :Synthetic node with its relationships, in batches; returns how many nodes went. */
export async function deleteSyntheticGraph(cypher: CypherRunner, progress: (line: string) => void = () => undefined): Promise<number> {
  let total = 0;
  for (;;) {
    const [{ deleted }] = await cypher.write('synthetic/delete-batch', { batchSize: 5_000 });
    if (Number(deleted) === 0) break;
    total += Number(deleted);
  }
  progress(`deleted ${total} synthetic nodes`);
  return total;
}

interface LaneTask {
  size: number;
  /** The labels of the nodes the task touches. */
  labels: Set<string>;
  run: () => Promise<void>;
}

/**
 * Runs tasks in `lanes` parallel lanes, the largest first, never two at once that share a label; a lane with
 * nothing it may take waits for another to finish. After a failure no further task starts.
 */
async function runInDisjointLanes(tasks: LaneTask[], lanes: number): Promise<void> {
  const pending = [...tasks].sort((a, b) => b.size - a.size);
  const running = new Map<number, Set<string>>();
  let waiting: Array<() => void> = [];
  let failed = false;
  const lane = async (id: number) => {
    while (pending.length > 0 && !failed) {
      const busy = new Set([...running.values()].flatMap((labels) => [...labels]));
      const index = pending.findIndex((task) => ![...task.labels].some((label) => busy.has(label)));
      if (index === -1) {
        await new Promise<void>((resolve) => waiting.push(resolve));
        continue;
      }
      const [task] = pending.splice(index, 1);
      running.set(id, task.labels);
      try {
        await task.run();
      } catch (error) {
        failed = true;
        throw error;
      } finally {
        running.delete(id);
        const wake = waiting;
        waiting = [];
        wake.forEach((resolve) => resolve());
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, lanes) }, (_, id) => lane(id)));
}

function labelOfUid(uid: string): string {
  return uid.slice(0, uid.indexOf(':'));
}

/** Runs the tasks with at most `concurrency` at a time; after a failure no further task starts. */
async function runConcurrently(tasks: Array<() => Promise<void>>, concurrency: number): Promise<void> {
  let next = 0;
  let failed = false;
  const worker = async () => {
    while (next < tasks.length && !failed) {
      const task = tasks[next];
      next += 1;
      try {
        await task();
      } catch (error) {
        failed = true;
        throw error;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, tasks.length)) }, worker));
}

async function writeBatch(cypher: CypherRunner, name: string, params: { rows: unknown[] } & Record<string, unknown>, what: string): Promise<void> {
  const expected = params.rows.length;
  const created = await cypher.writeTransaction(async (tx) => Number((await tx.run(name, params))[0].created), WRITE_TIMEOUT_MS);
  if (created !== expected) throw new Error(`${name}: created ${created} of ${expected} ${what} (missing endpoints?).`);
}

function runnerFor(driver: Driver, options: GenerateOptions): CypherRunner {
  const rootDir = options.rootDir ?? repositoryRoot();
  const library = CypherLibrary.load(path.join(rootDir, 'cypher'));
  return new CypherRunner(driver, library, options.database ?? 'neo4j', WRITE_TIMEOUT_MS, pino({ level: 'silent' }), new StatementObservers());
}

/** The folder holding cypher/, from src/synthetic or dist/src/synthetic. */
function repositoryRoot(): string {
  let dir = __dirname;
  for (let i = 0; i < 4; i += 1) {
    if (fs.existsSync(path.join(dir, 'cypher', 'synthetic'))) return dir;
    dir = path.dirname(dir);
  }
  throw new Error('Cannot find the cypher/ folder: pass rootDir.');
}
