// Loaded before the grader's own modules (`--import` in package.json, first in bin.mjs): on a Node
// too old for them they fail while loading, with a syntax error and a stack (measured: Node 18
// stops at a /v regular expression in yargs' dependencies); this says why, in one line, exit 2.
// The range is what yargs needs (vitest and sharp need less), and package.json's engines.

/** Whether this version of Node runs the grader: 20.19+, 22.12+, or 23 and later. */
export function nodeSupported(version) {
  const [major, minor] = version.replace(/^v/, '').split('.').map(Number);
  return (major === 20 && minor >= 19) || (major === 22 && minor >= 12) || major >= 23;
}

if (!nodeSupported(process.versions.node)) {
  process.stderr.write(`grader: Node ${process.version} is too old; install Node 20.19+, 22.12+ or newer (Node 26 LTS: nodejs.org, or \`npm install --prefix ~/node26 node@26\` and ~/node26/node_modules/.bin first on PATH)\n`);
  process.exit(2);
}
