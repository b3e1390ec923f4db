// Interfaces carrying a default route: /proc/net/route (IPv4: destination and
// mask 00000000, route up) and /proc/net/ipv6_route (::/0).
const RTF_UP = 0x1;

export function defaultRouteInterfaces(ipv4: string | null, ipv6: string | null): string[] {
  const found = new Set<string>();
  for (const line of (ipv4 ?? '').split('\n').slice(1)) {
    const [iface, destination, , flags, , , , mask] = line.trim().split(/\s+/);
    if (iface && destination === '00000000' && mask === '00000000' && (parseInt(flags ?? '0', 16) & RTF_UP) !== 0) found.add(iface);
  }
  for (const line of (ipv6 ?? '').split('\n')) {
    const fields = line.trim().split(/\s+/);
    const iface = fields[9];
    // Destination ::/0 through a gateway; `lo` carries the unreachable catch-all.
    if (fields.length >= 10 && /^0{32}$/.test(fields[0] ?? '') && fields[1] === '00' && iface && iface !== 'lo') found.add(iface);
  }
  return [...found].sort();
}
