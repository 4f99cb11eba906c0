// Worker-thread entry used only when running from TypeScript sources (tests, `tsx`): tsx's
// `--import` hooks do not reach worker threads (privatenumber/tsx#354), so this thread registers
// them itself before loading the real worker. Compiled builds load thread.js directly.
import { register } from 'tsx/esm/api';

register();
const { default: run } = await import('./thread.ts');
export default run;
