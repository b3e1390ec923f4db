// The sysfs script runner for the real kernel: the format and the
// extensions of src-main/engine/sim/script/README.md, run against the real
// /sys of the machine it runs on (the test VM only: never run it on a machine
// whose devices matter). It prints exactly what the simulator's runner
// prints, one `STEP => RESULT` line per step, so the two can be compared.
import fs from 'node:fs';
import { parseStep } from '../../../src-main/engine/sim/script/steps';
import type { Step } from '../../../src-main/engine/sim/script/steps';
import { isStepError } from '../../../src-main/engine/sim/script/run';
import { iproute2, modprobe, oneLine, run } from './commands';
import { ErrnoMessages } from './errno-names';
import { exists, listDir, readFile, readLink, writeFile } from './file-steps';
import { settle } from './settle';
import { VfioGroups } from './vfio-groups';

export class RealRunner {
  private readonly messages: ErrnoMessages;
  private readonly vfio: VfioGroups;

  /** `helper`: the vfio-attach binary (guest/vfio-attach.c). */
  constructor(helper: string) {
    this.messages = new ErrnoMessages(run(helper, ['strerror']).stdout);
    this.vfio = new VfioGroups(helper);
  }

  /** `modprobe -q` of every device's modalias on the bus, in `ls` order, as the test VM's init does. */
  private coldplug(bus: string): string {
    const dir = `/sys/bus/${bus}/devices`;
    for (const name of fs.readdirSync(dir).sort()) {
      const modalias = readFile(`${dir}/${name}/modalias`);
      if (!modalias.startsWith('err ')) run('modprobe', ['-q', modalias]);
    }
    return 'ok';
  }

  private tool(line: string): string {
    const result = iproute2(line.trim().split(/\s+/), this.messages);
    return result.ok ? 'ok' : result.text;
  }

  private runStep(step: Step, line: string): string {
    switch (step.verb) {
      case 'write': case 'printf': return writeFile(step.path, step.data);
      case 'read': return readFile(step.path);
      case 'link': return readLink(step.path);
      case 'ls': return listDir(step.path);
      case 'exists': return exists(step.path);
      case 'modprobe': return modprobe(line.trim().split(/\s+/).slice(1), this.messages);
      case 'coldplug': return this.coldplug(step.bus);
      case 'settle': return settle();
      case 'vfio-open': return this.vfio.open(step.group);
      case 'vfio-close': return this.vfio.close(step.group);
      case 'port-add': {
        const result = iproute2(line.trim().split(/\s+/), this.messages);
        // devlink shows the new port: its handle is everything before the first colon-space.
        return result.ok ? `ok ${result.text.trim().split(': ', 1)[0] ?? ''}` : result.text;
      }
      case 'port-show': {
        const result = iproute2(line.trim().split(/\s+/), this.messages);
        return result.ok ? oneLine(result.text) : result.text;
      }
      case 'vdpa-add': case 'vdpa-del': case 'eswitch': case 'param-set': case 'reload': case 'port-function': case 'port-del':
        return this.tool(line);
    }
  }

  /** The result of one script line; null for blank and `#` lines. */
  runLine(line: string): string | null {
    const trimmed = line.trim();
    if (trimmed === '' || trimmed.startsWith('#')) return null;
    const step = parseStep(line);
    if (!isStepError(step)) return this.runStep(step, line);
    if (!step.usage) return `bad step: ${step.error}`;
    // A usage error of a program is the program's to report, as on a real machine.
    const [program] = trimmed.split(/\s+/);
    if (program === 'modprobe') return modprobe(trimmed.split(/\s+/).slice(1), this.messages);
    return program === 'vdpa' || program === 'devlink' ? this.tool(line) : 'err EINVAL';
  }

  /** Every step's line: `<step as written> => <result>`. */
  runScript(text: string, onLine: (printed: string) => void = () => undefined): string[] {
    const out: string[] = [];
    for (const raw of text.split('\n')) {
      const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
      const result = this.runLine(line);
      if (result === null) continue;
      const printed = `${line} => ${result}`;
      out.push(printed);
      onLine(printed);
    }
    return out;
  }
}
