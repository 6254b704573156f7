// Builds the embedded Neo4j launcher (tools/neo4j) with Maven on JDK 17, once: skipped when it is up to date.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const launcher = path.join(root, 'tools', 'neo4j');
const stamp = path.join(launcher, 'target', 'lib', '.complete');
const inputs = [path.join(launcher, 'pom.xml'), path.join(launcher, 'src', 'main', 'java', 'geocoop', 'EmbeddedNeo4j.java')];

const newestInput = Math.max(...inputs.map((file) => fs.statSync(file).mtimeMs));
if (fs.existsSync(stamp) && fs.statSync(stamp).mtimeMs >= newestInput) process.exit(0);

function fail(message) {
  console.error(`build:neo4j: ${message}`);
  process.exit(1);
}

const jdk17 = process.env.JAVA_HOME ||
  (fs.existsSync('/usr/lib/jvm')
    ? fs.readdirSync('/usr/lib/jvm').filter((n) => /(^|-)17(\.|-|$)/.test(n)).sort().map((n) => path.join('/usr/lib/jvm', n))
        .find((home) => fs.existsSync(path.join(home, 'bin', 'javac')))
    : undefined);
if (!jdk17) fail('no JDK 17 found. Install it (apt-get install openjdk-17-jdk-headless) or set JAVA_HOME.');

const mvnCheck = spawnSync('mvn', ['-v'], { encoding: 'utf8' });
if (mvnCheck.error) fail('Maven (mvn) is not installed. Install it with `apt-get install maven`.');

console.error('build:neo4j: building the embedded Neo4j launcher with Maven (first run downloads Neo4j from Maven Central, about a minute)…');
const build = spawnSync('mvn', ['-q', '-B', 'package', '-DskipTests'], {
  cwd: launcher,
  stdio: 'inherit',
  env: { ...process.env, JAVA_HOME: jdk17 },
});
if (build.status !== 0) fail(`Maven build failed (exit ${build.status}). See the output above.`);
fs.writeFileSync(stamp, new Date().toISOString());
