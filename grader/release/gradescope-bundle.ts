/**
 * The instructor's private Gradescope autograder: the whole grader with the hidden checks and the
 * reference, setup.sh (Node 20, bubblewrap, the packages) and run_autograder (grades
 * /autograder/submission, writes /autograder/results/results.json). Never give it to students.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeAtomic } from '../run/write-atomic.js';
import { zip, type ZipEntry } from './zip.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** What the autograder needs of this repository. */
const INCLUDE = ['package.json', 'package-lock.json', 'tsconfig.json', 'grader', 'solutions', 'datasets', 'exercises', 'grader.config.ts', 'grader.config.json'];
const SKIP = /(^|\/)(node_modules|cache|\.tmp)(\/|$)/;

const SETUP = `#!/usr/bin/env bash
# Gradescope runs this once when the autograder image is built (Ubuntu, as root).
set -euo pipefail
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ca-certificates curl gnupg bubblewrap >/dev/null
if ! command -v node >/dev/null || [ "$(node -p 'process.versions.node.split(".")[0]')" != 20 ]; then
  curl -fsSL https://deb.nodesource.com/setup_20.x | bash -
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs >/dev/null
fi
cd /autograder/source
npm ci --no-audit --no-fund
# Download MNIST once, into the image, so grading never needs the network.
npx tsx datasets/download.ts || echo "note: MNIST not downloaded now; the cnn check will fetch it"
`;

const RUN = `#!/usr/bin/env bash
# Gradescope runs this for every submission. The submission is copied, so nothing it does can
# touch the original; the grader isolates it in its sandbox and writes results.json itself.
set -uo pipefail
work="$(mktemp -d)"
src=/autograder/submission
# Students may upload the files or the whole exercises/ folder.
if [ -d "$src/exercises" ]; then src="$src/exercises"; fi
cp -r "$src/." "$work/"
mkdir -p /autograder/results
cd /autograder/source
config=(); for f in grader.config.ts grader.config.json; do [ -f "$f" ] && config=(--config "$f") && break; done
if ! npx tsx grader/cli/main.ts "$work" "\${config[@]}" --format gradescope --out /autograder/results; then
  if [ ! -s /autograder/results/results.json ]; then
    echo '{"score":0,"output":"The autograder failed before grading. Please tell your instructor.","tests":[]}' > /autograder/results/results.json
  fi
fi
`;

function listFiles(dir: string, rel = ''): string[] {
  return readdirSync(path.join(dir, rel), { withFileTypes: true }).flatMap((d) => {
    const r = path.posix.join(rel, d.name);
    if (SKIP.test(r)) return [];
    return d.isDirectory() ? listFiles(dir, r) : [r];
  });
}

export function gradescopeBundle(zipFile: string, root = ROOT): { file: string; entries: number; bytes: number } {
  const entries: ZipEntry[] = [
    { name: 'setup.sh', data: Buffer.from(SETUP), mode: 0o755 },
    { name: 'run_autograder', data: Buffer.from(RUN), mode: 0o755 },
  ];
  for (const top of INCLUDE) {
    const full = path.join(root, top);
    let stat;
    try {
      stat = statSync(full);
    } catch {
      continue;
    }
    const files = stat.isDirectory() ? listFiles(root, top) : [top];
    for (const f of files) entries.push({ name: `source/${f}`, data: readFileSync(path.join(root, f)) });
  }
  const data = zip(entries);
  writeAtomic(path.resolve(zipFile), data);
  return { file: path.resolve(zipFile), entries: entries.length, bytes: data.length };
}
