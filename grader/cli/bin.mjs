#!/usr/bin/env node
// The `grader` command: refuse a Node too old, load TypeScript through tsx, then run the CLI.
import './require-node.mjs';
import { register } from 'tsx/esm/api';
register();
await import('./main.ts');
