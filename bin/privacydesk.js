#!/usr/bin/env node
// The `privacydesk` command. The sources are TypeScript, run through tsx (no build step).
import module from 'node:module';
import { register } from 'tsx/esm/api';

// Node 22.1+ keeps compiled code between runs (in the OS temp directory), so a command starts faster the second time.
module.enableCompileCache?.();
register();
await import('../src/cli/main.ts');
