#!/usr/bin/env bash
# Prepares everything the real-kernel tests boot, in a cache that later runs
# reuse: Debian's bookworm-backports 6.12 kernel and QEMU 10 (downloaded with a
# private APT_CONFIG and unpacked with dpkg -x; the machine's apt setup and
# packages are untouched), the test modules Debian does not build (netdevsim,
# vdpa_sim, vringh, the mdev samples), the vfio helper, and the base initramfs.
#
# Usage: test/kernel/prepare.sh [NODE]   (NODE: the node binary the guest runs)
# Cache: $BINDERY_KERNEL_VM_CACHE, else ${XDG_CACHE_HOME:-~/.cache}/bindery-kernel-vm.
# Prints KEY=VALUE lines (CACHE, KREL, KERNEL, INITRD, QEMU, QEMU_DATA, QEMU_MODULES).
# Exit 77 with "SKIP: reason" on stderr when this machine cannot run the
# tests (a missing tool, no way to reach Debian's archive); 1 on a real failure.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
REPO=$(cd "$HERE/../.." && pwd)
NODE=${1:-$(command -v node)}
D=${BINDERY_KERNEL_VM_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/bindery-kernel-vm}
mkdir -p "$D/stamps" "$D/logs"
LOG=$D/logs/prepare.log

skip() { echo "SKIP: $*" >&2; exit 77; }
log() { echo "[$(date +%T)] $*" >>"$LOG"; }

# Two test files may prepare at once: one does the work, the other waits for it.
exec 9>"$D/.lock"
flock 9
: >"$LOG"
# What earlier runs left: half-built stages, and VM logs older than a day.
rm -rf "$D"/stage.*
[ -d "$D/runs" ] && find "$D/runs" -mindepth 1 -maxdepth 1 -mmin +1440 -exec rm -rf {} +

# ---- tools from Debian's packages (.ci/run installs them)
need() { command -v "$1" >/dev/null || skip "$1 is missing (Debian package $2)"; }
need qemu-system-x86_64 qemu-system-x86   # QEMU 10 below runs with the libraries it brings
need busybox busybox-static
need cpio cpio
need xz xz-utils
need gcc gcc
need make make
need depmod kmod
need modinfo kmod
need flock util-linux
need apt-get apt
need dpkg-deb dpkg
need vdpa iproute2
need devlink iproute2
[ -x "$NODE" ] || skip "no node binary at $NODE"
file_of() { readlink -f "$(command -v "$1")"; }
ldd "$(file_of busybox)" >/dev/null 2>&1 && skip "busybox is not the static one (Debian package busybox-static)"
[ -f /usr/lib/x86_64-linux-gnu/libc.a ] || skip "no static C library (Debian package libc6-dev)"

