// Every IPC handler of the app, registered in one place. Each call is checked
// for its sender frame, then handed to the dispatcher, which validates the
// arguments against the shared schema.
import { ipcMain } from 'electron';
import type { WebContents } from 'electron';
import { EVENT_NAMES, METHOD_NAMES, channelOf } from '../../src-shared/api';
import { bindery } from '../../src-shared/errors';
import type { Result } from '../../src-shared/errors';
import type { Dispatcher } from '../engine/service/dispatcher';
import { isTrustedSender } from './sender-policy';

const forbidden: Result<never> = {
  ok: false,
  error: bindery('FORBIDDEN_SENDER', 'Request refused', 'Only Bindery’s own window may use the engine.'),
};

/** Registers every handler; returns a function that removes them all. */
export function registerIpcHandlers(dispatcher: Dispatcher, recipients: () => readonly WebContents[]): () => void {
  for (const method of METHOD_NAMES) {
    ipcMain.handle(channelOf(method), (event, ...args: unknown[]) => {
      const frame = event.senderFrame;
      const sender = frame ? { url: frame.url, isTopLevel: frame.parent === null } : null;
      return isTrustedSender(sender) ? dispatcher.call(method, args) : forbidden;
    });
  }
  const unsubscribes = EVENT_NAMES.map((event) =>
    dispatcher.subscribe(event, (payload) => {
      for (const contents of recipients()) {
        if (!contents.isDestroyed()) contents.send(channelOf(event), payload);
      }
    }),
  );
  return () => {
    for (const method of METHOD_NAMES) ipcMain.removeHandler(channelOf(method));
    unsubscribes.forEach((unsubscribe) => unsubscribe());
  };
}
