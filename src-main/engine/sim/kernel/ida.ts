// The kernel's IDA: the lowest free number, used for IOMMU group ids,
// virtio%u, nvme%d, vfio%d, vhost-vdpa-%u, netdev names... The used numbers
// are plain data in the state (a sorted list); this class indexes them.

export class Ida {
  private readonly used: Set<number>;
  /** Every number below it is in use: allocation never rescans them. */
  private lowestFree = 0;

  constructor(used: readonly number[] = []) {
    this.used = new Set(used);
  }

  /** The lowest free number, now taken. */
  alloc(): number {
    while (this.used.has(this.lowestFree)) this.lowestFree += 1;
    const n = this.lowestFree;
    this.used.add(n);
    return n;
  }

  /** Takes exactly `n`; false when it is already in use. */
  take(n: number): boolean {
    if (this.used.has(n)) return false;
    this.used.add(n);
    return true;
  }

  has(n: number): boolean {
    return this.used.has(n);
  }

  free(n: number): void {
    if (this.used.delete(n) && n < this.lowestFree) this.lowestFree = n;
  }

  toJSON(): number[] {
    return [...this.used].sort((a, b) => a - b);
  }
}
