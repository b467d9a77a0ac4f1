import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it, vi } from 'vitest';
import { makeFakeElectron } from './fake-electron';

vi.mock('electron', () => makeFakeElectron());

/**
 * electron-builder.yml, read and checked by electron-builder's own loader and schema (packaging
 * itself needs the Electron download, so this is as far as it can be exercised here).
 */
interface BuilderConfig {
  appId?: string;
  npmRebuild?: boolean;
  electronFuses?: Record<string, boolean>;
  extraResources?: { from: string; to: string }[];
  win?: { target?: string[]; icon?: string };
  directories?: { output?: string; buildResources?: string };
}
interface ConfigModule {
  getConfig(projectDir: string, configPath: string | null, fromOptions: null): Promise<BuilderConfig>;
  validateConfiguration(config: BuilderConfig, logger: unknown): Promise<void>;
}

// electron-builder's helpers live in its app-builder-lib and builder-util packages.
const fromBuilder = createRequire(createRequire(import.meta.url).resolve('electron-builder/package.json'));
const configModule = fromBuilder('app-builder-lib/out/util/config/config.js') as ConfigModule;
const { DebugLogger } = fromBuilder('builder-util/out/DebugLogger.js') as { DebugLogger: new (enabled: boolean) => unknown };

describe('installer configuration', () => {
  it('passes electron-builder schema validation, and a misspelt option would not', async () => {
    const config = await configModule.getConfig('.', null, null);
    await expect(configModule.validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
    await expect(configModule.validateConfiguration({ ...config, electronFuses: { runAsNod: false } }, new DebugLogger(false))).rejects.toThrow();
  });

  it('keeps the Windows identity the app itself uses, with the two Windows targets', async () => {
    const config = await configModule.getConfig('.', null, null);
    const { APP_ID } = await import('../../electron/main/main');
    expect(config.appId).toBe('id.go.kemenimipas.mitralipas');
    expect(config.appId).toBe(APP_ID);
    expect(config.win?.target).toEqual(['nsis', 'portable']);
    expect(config.directories).toEqual({ output: 'dist', buildResources: 'build' });
  });

  it('ships our Electron build of better-sqlite3 where main.ts looks for it, without rebuilding node_modules', async () => {
    const config = await configModule.getConfig('.', null, null);
    expect(config.npmRebuild).toBe(false);
    expect(config.extraResources).toContainEqual({ from: 'out/electron-native/better_sqlite3.node', to: 'native/better_sqlite3.node' });
    const { appPaths } = await import('../../electron/main/main');
    expect(appPaths('/app', '/res', true).nativeBinding.replaceAll('\\', '/')).toBe('/res/native/better_sqlite3.node');
  });

  it('locks the installed binary against being run as plain Node or loading code from outside the app', async () => {
    const config = await configModule.getConfig('.', null, null);
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
    });
  });

  it('has a Windows icon of at least 256×256 pixels', () => {
    const png = readFileSync('build/icon.png');
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(Math.min(png.readUInt32BE(16), png.readUInt32BE(20))).toBeGreaterThanOrEqual(256);
  });
});
