#!/bin/bash
# The deb's postrm. electron-builder uses this file instead of its own
# after-remove template, so that template's steps come first, unchanged
# (app-builder-lib 26, templates/linux/after-remove.tpl); then, on purge
# only, Bindery's own state: the list of kept devices and the audit log.
# Macros in braces are electron-builder's; shell variables are written without.

# --- electron-builder's after-remove steps ---
# Delete the link to the binary
if type update-alternatives >/dev/null 2>&1; then
    update-alternatives --remove '${executable}' '/opt/${sanitizedProductName}/${executable}'
else
    rm -f '/usr/bin/${executable}'
fi

APPARMOR_PROFILE_DEST='/etc/apparmor.d/${executable}'

# Remove and unload the AppArmor profile.
if [ -f "$APPARMOR_PROFILE_DEST" ]; then
  if apparmor_status --enabled > /dev/null 2>&1; then
    if ! { [ -x '/usr/bin/ischroot' ] && /usr/bin/ischroot; } && hash apparmor_parser 2>/dev/null; then
      apparmor_parser --remove "$APPARMOR_PROFILE_DEST" || true
    fi
  fi
  rm -f "$APPARMOR_PROFILE_DEST"
fi

# --- Bindery ---
if [ "$1" = purge ]; then
    rm -rf /etc/bindery /var/log/bindery
fi
