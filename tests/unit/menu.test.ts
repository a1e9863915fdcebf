import { describe, expect, it } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import { contract, type Channel } from '../../src/shared/contract';
import { MENU_ACTIONS, type MenuAction } from '../../src/shared/menu-actions';
import type { RecentLibrary } from '../../src/shared/settings';
import {
  applicationMenu,
  MAIN_ACTIONS,
  menuTemplate,
  roleAccelerator,
  type MainAction,
  type MenuEntry,
  type MenuSection,
} from '../../src/main/menu';

const PLATFORMS: NodeJS.Platform[] = ['darwin', 'win32', 'linux'];

const entriesOf = (sections: MenuSection[]) => sections.flatMap((section) => section.entries);
const labelsOf = (section: MenuSection | undefined) =>
  (section?.entries ?? []).map((entry) =>
    entry.kind === 'separator' ? '-' : entry.kind === 'role' ? `role:${entry.role}` : entry.label,
  );

/** `Shift+CmdOrCtrl+P` and `CommandOrControl+Shift+P` are the same keys: compare them as one. */
function normalise(accelerator: string, platform: NodeJS.Platform): string {
  const mac = platform === 'darwin';
  const names: Record<string, string> = {
    commandorcontrol: mac ? 'cmd' : 'ctrl',
    cmdorctrl: mac ? 'cmd' : 'ctrl',
    command: 'cmd',
    cmd: 'cmd',
    control: 'ctrl',
    ctrl: 'ctrl',
    option: 'alt',
    alt: 'alt',
    shift: 'shift',
  };
  const keys = accelerator.split('+').map((key) => names[key.toLowerCase()] ?? key.toLowerCase());
  const key = keys.pop()!;
  return [...keys.sort(), key].join('+');
}

function acceleratorOf(entry: MenuEntry, platform: NodeJS.Platform): string | undefined {
  if (entry.kind === 'role') return entry.accelerator ?? roleAccelerator(entry.role, platform);
  return 'accelerator' in entry ? entry.accelerator : undefined;
}

describe.each(PLATFORMS)('the application menu on %s', (platform) => {
  const sections = applicationMenu(platform, { development: true });
  const entries = entriesOf(sections);

  it('sends the window only actions it knows, and runs only channels in the contract that need no arguments', () => {
    for (const entry of entries) {
      if (entry.kind === 'window') expect(MENU_ACTIONS).toContain(entry.action);
      if (entry.kind === 'main') expect(MAIN_ACTIONS).toContain(entry.action);
      if (entry.kind === 'channel') {
        expect(Object.keys(contract)).toContain(entry.channel);
        expect(contract[entry.channel].args.safeParse([]).success).toBe(true);
      }
    }
  });

  it('offers every window action and every main action somewhere', () => {
    const windowActions = new Set(entries.flatMap((e) => (e.kind === 'window' ? [e.action] : [])));
    expect([...windowActions].sort()).toEqual([...MENU_ACTIONS].sort());
    const mainActions = new Set<MainAction>(entries.flatMap((e) => (e.kind === 'main' ? [e.action] : [])));
    mainActions.add('clear-recent'); // in the Recent Libraries submenu, built from the list
    expect([...mainActions].sort()).toEqual([...MAIN_ACTIONS].sort());
  });

  it('has no accelerator twice, counting the ones Electron gives its roles', () => {
    const seen = new Map<string, string>();
    for (const entry of entries) {
      const accelerator = acceleratorOf(entry, platform);
      if (!accelerator) continue;
      const key = normalise(accelerator, platform);
      const name = entry.kind === 'role' ? entry.role : 'label' in entry ? entry.label : entry.kind;
      expect(seen.get(key), `${accelerator} is on both ${seen.get(key)} and ${name}`).toBeUndefined();
      seen.set(key, name);
    }
    expect(seen.size).toBeGreaterThan(15);
  });

  it('has the File menu the collector expects, in order', () => {
    const file = sections.find((section) => section.label.replace('&', '') === 'File');
    const labels = labelsOf(file).filter((label) => label !== '-');
    expect(labels.slice(0, 9)).toEqual([
      'New Film',
      'Import…',
      'Export…',
      'Print…',
      'Save as PDF…',
      'Open Library…',
      'New Library…',
      'Recent Libraries',
      'Backups…',
    ]);
  });

  it('has Edit with the standard roles, and View with grid, table, zoom and full screen', () => {
    const edit = sections.find((section) => section.label.replace('&', '') === 'Edit');
    expect(labelsOf(edit)).toEqual(
      expect.arrayContaining([
        'role:undo',
        'role:redo',
        'role:cut',
        'role:copy',
        'role:paste',
        'role:selectAll',
      ]),
    );
    const view = sections.find((section) => section.label.replace('&', '') === 'View');
    expect(labelsOf(view)).toEqual(
      expect.arrayContaining([
        'As Grid',
        'As Table',
        'role:resetZoom',
        'role:zoomIn',
        'role:zoomOut',
        'role:togglefullscreen',
      ]),
    );
    const help = sections.find((section) => section.role === 'help');
    expect(labelsOf(help)).toEqual(expect.arrayContaining(['The Library File Format', 'Report a Problem…']));
    const about = entries.filter((entry) => entry.kind === 'role' && entry.role === 'about');
    expect(about).toHaveLength(1);
  });

  it('follows the platform’s conventions for the app menu, Settings and Quit', () => {
    const first = sections[0]!;
    const quits = entries.filter((entry) => entry.kind === 'role' && entry.role === 'quit');
    const settings = entries.filter((entry) => entry.kind === 'window' && entry.action === 'settings');
    expect(quits).toHaveLength(1);
    expect(settings).toHaveLength(1);
    if (platform === 'darwin') {
      expect(first.label).toBe('Filmfolio');
      expect(labelsOf(first)).toEqual(
        expect.arrayContaining([
          'role:about',
          'Settings…',
          'role:services',
          'role:hide',
          'role:hideOthers',
          'role:quit',
        ]),
      );
      expect(labelsOf(sections[1]).at(-1)).toBe('role:close');
    } else {
      expect(first.label).toBe('&File');
      expect(labelsOf(first).at(-1)).toBe('role:quit');
      expect(labelsOf(sections.find((section) => section.role === 'help'))).toContain('role:about');
    }
  });
});

