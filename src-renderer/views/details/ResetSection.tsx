// How the kernel can reset the device, in the order it tries: a VM needs a
// device that can be reset between uses.
import type { Device } from '../../../src-shared/model';
import { Section } from '../../components/Section';
import { resetMethodDescription } from '../../model/reset-methods';

export function ResetSection({ device }: { readonly device: Device }) {
  if (!device.pci) return null;
  const methods = device.pci.resetMethods;
  return (
    <Section title="Reset methods">
      {methods === null ? (
        <p className="muted">None: the kernel cannot reset this device on its own, so a VM may find it in the state the last user left.</p>
      ) : methods.length === 0 ? (
        <p className="muted">All reset methods are disabled (reset_method is empty).</p>
      ) : (
        <ol className="reset-methods" aria-label="Reset methods, in the order tried">
          {methods.map((method) => (
            <li key={method}>
              <code>{method}</code> <span className="muted">{resetMethodDescription(method)}</span>
            </li>
          ))}
        </ol>
      )}
    </Section>
  );
}
