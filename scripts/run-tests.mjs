// Runs every *.test.ts under the given folders (default: src and test) with Node's test runner
// and tsx. Node 20's runner does not expand globs, so the files are listed here.
// The TAP stream is passed through as it comes; at the end every failure is repeated with its
// error (a long run's log is often read from its tail), followed by the counts again so the run
// still ends with pass and fail counts.
import { spawn } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';

const roots = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const passThrough = process.argv.slice(2).filter((a) => a.startsWith('-'));
const files = [];
const walk = (dir) => {
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name.startsWith('.')) continue;
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) walk(full);
    else if (name.endsWith('.test.ts')) files.push(full);
  }
};
for (const root of roots.length ? roots : ['src', 'test']) walk(root);
files.sort();

const child = spawn(process.execPath, ['--import', 'tsx', '--test', '--test-reporter=tap', '--test-concurrency=2', ...passThrough, ...files], { stdio: ['inherit', 'pipe', 'inherit'] });
const failures = [];
const counts = [];
let current = null;
const names = [];
createInterface({ input: child.stdout }).on('line', (line) => {
  process.stdout.write(`${line}\n`);
  const subtest = /^(\s*)# Subtest: (.*)$/.exec(line);
  if (subtest) names[subtest[1].length / 4] = subtest[2];
  if (/^# (tests|suites|pass|fail|cancelled|skipped|todo|duration_ms) /.test(line)) counts.push(line);
  const notOk = /^(\s*)not ok \d+ - (.*)$/.exec(line);
  if (notOk) {
    const depth = notOk[1].length / 4;
    current = { title: [...names.slice(0, depth), notOk[2]].join(' › '), indent: notOk[1], lines: [] };
    failures.push(current);
  } else if (current) {
    if (line === `${current.indent}  ...`) current = null;
    else if (current.lines.length < 40) current.lines.push(line);
  }
});
child.on('close', (code) => {
  // A suite is "not ok" when a test in it failed; only its own errors (a failing hook) are worth repeating.
  const leaves = failures.filter((f) => !f.lines.some((l) => l.includes("failureType: 'subtestsFailed'")));
  if (leaves.length) {
    process.stdout.write(`\n# ${leaves.length} failing test(s), repeated:\n`);
    for (const f of leaves) {
      process.stdout.write(`# ✖ ${f.title}\n`);
      for (const l of f.lines) process.stdout.write(`#   ${l.trim()}\n`);
    }
    process.stdout.write(counts.map((l) => `${l}\n`).join(''));
  }
  process.exit(code ?? 1);
});
