// The pool's worker when the command runs from its TypeScript sources (tests,
// `npm run evaluate:ts`): registers tsx's loader in this thread, then loads worker.ts.
// The built command uses dist-cli/worker.js instead and never loads this file.
import { register } from 'tsx/esm/api';

register();
const worker = await import('./worker.ts');
export default worker.default;
