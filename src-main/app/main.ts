// Electron's entry: wires the engine, the IPC handlers, the window and the tray.
import path from 'node:path';
import { parseArgs } from 'node:util';
import { BrowserWindow, app, dialog } from 'electron';
import { createDispatcher } from '../engine/service/dispatcher';
import { ENGINE_OPTION_SPEC, commandLineError, engineOptionsFrom } from '../engine/service/engine-options';
import type { EngineOptions } from '../engine/service/engine-options';
import { openWorkspace } from '../engine/service/open-workspace';
import { hardenWebContents } from './hardening';
import { registerIpcHandlers } from './ipc';
import { registerRendererScheme, serveRenderer } from './renderer-scheme';
import { createTray } from './tray';
import type { BinderyTray } from './tray';
import { createMainWindow } from './window';

const RENDERER_DIR = path.join(__dirname, '..', 'renderer');
const PRELOAD = path.join(__dirname, 'preload.cjs');
const ICON = path.join(__dirname, '..', '..', 'assets', 'icon-256.png');
const TRAY_ICON = path.join(__dirname, '..', '..', 'assets', 'tray-32.png');

function readOptions(): EngineOptions | null {
  try {
    // Chromium adds switches of its own, so unknown options are left to it.
    const { values } = parseArgs({
      args: process.argv.slice(app.isPackaged ? 1 : 2),
      options: ENGINE_OPTION_SPEC,
      strict: false,
      allowPositionals: true,
    });
    const text = (key: keyof typeof ENGINE_OPTION_SPEC) => (typeof values[key] === 'string' ? values[key] : undefined);
    return engineOptionsFrom({
      'sysfs-root': text('sysfs-root'),
      'modules-alias': text('modules-alias'),
      host: text('host'),
      demo: text('demo'),
    });
  } catch (thrown) {
    const error = commandLineError(thrown);
    dialog.showErrorBox(error.title, [error.detail, error.remedy].filter(Boolean).join('\n\n'));
    return null;
  }
}

function start(): void {
  app.enableSandbox();
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  registerRendererScheme();
  let window: BrowserWindow | null = null;
  let tray: BinderyTray | null = null;
  const show = () => {
    if (!window || window.isDestroyed()) window = createMainWindow({ preload: PRELOAD, icon: ICON });
    if (window.isMinimized()) window.restore();
    window.show();
    window.focus();
  };
  app.on('second-instance', show);
  app.on('window-all-closed', () => {
    // With a tray icon Bindery keeps running in the background; without one, closing means quit.
    if (!tray) app.quit();
  });

  void app.whenReady().then(async () => {
    const options = readOptions();
    if (!options) {
      app.exit(2);
      return;
    }
    hardenWebContents();
    serveRenderer(RENDERER_DIR);
    const workspace = openWorkspace(options);
    registerIpcHandlers(createDispatcher(workspace), () => BrowserWindow.getAllWindows().map((w) => w.webContents));
    try {
      tray = createTray(TRAY_ICON, { open: show, quit: () => app.quit() });
    } catch {
      tray = null;
    }
    workspace.onDidChangeSnapshot((snapshot) => tray?.setStatus(snapshot.host.label, snapshot.devices.length));
    show();
    await workspace.refresh();
  });
}

start();
