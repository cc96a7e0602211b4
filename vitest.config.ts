import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from 'vitest/config';

// Whatever a test forgets to pass, the user's own config folder (recent projects, preferences)
// is never written: the default config dir points into a temp folder for every test process.
const config = mkdtempSync(join(tmpdir(), 'quarry-vitest-config-'));

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    env: { XDG_CONFIG_HOME: config, QUARRY_USER_DATA: join(config, 'user-data') },
  },
});
