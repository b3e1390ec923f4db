// The packaging pieces agree with the code and with each other: one polkit
// action per verb naming the installed helper, units and the udev rule that
// run that same helper, deb scripts that electron-builder can fill in, and an
// electron-builder config that ships every piece where the scripts look.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { HELPER_PATH, VERBS } from '../../../src-main/engine/ops/privileged/protocol';
import { PERSISTED_FILE } from '../../../src-main/engine/persist/persisted-file';

const read = (file: string): string => fs.readFileSync(file, 'utf8');
const has = (tool: string): boolean => spawnSync('sh', ['-c', `command -v ${tool}`]).status === 0;

/** The macros electron-builder fills into afterInstall/afterRemove (writeConfigFile); any other `${name}` fails the build. */
function render(script: string): string {
  const macros: Record<string, string> = { executable: 'bindery', sanitizedProductName: 'Bindery' };
  return read(script).replace(/\${([a-zA-Z]+)}/g, (_match, name: string) => {
    const value = macros[name];
    if (value === undefined) throw new Error(`Macro ${name} is not defined`);
    return value;
  });
}

describe('the polkit policy', () => {
  const policy = read('packaging/polkit/org.bindery.helper.policy');
  const actions = [...policy.matchAll(/<action id="([^"]+)">([\s\S]*?)<\/action>/g)];

  it('has one action per verb, each naming the installed helper and its verb', () => {
    expect(actions.map(([, id]) => id)).toEqual(VERBS.map((verb) => `org.bindery.helper.${verb}`));
    for (const [, id, body] of actions) {
      const verb = (id ?? '').split('.').pop();
      expect(body).toContain(`<annotate key="org.freedesktop.policykit.exec.path">${HELPER_PATH}</annotate>`);
      expect(body).toContain(`<annotate key="org.freedesktop.policykit.exec.argv1">${verb}</annotate>`);
      expect(body).toMatch(/<allow_active>auth_admin_keep<\/allow_active>/);
      expect(body).toMatch(/<allow_any>auth_admin<\/allow_any>/);
      expect(body).toMatch(/<message>Bindery needs your password to [^<]+\.<\/message>/);
      expect(body).not.toMatch(/allow_gui/);
    }
  });

  it.skipIf(!has('xmllint'))('is well-formed XML (and valid, where polkit’s DTD is installed)', () => {
    const dtd = '/usr/share/polkit-1/policyconfig-1.dtd';
    const args = ['--nonet', '--noout', ...(fs.existsSync(dtd) ? ['--dtdvalid', dtd] : []), 'packaging/polkit/org.bindery.helper.policy'];
    expect(spawnSync('xmllint', args).status).toBe(0);
  });
});

describe('the boot-time units and the udev rule', () => {
  const boot = read('packaging/systemd/bindery-restore.service');
  const hotplug = read('packaging/systemd/bindery-restore@.service');
  const rule = read('packaging/udev/85-bindery.rules');

  it('run the installed helper’s restore verb with the request on stdin', () => {
    expect(boot).toContain(`ExecStart=${HELPER_PATH} restore\n`);
    expect(boot).toContain('StandardInputText={}\n');
    expect(hotplug).toContain(`ExecStart=${HELPER_PATH} restore\n`);
    expect(hotplug).toContain('StandardInputText={"device":"%I"}\n');
    for (const unit of [boot, hotplug]) expect(unit).toContain(`ConditionPathExists=${PERSISTED_FILE}\n`);
  });

  it('restore at boot before udev’s coldplug, the display manager and libvirt', () => {
    expect(boot).toMatch(/^DefaultDependencies=no$/m);
    expect(boot).toMatch(/^Before=systemd-udev-trigger\.service sysinit\.target$/m);
    expect(boot).toMatch(/^Before=display-manager\.service libvirtd\.service virtqemud\.service$/m);
    expect(boot).toMatch(/^After=systemd-modules-load\.service systemd-journald\.socket$/m);
    expect(boot).toMatch(/^WantedBy=sysinit\.target$/m);
    expect(hotplug).toMatch(/^After=bindery-restore\.service/m);
  });

  it('start the hot-plug unit only for added PCI devices named in the list', () => {
    expect(rule).toContain('ACTION!="add", GOTO="bindery_end"');
    expect(rule).toContain('SUBSYSTEM!="pci", GOTO="bindery_end"');
    expect(rule).toContain(`PROGRAM=="/bin/grep -qsF -- $kernel ${PERSISTED_FILE}", TAG+="systemd", ENV{SYSTEMD_WANTS}+="bindery-restore@$kernel.service"`);
    expect(rule.trim().endsWith('LABEL="bindery_end"')).toBe(true);
  });
});

