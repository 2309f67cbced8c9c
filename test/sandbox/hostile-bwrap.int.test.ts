// Hostile submissions against bubblewrap + setpriv + prlimit + Node's permission model.
import { describe } from 'vitest';
import { bwrap } from './helpers.js';
import { defineHostileSuite } from './hostile-suite.js';

describe.skipIf(!bwrap.ok)(`sandbox mode bwrap${bwrap.ok ? '' : ` (skipped: ${bwrap.detail})`}`, () => defineHostileSuite('bwrap'));
