// Mediated device types a parent (a vGPU-capable GPU, mtty) offers.
import type { Device } from '../../../src-shared/model';
import { Section } from '../../components/Section';

export function MdevSection({ device }: { readonly device: Device }) {
  const types = device.pci?.mdevTypes ?? [];
  if (types.length === 0) return null;
  return (
    <Section title="Mediated device types" aside={`${types.length} types`}>
      <table className="mini-table">
        <thead>
          <tr>
            <th scope="col">Type</th>
            <th scope="col">Name</th>
            <th scope="col">API</th>
            <th scope="col" className="numeric">Available</th>
            <th scope="col" className="numeric">Created</th>
          </tr>
        </thead>
        <tbody>
          {types.map((type) => (
            <tr key={type.id}>
              <td><code>{type.id}</code></td>
              <td title={type.description ?? undefined}>{type.name ?? <span className="faint">—</span>}</td>
              <td>{type.deviceApi ?? <span className="faint">—</span>}</td>
              <td className="numeric">{type.availableInstances ?? '—'}</td>
              <td className="numeric">{type.devices.length}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Section>
  );
}