describe('the deb scripts and the electron-builder config', () => {
  const config = read('electron-builder.yml');

  it('uses only the macros electron-builder defines, and passes shellcheck once filled in', () => {
    for (const script of ['packaging/deb/after-install.sh', 'packaging/deb/after-remove.sh']) {
      const rendered = render(script);
      if (!has('shellcheck')) continue;
      const check = spawnSync('shellcheck', ['-s', 'bash', '-'], { input: rendered, encoding: 'utf8' });
      expect(check.stdout).toBe('');
    }
    if (has('shellcheck')) expect(spawnSync('shellcheck', ['-s', 'sh', 'packaging/deb/before-remove.sh'], { encoding: 'utf8' }).stdout).toBe('');
  });

  it('installs every shipped piece from the bundle, root-owned, and the prerm removes each', () => {
    const install = render('packaging/deb/after-install.sh');
    const remove = read('packaging/deb/before-remove.sh');
    const pieces: Record<string, string> = {
      'bindery-helper.cjs': HELPER_PATH,
      'org.bindery.helper.policy': '/usr/share/polkit-1/actions/org.bindery.helper.policy',
      'bindery-restore.service': '/usr/lib/systemd/system/bindery-restore.service',
      'bindery-restore@.service': '/usr/lib/systemd/system/bindery-restore@.service',
      '85-bindery.rules': '/usr/lib/udev/rules.d/85-bindery.rules',
    };
    expect(install).toContain("resources='/opt/Bindery/resources/bindery'");
    for (const [shipped, installed] of Object.entries(pieces)) {
      const mode = installed === HELPER_PATH ? '0755' : '0644';
      expect(install).toContain(`install -o root -g root -m ${mode} "$resources/${shipped}" ${installed}\n`);
      expect(remove).toContain(installed);
    }
  });

  it('ships those pieces as extra resources and uses the scripts', () => {
    expect(config).toContain('  - from: dist/helper/bindery-helper.cjs\n    to: bindery/bindery-helper.cjs\n');
    expect(config).toContain('  - from: packaging/polkit/org.bindery.helper.policy\n    to: bindery/org.bindery.helper.policy\n');
    expect(config).toContain('  - from: packaging/systemd\n    to: bindery\n    filter:\n      - "*.service"\n');
    expect(config).toContain('  - from: packaging/udev/85-bindery.rules\n    to: bindery/85-bindery.rules\n');
    expect(config).toContain('  afterInstall: packaging/deb/after-install.sh\n');
    expect(config).toContain('  afterRemove: packaging/deb/after-remove.sh\n');
    expect(config).toContain('    - --before-remove=packaging/deb/before-remove.sh\n');
    expect(config).toContain('    - nodejs (>= 18)\n');
    for (const file of ['packaging/deb/after-install.sh', 'packaging/deb/after-remove.sh', 'packaging/deb/before-remove.sh']) {
      expect(fs.statSync(file).mode & 0o111).not.toBe(0);
    }
  });

  it('builds the helper with the shebang of the system’s node', () => {
    const build = read('scripts/build.mjs');
    expect(build).toContain("{ in: 'src-main/helper/main.ts', out: 'dist/helper/bindery-helper.cjs', target: 'node18', banner: '#!/usr/bin/node' }");
    expect(fs.existsSync(path.join('packaging', 'README.md'))).toBe(true);
  });
});
