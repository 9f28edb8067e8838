// The service's pool worker from TypeScript sources (tests): tsx compiles src/serve/worker.ts on load.
import { register } from 'tsx/esm/api';

register();
const worker = await import('../src/serve/worker.ts');
export default worker.default;
