// Hostile submissions against Node's permission model (+ prlimit, + setpriv when root).
import { defineHostileSuite } from './hostile-suite.js';
import { describe } from 'vitest';

describe('sandbox mode node', () => defineHostileSuite('node'));
