// Exposes window.bindery: one function per API method and one subscribe
// function per event, built from the contract's name lists. Nothing else of
// Electron reaches the page, and event objects never do.
import { contextBridge, ipcRenderer } from 'electron';
import { EVENT_NAMES, METHOD_NAMES, channelOf } from '../../src-shared/api';

const api: Record<string, unknown> = {};
for (const method of METHOD_NAMES) {
  api[method] = (...args: unknown[]) => ipcRenderer.invoke(channelOf(method), ...args);
}
for (const event of EVENT_NAMES) {
  api[event] = (listener: (payload: unknown) => void) => {
    const forward = (_event: unknown, payload: unknown) => listener(payload);
    ipcRenderer.on(channelOf(event), forward);
    return () => {
      ipcRenderer.removeListener(channelOf(event), forward);
    };
  };
}
contextBridge.exposeInMainWorld('bindery', api);
