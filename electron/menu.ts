/** The application menu: standard roles plus File actions and the recent-projects list. */
import { app, Menu, type MenuItemConstructorOptions } from 'electron';
import type { RecentProject } from '../core/contract/types.js';
import type { ProjectActions } from './projects.js';

const MAX_RECENT = 10;

export function buildMenu(
  actions: ProjectActions,
  recent: readonly RecentProject[],
  options: { devTools: boolean },
): Menu {
  const isMac = process.platform === 'darwin';
  const recentItems: MenuItemConstructorOptions[] =
    recent.length === 0
      ? [{ label: 'No recent projects', enabled: false }]
      : recent.slice(0, MAX_RECENT).map((project) => ({
          label: `${project.name} — ${project.path}`,
          click: () => void actions.open(project.path),
        }));

  const template: MenuItemConstructorOptions[] = [
    ...(isMac ? [{ label: app.name, role: 'appMenu' as const }] : []),
    {
      label: 'File',
      submenu: [
        { label: 'New Project…', accelerator: 'CmdOrCtrl+Shift+N', click: () => void actions.createWithDialog() },
        { label: 'Open Project…', accelerator: 'CmdOrCtrl+O', click: () => void actions.openWithDialog() },
        { label: 'Open Recent', submenu: recentItems },
        { type: 'separator' },
        { label: 'Import Files…', accelerator: 'CmdOrCtrl+I', click: () => void actions.importWithDialog() },
        {
          label: 'Export Report',
          submenu: [
            { label: 'Markdown…', click: () => void actions.exportReport('md') },
            { label: 'HTML…', click: () => void actions.exportReport('html') },
          ],
        },
        { type: 'separator' },
        isMac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    { role: 'editMenu' },
    {
      label: 'View',
      submenu: [
        { role: 'reload' },
        ...(options.devTools ? [{ role: 'toggleDevTools' as const }] : []),
        { type: 'separator' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    { role: 'windowMenu' },
    { role: 'help', submenu: [{ role: 'about' }] },
  ];
  return Menu.buildFromTemplate(template);
}
