/** One statement sent to Neo4j, as observers see it (tests bound round trips with it; metrics will count it). */
export interface StatementEvent {
  /** The named Cypher file, e.g. `organizations/list` (composed statements name their fragments). */
  name: string;
  ms: number;
  rows: number;
  /** The HTTP request the statement served; absent for start-up work (migrations, seed). */
  requestId?: string;
  operationName?: string;
}

export type StatementObserver = (event: StatementEvent) => void;

/** The observers of one database: register with `observe`, which returns the function that unregisters. */
export class StatementObservers {
  private readonly observers = new Set<StatementObserver>();

  observe(observer: StatementObserver): () => void {
    this.observers.add(observer);
    return () => this.observers.delete(observer);
  }

  notify(event: StatementEvent): void {
    for (const observer of this.observers) observer(event);
  }
}
