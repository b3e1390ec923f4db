// The system tray: open the window, see how many devices the host has, quit.
import { Menu, Tray, nativeImage } from 'electron';

export interface TrayActions {
  readonly open: () => void;
  readonly quit: () => void;
}

export interface BinderyTray {
  setStatus(hostLabel: string, deviceCount: number): void;
  destroy(): void;
}

export function createTray(iconPath: string, actions: TrayActions): BinderyTray {
  const tray = new Tray(nativeImage.createFromPath(iconPath));
  const render = (status: string) => {
    tray.setToolTip(`Bindery: ${status}`);
    tray.setContextMenu(
      Menu.buildFromTemplate([
        { label: 'Open Bindery', click: actions.open },
        { label: status, enabled: false },
        { type: 'separator' },
        { label: 'Quit', click: actions.quit },
      ]),
    );
  };
  tray.on('click', actions.open);
  render('reading devices…');
  return {
    setStatus(hostLabel, deviceCount) {
      render(`${deviceCount} ${deviceCount === 1 ? 'device' : 'devices'} on ${hostLabel}`);
    },
    destroy: () => tray.destroy(),
  };
}
