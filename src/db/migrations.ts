import { createHash } from 'node:crypto';
import type { Logger } from '../logger';
import type { CypherLibrary } from './cypherLibrary';
import type { CypherRunner } from './cypherRunner';

export interface MigrationReport {
  applied: string[];
  alreadyApplied: string[];
}

/**
 * Applies the scripts of cypher/migrations in name order, each once: an applied migration is recorded as a
 * (:SchemaMigration) node. A recorded migration whose statements changed since is an error, not a silent skip.
 */
export async function applyMigrations(library: CypherLibrary, runner: CypherRunner, logger: Logger): Promise<MigrationReport> {
  const migrations = library.names().filter((name) => name.startsWith('migrations/'));
  const applied = new Map(
    (await runner.read('system/migrations-applied')).map((row) => [String(row.id), String(row.checksum)]),
  );
  const report: MigrationReport = { applied: [], alreadyApplied: [] };
  for (const name of migrations) {
    const id = name.slice('migrations/'.length);
    // The statements, not the file text: mending a comment in an applied migration must not block start-up.
    const checksum = createHash('sha256').update(library.statementsOf(name).join(';\n')).digest('hex').slice(0, 16);
    const recorded = applied.get(id);
    if (recorded !== undefined) {
      if (recorded !== checksum) {
        throw new Error(`Migration ${id} changed after it was applied (checksum ${recorded} → ${checksum}). Add a new migration instead.`);
      }
      report.alreadyApplied.push(id);
      continue;
    }
    await runner.writeScript(name);
    await runner.write('system/record-migration', { id, checksum });
    report.applied.push(id);
    logger.info({ migration: id }, 'migration applied');
  }
  return report;
}
