// electron-builder cannot run here (it downloads Electron), so everything it would read is
// checked instead: the config against electron-builder's own schema, package.json against its
// metadata rules, and both against the files the app really loads.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, matchesGlob, relative } from 'node:path';
import * as yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { coreEntryPath, electronMainPath, packageRoot, preloadPath, rendererDir } from './host/paths';

const ROOT = packageRoot();
const config = yaml.load(readFileSync(join(ROOT, 'electron-builder.yml'), 'utf8')) as {
  files: string[];
  asarUnpack: string[];
  npmRebuild: boolean;
  extraMetadata: { main: string };
  icon: string;
  directories: { buildResources: string };
  linux: { target: string[] };
  mac: { target: string[] };
  win: { target: string[] };
};
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as Record<string, Record<string, string>> & { bin: Record<string, string> };
// electron-builder's own internals, from the copy it installed (app-builder-lib).
const builderRequire = createRequire(createRequire(join(ROOT, 'package.json')).resolve('electron-builder/package.json'));

/** electron-builder's file patterns: in order, a later "!pattern" takes a file back out. */
function included(patterns: string[], file: string): boolean {
  let inside = false;
  for (const p of patterns) {
    if (p.startsWith('!')) {
      if (matchesGlob(file, p.slice(1))) inside = false;
    } else if (matchesGlob(file, p)) inside = true;
  }
  return inside;
}

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]));
}

const rel = (path: string) => relative(ROOT, path);

describe('electron-builder.yml', () => {
  it("passes electron-builder's configuration schema", async () => {
    const { validateConfiguration } = builderRequire('app-builder-lib/out/util/config/config.js') as {
      validateConfiguration(config: unknown, logger: { isEnabled: boolean }): Promise<void>;
    };
    await expect(validateConfiguration(config, { isEnabled: false })).resolves.toBeUndefined();
  });

  it('builds AppImage and deb for Linux, dmg for macOS and nsis for Windows', () => {
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.mac.target).toEqual(['dmg']);
    expect(config.win.target).toEqual(['nsis']);
  });

  it('packs every file the app loads at runtime, and no source maps', () => {
    const runtime = [electronMainPath(ROOT), preloadPath(ROOT), coreEntryPath(ROOT), join(rendererDir(ROOT), 'index.html'), join(ROOT, 'dist/core/cli.js')].map(rel);
    expect(config.extraMetadata.main).toBe(rel(electronMainPath(ROOT)));
    expect(pkg.main).toBe(config.extraMetadata.main);
    for (const file of [...runtime, 'package.json']) expect(included(config.files, file), file).toBe(true);
    expect(included(config.files, 'dist/electron/main.js.map')).toBe(false);
    for (const file of ['core/cluster.ts', 'renderer/App.vue', 'test/e2e/dashboard.test.ts', 'node_modules/.bin/tsx']) expect(included(config.files, file), file).toBe(false);
    // With a build present, every bundle and chunk it holds (the renderer's assets included).
    if (existsSync(join(ROOT, 'dist'))) {
      for (const file of walk(join(ROOT, 'dist')).map(rel)) expect(included(config.files, file), file).toBe(!file.endsWith('.map'));
    }
  });

  it('rebuilds the native modules for Electron and unpacks their binaries and helper programs from the asar', () => {
    expect(config.npmRebuild).toBe(true);
    const natives = ['better-sqlite3', 'node-pty'];
    for (const name of natives) expect(pkg.dependencies![name], `${name} must be a production dependency to be packed`).toBeDefined();
    const files = natives.flatMap((name) => walk(join(ROOT, 'node_modules', name)).map(rel));
    const binaries = files.filter((f) => f.endsWith('.node') || f.endsWith('.exe') || f.endsWith('/spawn-helper'));
    expect(binaries.some((f) => f.startsWith('node_modules/better-sqlite3/') && f.endsWith('.node'))).toBe(true);
    expect(binaries.some((f) => f.startsWith('node_modules/node-pty/') && f.endsWith('.node'))).toBe(true);
    for (const file of binaries) expect(included(config.asarUnpack, file), file).toBe(true);
  });

  it("satisfies electron-builder's package.json rules (electron only in devDependencies)", () => {
    const { checkMetadata } = builderRequire('app-builder-lib/out/util/packageMetadata.js') as {
      checkMetadata(metadata: unknown, dev: unknown, file: string, devFile: string): void;
    };
    const file = join(ROOT, 'package.json');
    expect(() => checkMetadata(pkg, pkg, file, file)).not.toThrow();
    expect(pkg.devDependencies!.electron).toMatch(/^\d+\.\d+\.\d+$/);
    expect(pkg.scripts!.dist).toContain('electron-builder --config electron-builder.yml');
  });

  it('has its icon, a 1024 px PNG electron-builder can turn into .icns and .ico', () => {
    const png = readFileSync(join(ROOT, config.icon));
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1024, 1024]);
  });
});
