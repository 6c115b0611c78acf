// Worker threads do not inherit the tsx loader the process started with: register it, then run the worker.
import { register } from 'tsx/esm/api';

register();
await import('./read-worker.ts');
