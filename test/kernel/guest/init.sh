#!/bin/sh
# PID 1 of the test VM. Sets up what a booted machine has (proc, sys, dev,
# a udev stand-in that loads modules for hotplug uevents), runs the guest
# program on its job (it brings the machine to the qemu-q35 start state itself,
# then runs the job), and powers off. Results go to ttyS1, a clean channel of
# their own; ttyS0 is the console. Nothing of the host is mounted: the job
# came in the initramfs.
export PATH=/sbin:/bin:/usr/bin
mount -t proc proc /proc
mount -t sysfs sys /sys
mount -t devtmpfs dev /dev
mount -t tmpfs tmp /tmp
echo /sbin/modprobe >/proc/sys/kernel/modprobe
# udev stand-in (the kernel's uevent helper is off): modprobe for every uevent with a MODALIAS.
# shellcheck disable=SC2016 # mdev expands $MODALIAS itself
echo '$MODALIAS=.* 0:0 660 @modprobe -q "$MODALIAS"' >/etc/mdev.conf
mdev -d
stty -F /dev/ttyS1 raw -echo
node /job/guest.cjs /job/job.json >/dev/ttyS1 2>/dev/console
echo "guest program exited with $?" >/dev/console
poweroff -f