# ---- downloads: bookworm-backports through a private apt state
if [ ! -f "$D/stamps/downloaded" ]; then
  log "download"
  rm -rf "$D/apt" "$D/debs"
  mkdir -p "$D/apt/lists/partial" "$D/apt/cache/archives/partial" "$D/apt/sources.list.d" "$D/debs"
  # The archive this machine already uses, from its own apt sources.
  URI=$(awk '/^URIs:/{print $2; exit}' /etc/apt/sources.list.d/*.sources 2>/dev/null || true)
  [ -n "$URI" ] || URI=$(awk '/^deb /{print $2; exit}' /etc/apt/sources.list 2>/dev/null || true)
  [ -n "$URI" ] || skip "no Debian archive in this machine's apt sources"
  echo "deb $URI bookworm-backports main" >"$D/apt/sources.list"
  cat >"$D/apt/apt.conf" <<EOF
Dir::Etc::sourcelist "$D/apt/sources.list";
Dir::Etc::sourceparts "$D/apt/sources.list.d";
Dir::State::lists "$D/apt/lists";
Dir::Cache "$D/apt/cache";
APT::Sandbox::User "root";
Acquire::Languages "none";
Acquire::Retries "2";
EOF
  export APT_CONFIG=$D/apt/apt.conf
  apt-get update -qq >>"$LOG" 2>&1 || skip "cannot reach Debian's archive ($URI bookworm-backports); see $LOG"
  KPKG=$(apt-cache depends linux-image-amd64 2>/dev/null | awk '/Depends: linux-image-[0-9]/{print $2; exit}')
  [ -n "$KPKG" ] || skip "bookworm-backports lists no linux-image-amd64; see $LOG"
  KREL=${KPKG#linux-image-}
  KV=${KREL%-amd64}
  KVER=$(apt-cache show "$KPKG" | awk '/^Version:/{print $2; exit}')
  QV=$(apt-cache madison qemu-system-x86 | awk '/bookworm-backports/{print $3; exit}')
  SRCPKG=linux-source-$(echo "$KV" | cut -d. -f1,2)
  (cd "$D/debs" && apt-get download -qq "$KPKG" "linux-headers-$KREL" "linux-headers-$KV-common" "linux-kbuild-$KV" \
    "$SRCPKG=$KVER" "qemu-system-x86=$QV" "qemu-system-common=$QV" "qemu-system-data=$QV") >>"$LOG" 2>&1 \
    || skip "cannot download the kernel and QEMU from Debian's archive; see $LOG"
  printf 'KREL=%s\nKV=%s\nSRCPKG=%s\n' "$KREL" "$KV" "$SRCPKG" >"$D/versions"
  rm -f "$D/stamps/"*
  touch "$D/stamps/downloaded"
fi
# shellcheck source=/dev/null
. "$D/versions"

# ---- unpack: the kernel, its headers, QEMU 10, and the few source folders the modules need
if [ ! -f "$D/stamps/unpacked" ]; then
  log "unpack"
  rm -rf "$D/kroot" "$D/khdr" "$D/ksrc" "$D/qemu"
  mkdir -p "$D/kroot" "$D/khdr" "$D/ksrc" "$D/qemu"
  # The source tarball takes longest to read: unpack it meanwhile.
  ( dpkg-deb --fsys-tarfile "$D/debs/${SRCPKG}_"*.deb | tar -xO "./usr/src/$SRCPKG.tar.xz" \
      | tar -C "$D/ksrc" -xJ --wildcards "$SRCPKG/drivers/net/netdevsim/*" "$SRCPKG/drivers/vdpa/vdpa_sim/*" \
        "$SRCPKG/samples/vfio-mdev/*" "$SRCPKG/drivers/vhost/vringh.c" ) &
  src=$!
  dpkg -x "$D/debs/linux-image-${KREL}_"*.deb "$D/kroot"
  for f in "$D/debs/"linux-headers-*.deb "$D/debs/"linux-kbuild-*.deb; do dpkg -x "$f" "$D/khdr"; done
  for f in "$D/debs/"qemu-system-*.deb; do dpkg -x "$f" "$D/qemu"; done
  wait "$src"
  # Debian's arch Makefile includes the -common one by absolute path: point it here.
  sed -i "s|^include /usr/src/|include $D/khdr/usr/src/|" "$D/khdr/usr/src/linux-headers-$KREL/Makefile"
  touch "$D/stamps/unpacked"
fi
missing=$(ldd "$D/qemu/usr/bin/qemu-system-x86_64" | awk '/not found/{print $1}' | tr '\n' ' ')
[ -z "$missing" ] || skip "QEMU 10 needs libraries this machine lacks: $missing(install qemu-system-x86)"

# ---- the test modules Debian does not build, out of tree against its headers
if [ ! -f "$D/stamps/oot" ]; then
  log "build out-of-tree modules"
  O=$D/oot; S=$D/ksrc/$SRCPKG
  rm -rf "$O"; mkdir -p "$O/out" "$O/vringh"
  cp -r "$S/drivers/net/netdevsim" "$O/netdevsim"
  cp -r "$S/drivers/vdpa/vdpa_sim" "$O/vdpa_sim"
  cp -r "$S/samples/vfio-mdev" "$O/vfio-mdev"
  # vdpa_sim needs vringh, which Debian does not build (CONFIG_VHOST_RING is off).
  cp "$S/drivers/vhost/vringh.c" "$O/vringh/" && echo 'obj-m += vringh.o' >"$O/vringh/Makefile"
  # No pahole here: no BTF for these modules.
  MK=(make -s -j2 -C "$D/khdr/usr/src/linux-headers-$KREL" CONFIG_DEBUG_INFO_BTF_MODULES=)
  {
    "${MK[@]}" M="$O/vringh" modules
    "${MK[@]}" M="$O/vdpa_sim" CONFIG_VDPA_SIM=m CONFIG_VDPA_SIM_NET=m CONFIG_VDPA_SIM_BLOCK=m \
      KBUILD_EXTRA_SYMBOLS="$O/vringh/Module.symvers" modules
    "${MK[@]}" M="$O/netdevsim" CONFIG_NETDEVSIM=m modules
    "${MK[@]}" M="$O/vfio-mdev" CONFIG_SAMPLE_VFIO_MDEV_MTTY=m CONFIG_SAMPLE_VFIO_MDEV_MDPY=m \
      CONFIG_SAMPLE_VFIO_MDEV_MBOCHS=m modules
  } >>"$LOG" 2>&1 || { echo "building the test modules failed; see $LOG" >&2; exit 1; }
  find "$O" -name '*.ko' ! -path "$O/out/*" -exec cp {} "$O/out/" \;
  strip --strip-debug "$O/out/"*.ko
  touch "$D/stamps/oot"
fi

# ---- the base initramfs; rebuilt when its inputs change
INPUTS=$({ cat "$HERE/build-initramfs.sh" "$HERE/guest/init.sh" "$HERE/guest/vfio-attach.c" "$REPO/data/scenarios/qemu-q35.json"
  "$NODE" --version; } | sha256sum | cut -c1-16)
INITRD=$D/initramfs-$INPUTS.cpio
if [ ! -f "$INITRD" ]; then
  log "build initramfs"
  rm -f "$D/"initramfs-*.cpio
  "$HERE/build-initramfs.sh" "$D" "$KREL" "$NODE" "$INITRD.tmp" >>"$LOG" 2>&1 \
    || { echo "building the initramfs failed; see $LOG" >&2; exit 1; }
  mv "$INITRD.tmp" "$INITRD"
fi
log "ready"

echo "CACHE=$D"
echo "KREL=$KREL"
echo "KERNEL=$D/kroot/boot/vmlinuz-$KREL"
echo "INITRD=$INITRD"
echo "QEMU=$D/qemu/usr/bin/qemu-system-x86_64"
echo "QEMU_DATA=$D/qemu/usr/share/qemu"
echo "QEMU_MODULES=$D/qemu/usr/lib/x86_64-linux-gnu/qemu"
