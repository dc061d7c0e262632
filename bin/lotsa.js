#!/usr/bin/env node
// The `lotsa` command. Lotsa is written in TypeScript and runs through tsx, without a build step.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
