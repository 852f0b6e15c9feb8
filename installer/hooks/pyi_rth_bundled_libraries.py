"""Runtime hook of the bundle: ctypes.util.find_library looks in the bundle first (Linux and macOS).

pyzbar finds libzbar with find_library("zbar"), which asks ldconfig, gcc and ld: a counter PC has the
library only inside the bundle (installer/counter-app.spec collects it there) and no compiler at all.
On Windows PyInstaller's own ctypes support already looks in the bundle, and pyzbar ships its DLLs.
"""

import os
import sys


def bundled_library(name, folder):
    """The path of lib<name>.so[.N...] / lib<name>[.N].dylib in `folder`, or None."""
    prefix = "lib" + name + "."
    try:
        names = sorted(os.listdir(folder))
    except OSError:
        return None
    for file_name in names:
        if file_name.startswith(prefix) and (".so" in file_name[len(prefix) - 1 :] or file_name.endswith(".dylib")):
            return os.path.join(folder, file_name)
    return None


def _install():
    import ctypes.util

    system_find_library = ctypes.util.find_library

    def find_library(name):
        return bundled_library(name, sys._MEIPASS) or system_find_library(name)

    ctypes.util.find_library = find_library


if getattr(sys, "frozen", False) and not sys.platform.startswith("win"):
    _install()
