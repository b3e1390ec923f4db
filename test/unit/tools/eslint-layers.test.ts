// The layer rule itself: each forbidden import of DESIGN.md is reported, the
// allowed ones are not.
import { Linter } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';
import layers from '../../../tools/eslint-layers.mjs';

function lint(file: string, code: string): string[] {
  const linter = new Linter({ cwd: '/repo' });
  const messages = linter.verify(
    code,
    [
      {
        files: ['**/*.ts', '**/*.tsx'],
        languageOptions: { parser: tseslint.parser, sourceType: 'module' },
        plugins: { bindery: layers },
        rules: { 'bindery/layers': 'error' },
      },
    ],
    { filename: `/repo/${file}` },
  );
  return messages.map((m) => m.message);
}

describe('layer rule', () => {
  it('keeps src-shared free of Node, Electron and other layers', () => {
    expect(lint('src-shared/x.ts', "import fs from 'node:fs';")).toHaveLength(1);
    expect(lint('src-shared/x.ts', "import { app } from 'electron';")).toHaveLength(1);
    expect(lint('src-shared/x.ts', "import { a } from '../src-main/engine/a';")).toHaveLength(1);
    expect(lint('src-shared/x.ts', "import { z } from 'zod'; import type { A } from './api';")).toEqual([]);
  });

  it('keeps Electron, React and the bridge out of the engine', () => {
    expect(lint('src-main/engine/sysfs/a.ts', "import { app } from 'electron';")).toHaveLength(1);
    expect(lint('src-main/engine/sysfs/a.ts', "import type { BrowserWindow } from 'electron';")).toHaveLength(1);
    expect(lint('src-main/engine/sysfs/a.ts', "import React from 'react';")).toHaveLength(1);
    expect(lint('src-main/engine/sysfs/a.ts', "import { x } from '../../app/ipc';")).toHaveLength(1);
    expect(lint('src-main/engine/sysfs/a.ts', "import { x } from '../../bridge/server';")).toHaveLength(1);
    expect(lint('src-main/engine/sysfs/a.ts', "import fs from 'node:fs'; import { x } from '../alias/b';")).toEqual([]);
  });

  it('keeps the renderer away from Node and src-main', () => {
    expect(lint('src-renderer/a.tsx', "import fs from 'fs';")).toHaveLength(1);
    expect(lint('src-renderer/a.tsx', "const cp = require('child_process');")).toHaveLength(1);
    expect(lint('src-renderer/a.tsx', "import { x } from '../src-main/engine/a';")).toHaveLength(1);
    expect(lint('src-renderer/a.tsx', "import('electron');")).toHaveLength(1);
    expect(lint('src-renderer/a.tsx', "import { useState } from 'react'; import type { Device } from '../src-shared/model';")).toEqual([]);
  });

  it('lets only ipc.ts use ipcMain and only preload.ts use ipcRenderer', () => {
    expect(lint('src-main/app/main.ts', "import { ipcMain } from 'electron';")).toHaveLength(1);
    expect(lint('src-main/app/ipc.ts', "import { ipcMain } from 'electron';")).toEqual([]);
    expect(lint('src-main/app/window.ts', "import { ipcRenderer } from 'electron';")).toHaveLength(1);
    expect(lint('src-main/app/preload.ts', "import { contextBridge, ipcRenderer } from 'electron';")).toEqual([]);
    expect(lint('src-main/app/preload.ts', "import { x } from '../engine/a';")).toHaveLength(1);
  });

  it('reports a source file that belongs to no layer', () => {
    expect(lint('src-main/misc/a.ts', 'export const a = 1;')).toEqual([
      expect.stringContaining('belongs to no layer'),
    ]);
  });
});
