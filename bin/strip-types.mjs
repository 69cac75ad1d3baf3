// Lets Node run this package's TypeScript where it is installed. Node strips types natively only
// outside node_modules/ (ERR_UNSUPPORTED_NODE_MODULES_TYPE_STRIPPING), so an installed Glossa
// could not run its own commands; this hook strips them with Node's own stripTypeScriptTypes.
import { registerHooks, stripTypeScriptTypes } from 'node:module';

const packageRoot = new URL('../', import.meta.url).href;
// Outside node_modules/ (this repository itself) Node strips types natively.
const installed = packageRoot.includes('/node_modules/');

registerHooks({
  load(url, context, nextLoad) {
    if (!installed || !url.startsWith(packageRoot) || !url.endsWith('.ts')) return nextLoad(url, context);
    const loaded = nextLoad(url, { ...context, format: 'module' });
    const source = stripTypeScriptTypes(String(loaded.source), { mode: 'strip', sourceUrl: url });
    return { format: 'module', source, shortCircuit: true };
  },
});
