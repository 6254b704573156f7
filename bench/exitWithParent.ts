/**
 * Makes a benchmark child process stop when the benchmark does, even when the benchmark is killed outright
 * (SIGKILL, a crash) and cannot stop its children: the benchmark holds the write end of the child's stdin,
 * which the kernel closes when the benchmark dies. On end of stdin the child sends itself SIGTERM (our
 * server's main.ts then shuts down gracefully) and exits hard 10 s later if that did not finish.
 *
 * processes.ts loads it with `node --require dist/bench/exitWithParent.js <script>` in front of both servers,
 * so our server's code stays untouched. Only active under BENCH_EXIT_WITH_PARENT=1, which processes.ts sets:
 * running either server by hand with a terminal or /dev/null as stdin does nothing unexpected.
 */
if (process.env.BENCH_EXIT_WITH_PARENT === '1') {
  const stop = () => {
    setTimeout(() => process.exit(1), 10_000).unref();
    process.kill(process.pid, 'SIGTERM');
  };
  process.stdin.on('end', stop);
  process.stdin.on('error', stop);
  process.stdin.resume();
}

export {};
