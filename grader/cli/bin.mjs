#!/usr/bin/env node
// The `grader` command and `npm run grade`: refuse a Node too old, load TypeScript through tsx (its
// ESM and CommonJS hooks, as `node --import tsx` does), then run the CLI.
import './require-node.mjs';
import 'tsx';
await import('./main.ts');
