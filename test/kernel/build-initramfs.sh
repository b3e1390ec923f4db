#!/usr/bin/env bash
# The base initramfs of the test VM (an uncompressed cpio: the guest unpacks
# it faster than it inflates one). It holds busybox, kmod's modprobe, iproute2's
# vdpa and devlink, node, the vfio helper, /init, and exactly the modules the
# qemu-q35 scenario says are installed, with their dependencies. The guest
# program and its job come in a second cpio appended per boot.
# Usage: build-initramfs.sh CACHE KREL NODE OUT
set -euo pipefail
D=$1 KREL=$2 NODE=$3 OUT=$4
HERE=$(cd "$(dirname "$0")" && pwd)
REPO=$(cd "$HERE/../.." && pwd)
ST=$(mktemp -d "$D/stage.XXXXXX")
trap 'rm -rf "$ST"' EXIT
mkdir -p "$ST"/{bin,sbin,proc,sys,dev,tmp,run,etc,lib64,lib/x86_64-linux-gnu,usr/bin,usr/lib/x86_64-linux-gnu}

cp /bin/busybox "$ST/bin/busybox"
for a in $("$ST/bin/busybox" --list); do [ -e "$ST/bin/$a" ] || ln -s busybox "$ST/bin/$a"; done

# A program and the shared libraries it loads, at the paths ldd names.
with_libs() {
  local bin=$1 dst=$2
  cp -L "$bin" "$ST/$dst"
  ldd "$bin" | awk '/=>/{print $3} /ld-linux/{print $1}' | while read -r lib; do
    [ -f "$lib" ] || continue
    mkdir -p "$ST/$(dirname "$lib")"
    [ -e "$ST/$lib" ] || cp -L "$lib" "$ST/$lib"
  done
}
# kmod's modprobe, as on a real machine (and what the `modprobe` step's errors are read from).
with_libs "$(readlink -f "$(command -v kmod)")" sbin/kmod
for tool in modprobe insmod rmmod lsmod modinfo; do ln -sf kmod "$ST/sbin/$tool"; done
with_libs "$(command -v vdpa)" sbin/vdpa
with_libs "$(command -v devlink)" sbin/devlink
with_libs "$NODE" usr/bin/node
strip "$ST/usr/bin/node"
gcc -static -O2 -Wall -o "$ST/sbin/vfio-attach" "$HERE/guest/vfio-attach.c"

# ---- modules: the scenario's list and their dependencies, uncompressed
MODS=$("$NODE" -e 'console.log(require(process.argv[1]).modules.join(" "))' "$REPO/data/scenarios/qemu-q35.json")
KMD=$D/kroot/lib/modules/$KREL
declare -A FILE
while read -r f; do
  n=$(basename "$f"); n=${n%.ko*}; FILE[${n//-/_}]=$f
done < <(find "$KMD/kernel" -name '*.ko*'; find "$D/oot/out" -name '*.ko')
declare -A SEEN
add_module() {
  local name=${1//-/_} f dst deps dep
  [ -n "${SEEN[$name]:-}" ] && return
  SEEN[$name]=1
  f=${FILE[$name]:-}
  if [ -z "$f" ]; then
    # Built into this kernel: nothing to copy.
    grep -q "/${name//_/[-_]}.ko\$" "$KMD/modules.builtin" && return
    echo "module $name is in neither the kernel nor the test modules" >&2; return 1
  fi
  case $f in
    "$D/oot/out/"*) dst=$ST/lib/modules/$KREL/extra/$name.ko ;;
    *) dst=$ST/${f#"$D/kroot/"}; dst=${dst%.xz}; dst=${dst%.zst} ;;
  esac
  mkdir -p "$(dirname "$dst")"
  case $f in *.xz) xz -dc "$f" >"$dst" ;; *.zst) zstd -qdc "$f" >"$dst" ;; *) cp "$f" "$dst" ;; esac
  deps=$(modinfo -F depends "$f")
  for dep in ${deps//,/ }; do add_module "$dep"; done
}
for m in $MODS; do add_module "$m"; done
cp "$KMD"/modules.builtin* "$KMD/modules.order" "$ST/lib/modules/$KREL/"
depmod -b "$ST" "$KREL"

cp "$HERE/guest/init.sh" "$ST/init"
chmod +x "$ST/init"
(cd "$ST" && find . | cpio -o -H newc --quiet) >"$OUT"
ls -la "$OUT"
