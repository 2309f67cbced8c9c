#!/usr/bin/env node
// The `grader` command: load TypeScript through tsx, then run the CLI.
import { register } from 'tsx/esm/api';
register();
await import('./main.ts');