describe('the menu template', () => {
  const recent: RecentLibrary[] = [
    {
      path: '/films/Noir.filmfolio.sqlite',
      name: 'Noir',
      openedAt: '2026-01-02T00:00:00Z',
      found: true,
      current: true,
    },
    {
      path: '/films/Westerns.filmfolio.sqlite',
      name: 'Westerns',
      openedAt: '2026-01-01T00:00:00Z',
      found: true,
      current: false,
    },
    {
      path: '/usb/Old.filmfolio.sqlite',
      name: 'Old',
      openedAt: '2025-01-01T00:00:00Z',
      found: false,
      current: false,
    },
  ];

  function build(list: RecentLibrary[], development = false) {
    const calls: string[] = [];
    const template = menuTemplate(applicationMenu('linux', { development }), list, {
      window: (action: MenuAction) => calls.push(`window:${action}`),
      channel: (channel: Channel) => calls.push(`channel:${channel}`),
      main: (action: MainAction) => calls.push(`main:${action}`),
      openRecent: (path) => calls.push(`recent:${path}`),
    });
    return { template, calls };
  }
  const items = (menu: MenuItemConstructorOptions | undefined) =>
    (menu?.submenu ?? []) as MenuItemConstructorOptions[];
  const find = (menu: MenuItemConstructorOptions[], label: string) =>
    menu.find((item) => item.label === label)!;
  const click = (item: MenuItemConstructorOptions) => (item.click as () => void)();

  it('wires each click to its handler', () => {
    const { template, calls } = build(recent);
    const file = items(template[0]);
    click(find(file, 'New Film'));
    click(find(file, 'Open Library…'));
    click(find(items(template.at(-1)), 'Report a Problem…'));
    expect(calls).toEqual(['window:new-film', 'channel:library:open', 'main:report-problem']);
  });

  it('lists recent libraries with the open one ticked and a missing one disabled', () => {
    const { template, calls } = build(recent);
    const submenu = items(find(items(template[0]), 'Recent Libraries'));
    expect(
      submenu.map((item) => [item.label ?? item.type, item.enabled ?? true, item.checked ?? false]),
    ).toEqual([
      ['Noir', false, true],
      ['Westerns', true, false],
      ['Old (not found)', false, false],
      ['separator', true, false],
      ['Clear Recent', true, false],
    ]);
    click(submenu[1]!);
    click(submenu[4]!);
    expect(calls).toEqual(['recent:/films/Westerns.filmfolio.sqlite', 'main:clear-recent']);
    const empty = items(find(items(build([]).template[0]), 'Recent Libraries'));
    expect(empty).toEqual([{ label: 'No Recent Libraries', enabled: false }]);
  });

  it('offers developer tools only while developing', () => {
    const roles = (development: boolean) =>
      build(recent, development).template.flatMap((menu) => items(menu).map((item) => item.role));
    expect(roles(true)).toContain('toggleDevTools');
    expect(roles(false)).not.toContain('toggleDevTools');
    expect(roles(false)).not.toContain('reload');
  });
});
