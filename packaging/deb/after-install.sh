#!/bin/bash
# The deb's postinst. electron-builder uses this file instead of its own
# after-install template, so that template's steps come first, unchanged
# (app-builder-lib 26, templates/linux/after-install.tpl); then Bindery's
# privileged parts are copied out of the app bundle, root-owned, to where
# polkit, systemd and udev look for them (packaging/README.md).
# electron-builder replaces the two macros in braces (executable,
# sanitizedProductName) before packaging; shell variables here are written
# without braces, since any other name in braces would fail the build.

# --- electron-builder's after-install steps ---
if type update-alternatives >/dev/null 2>&1; then
    # Remove previous link if it doesn't use update-alternatives
    if [ -L '/usr/bin/${executable}' ] && [ -e '/usr/bin/${executable}' ] && [ "$(readlink '/usr/bin/${executable}')" != '/etc/alternatives/${executable}' ]; then
        rm -f '/usr/bin/${executable}'
    fi
    update-alternatives --install '/usr/bin/${executable}' '${executable}' '/opt/${sanitizedProductName}/${executable}' 100 || ln -sf '/opt/${sanitizedProductName}/${executable}' '/usr/bin/${executable}'
else
    ln -sf '/opt/${sanitizedProductName}/${executable}' '/usr/bin/${executable}'
fi

# Check if user namespaces are supported by the kernel and working with a quick test:
if ! { [[ -L /proc/self/ns/user ]] && unshare --user true; }; then
    # Use SUID chrome-sandbox only on systems without user namespaces:
    chmod 4755 '/opt/${sanitizedProductName}/chrome-sandbox' || true
else
    chmod 0755 '/opt/${sanitizedProductName}/chrome-sandbox' || true
fi

if hash update-mime-database 2>/dev/null; then
    update-mime-database /usr/share/mime || true
fi

if hash update-desktop-database 2>/dev/null; then
    update-desktop-database /usr/share/applications || true
fi

# Install the AppArmor profile where AppArmor supports it (Ubuntu 24.04 and later).
if apparmor_status --enabled > /dev/null 2>&1; then
  APPARMOR_PROFILE_SOURCE='/opt/${sanitizedProductName}/resources/apparmor-profile'
  APPARMOR_PROFILE_TARGET='/etc/apparmor.d/${executable}'
  if apparmor_parser --skip-kernel-load --debug "$APPARMOR_PROFILE_SOURCE" > /dev/null 2>&1; then
    cp -f "$APPARMOR_PROFILE_SOURCE" "$APPARMOR_PROFILE_TARGET"
    if ! { [ -x '/usr/bin/ischroot' ] && /usr/bin/ischroot; } && hash apparmor_parser 2>/dev/null; then
      apparmor_parser --replace --write-cache --skip-read-cache "$APPARMOR_PROFILE_TARGET"
    fi
  else
    echo "Skipping the installation of the AppArmor profile as this version of AppArmor does not seem to support the bundled profile"
  fi
fi

# --- Bindery's privileged parts ---
# A missing piece must fail the installation, not leave a helper without its policy.
set -e
resources='/opt/${sanitizedProductName}/resources/bindery'

# The helper runs as root: it is copied out of the bundle so that only root
# can change it, whatever becomes of the bundle.
install -d -o root -g root -m 0755 /usr/libexec/bindery
install -o root -g root -m 0755 "$resources/bindery-helper.cjs" /usr/libexec/bindery/bindery-helper
install -d -o root -g root -m 0755 /usr/share/polkit-1/actions
install -o root -g root -m 0644 "$resources/org.bindery.helper.policy" /usr/share/polkit-1/actions/org.bindery.helper.policy
install -d -o root -g root -m 0755 /usr/lib/systemd/system /usr/lib/udev/rules.d
install -o root -g root -m 0644 "$resources/bindery-restore.service" /usr/lib/systemd/system/bindery-restore.service
install -o root -g root -m 0644 "$resources/bindery-restore@.service" /usr/lib/systemd/system/bindery-restore@.service
install -o root -g root -m 0644 "$resources/85-bindery.rules" /usr/lib/udev/rules.d/85-bindery.rules
# Where the helper keeps the list of kept devices: root's to write, everyone's to read.
install -d -o root -g root -m 0755 /etc/bindery

# systemctl enable only makes links, so it works in a chroot too; reloading
# needs a running systemd and udev. polkitd notices the new policy by itself.
if [ -d /run/systemd/system ]; then
    systemctl daemon-reload || true
fi
if command -v systemctl >/dev/null 2>&1; then
    systemctl enable bindery-restore.service || true
fi
if [ -d /run/udev ] && command -v udevadm >/dev/null 2>&1; then
    udevadm control --reload-rules || true
fi
