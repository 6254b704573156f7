import cliProgress from 'cli-progress';

/**
 * How an import shows it is moving: a bar with rows/s and ETA on a terminal (cli-progress), one plain line per
 * batch elsewhere (CI logs, pipes), nothing for the HTTP route.
 */
export interface Progress {
  start(total: number): void;
  advance(rows: number): void;
  stop(): void;
}

export const SILENT: Progress = { start() {}, advance() {}, stop() {} };

export function terminalProgress(stream: NodeJS.WriteStream = process.stderr): Progress {
  if (!stream.isTTY) return plainProgress((line) => stream.write(`${line}\n`));
  const bar = new cliProgress.SingleBar(
    { stream, format: 'import [{bar}] {percentage}% | {value}/{total} rows | {speed} rows/s | ETA {eta_formatted}', hideCursor: true, etaBuffer: 20 },
    cliProgress.Presets.shades_classic,
  );
  let started = 0;
  return {
    start(total) {
      started = Date.now();
      bar.start(total, 0, { speed: '0' });
    },
    advance(rows) {
      const done = bar.getProgress() * bar.getTotal() + rows;
      bar.update(done, { speed: rate(done, started) });
    },
    stop() {
      bar.stop();
    },
  };
}

function rate(rows: number, since: number): string {
  const seconds = (Date.now() - since) / 1000;
  return seconds > 0 ? Math.round(rows / seconds).toLocaleString('en') : '0';
}

export function plainProgress(print: (line: string) => void): Progress {
  let total = 0;
  let done = 0;
  let started = 0;
  return {
    start(count) {
      total = count;
      started = Date.now();
      print(`import: writing ${count} rows`);
    },
    advance(rows) {
      done += rows;
      const seconds = (Date.now() - started) / 1000;
      const perSecond = seconds > 0 ? done / seconds : 0;
      const eta = perSecond > 0 ? Math.ceil((total - done) / perSecond) : 0;
      print(`import: ${done}/${total} rows (${rate(done, started)} rows/s, ETA ${eta} s)`);
    },
    stop() {},
  };
}
