#!/bin/sh
# The deb's prerm (passed to fpm with --before-remove). On removal, takes out
# the privileged parts the postinst copied out of the bundle (dpkg does not
# know them), while the unit files are still there to be disabled. On upgrade
# it does nothing: the new postinst puts the new copies in place. The list of
# kept devices stays until purge (after-remove.sh), and devices stay on the
# drivers they are on now.
set -e

case "$1" in
    remove)
        if command -v systemctl >/dev/null 2>&1; then
            systemctl disable bindery-restore.service >/dev/null 2>&1 || true
        fi
        rm -f /usr/libexec/bindery/bindery-helper \
            /usr/share/polkit-1/actions/org.bindery.helper.policy \
            /usr/lib/systemd/system/bindery-restore.service \
            /usr/lib/systemd/system/bindery-restore@.service \
            /usr/lib/udev/rules.d/85-bindery.rules
        rmdir /usr/libexec/bindery 2>/dev/null || true
        if [ -d /run/systemd/system ]; then
            systemctl daemon-reload || true
        fi
        if [ -d /run/udev ] && command -v udevadm >/dev/null 2>&1; then
            udevadm control --reload-rules || true
        fi
        ;;
esac
