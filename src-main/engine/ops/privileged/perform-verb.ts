// A checked request, performed under the helper's lock so two changes never
// interleave (a second request waits for the first, up to withFileLock's
// limit, then is refused as busy). The helper process and Bindery running as
// root both come here.
import fs from 'node:fs';
import path from 'node:path';
import { BinderyFailure, toBinderyError } from '../../../../src-shared/errors';
import { persistDevice, unpersistDevice } from '../../persist/persist-verbs';
import { restorePersisted } from '../../persist/restore';
import { withFileLock } from '../../state/file-lock';
import { changeError, errorAnswer } from './answers';
import { applyOperations } from './apply-verb';
import type { PrivilegedContext } from './context';
import type { HelperAnswer, HelperRequest } from './protocol';

export const LOCK_FILE = '/run/bindery/helper.lock';

function dispatch(context: PrivilegedContext, request: HelperRequest): HelperAnswer {
  switch (request.verb) {
    case 'apply':
      return applyOperations(context, request.operations);
    case 'persist':
      return persistDevice(context, { device: request.device, driver: request.driver, ids: request.ids });
    case 'unpersist':
      return unpersistDevice(context, request.device);
    case 'restore':
      return restorePersisted(context, request.device ?? null);
  }
}

function broken(thrown: unknown): HelperAnswer {
  const error = toBinderyError(thrown);
  return errorAnswer('failed', changeError('EIO', error.title, error.detail, error.remedy));
}

export function performVerb(context: PrivilegedContext, request: HelperRequest): HelperAnswer {
  const lock = path.join(context.root, LOCK_FILE);
  try {
    fs.mkdirSync(path.dirname(lock), { recursive: true, mode: 0o755 });
    return withFileLock(lock, () => {
      try {
        return dispatch(context, request);
      } catch (thrown) {
        return broken(thrown);
      }
    });
  } catch (thrown) {
    // withFileLock says so with a BinderyFailure when another change held the lock for too long.
    if (!(thrown instanceof BinderyFailure)) return broken(thrown);
    return errorAnswer('refused', changeError('EBUSY', 'Busy', `${thrown.error.detail} Nothing was changed.`, thrown.error.remedy));
  }
}
