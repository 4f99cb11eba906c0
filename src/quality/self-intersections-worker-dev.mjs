// Worker-thread entry used only when running from TypeScript sources (tests, `tsx`): tsx's
// `--import` hooks do not reach worker threads (privatenumber/tsx#354), so this thread registers
// them itself before loading the real worker. Compiled builds load self-intersections-worker.js.
import { register } from 'tsx/esm/api';

register();
await import('./self-intersections-worker.ts');
