#!/usr/bin/env node
// Launcher for the `quarry` command. The CLI is compiled to dist/ by `npm run build:node`
// (run automatically by `npm ci` through the `prepare` script).
let cli;
try {
  cli = await import('../dist/cli/main.js');
} catch (err) {
  if (err?.code === 'ERR_MODULE_NOT_FOUND' && String(err.message).includes('dist/cli/main.js')) {
    process.stderr.write('quarry: the command is not built yet. Run "npm run build:node" in the Quarry folder.\n');
    process.exit(1);
  }
  throw err;
}
process.exitCode = await cli.main(process.argv.slice(2));
