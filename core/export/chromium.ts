/**
 * Where an installed Chromium, Chrome or Edge is: the one lookup behind PDF printing
 * (cli/pdf/chromium.ts) and chart rasterising (rasterise.ts).
 */
import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';

const NAMES = [
  'chromium',
  'chromium-browser',
  'google-chrome',
  'google-chrome-stable',
  'microsoft-edge',
  'microsoft-edge-stable',
];

function fixedPaths(): string[] {
  if (process.platform === 'darwin') {
    return [
      '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
      '/Applications/Chromium.app/Contents/MacOS/Chromium',
      '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
    ];
  }
  if (process.platform === 'win32') {
    const roots = [process.env.PROGRAMFILES, process.env['PROGRAMFILES(X86)'], process.env.LOCALAPPDATA].filter(
      (r): r is string => !!r,
    );
    return roots.flatMap((r) => [
      join(r, 'Google', 'Chrome', 'Application', 'chrome.exe'),
      join(r, 'Microsoft', 'Edge', 'Application', 'msedge.exe'),
      join(r, 'Chromium', 'Application', 'chrome.exe'),
    ]);
  }
  return ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/snap/bin/chromium', '/usr/bin/google-chrome'];
}

/**
 * QUARRY_CHROMIUM, then the usual install paths, then the names on PATH; null when none is found.
 * QUARRY_CHROMIUM=none turns Chromium off (how tests check the path without one).
 */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string | null {
  const configured = env.QUARRY_CHROMIUM?.trim();
  if (configured) return configured !== 'none' && existsSync(configured) ? configured : null;
  for (const p of fixedPaths()) if (existsSync(p)) return p;
  const exts = process.platform === 'win32' ? ['.exe', ''] : [''];
  for (const dir of (env.PATH ?? '').split(delimiter).filter(Boolean)) {
    for (const name of NAMES)
      for (const ext of exts) if (existsSync(join(dir, name + ext))) return join(dir, name + ext);
  }
  return null;
}
