import { existsSync } from 'node:fs';

/** Debian's and Ubuntu's Chromium package. */
export const SYSTEM_CHROMIUM = '/usr/bin/chromium';

/**
 * Which Chromium the end-to-end tests and the web preview's PDF printer drive: `CHROMIUM_PATH`
 * when it names a file, else the system's /usr/bin/chromium, else undefined, which means
 * Playwright's own download (`npx playwright install chromium`), as on a developer's laptop.
 */
export function chromiumExecutable(
  env: Readonly<Record<string, string | undefined>> = process.env,
  exists: (p: string) => boolean = existsSync,
): string | undefined {
  return [env.CHROMIUM_PATH, SYSTEM_CHROMIUM].find((p): p is string => !!p && exists(p));
}
