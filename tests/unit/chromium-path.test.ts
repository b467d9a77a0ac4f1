import { describe, expect, it } from 'vitest';
import { chromiumExecutable, SYSTEM_CHROMIUM } from '../../electron/web/chromium-path';

const on =
  (...files: string[]) =>
  (p: string) =>
    files.includes(p);

describe('the Chromium the tests and the web preview drive', () => {
  it('is CHROMIUM_PATH when that file exists, else the system Chromium', () => {
    expect(chromiumExecutable({ CHROMIUM_PATH: '/opt/chrome/chrome' }, on('/opt/chrome/chrome', SYSTEM_CHROMIUM))).toBe('/opt/chrome/chrome');
    expect(chromiumExecutable({}, on(SYSTEM_CHROMIUM))).toBe(SYSTEM_CHROMIUM);
    expect(chromiumExecutable({ CHROMIUM_PATH: '/missing/chrome' }, on(SYSTEM_CHROMIUM))).toBe(SYSTEM_CHROMIUM);
  });

  it("is left to Playwright's own download where neither exists (a developer's laptop)", () => {
    expect(chromiumExecutable({ CHROMIUM_PATH: '/missing/chrome' }, on())).toBeUndefined();
    expect(chromiumExecutable({ CHROMIUM_PATH: '' }, on())).toBeUndefined();
  });
});
