// Where the renderer lives: bindery://app/ (a privileged standard scheme), so
// it has an origin of its own that the IPC sender check can recognise.
export const APP_SCHEME = 'bindery';
export const APP_HOST = 'app';
export const APP_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;
