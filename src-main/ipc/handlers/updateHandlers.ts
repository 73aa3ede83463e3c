import type { UpdateService } from '../../core/updates/updateService';
import type { HandlersOf } from './handlerTypes';

/** Settings' Updates panel: the state, a check now, and the operator's choice of when to install. */
export function updateHandlers(updates: UpdateService): HandlersOf<'updates.'> {
  return {
    'updates.view': () => updates.view(),
    'updates.check': () => updates.checkNow(),
    'updates.installNow': () => updates.installNow(),
    'updates.installOnQuit': () => updates.installOnQuit(),
  };
}
