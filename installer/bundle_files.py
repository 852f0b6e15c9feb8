"""What the bundle carries besides Python modules: the desk's resources, its Alembic migrations and what they import.

Read by installer/counter-app.spec (at build time) and by tests/test_installer.py; plain Python, no PyInstaller.
Destinations are folders inside the bundle, relative to sys._MEIPASS.
"""

from __future__ import annotations

import ast
import os

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
RESOURCES = os.path.join(ROOT, "resources")
MIGRATIONS = os.path.join(ROOT, "counter_app", "db", "migrations")
LANGUAGES = ("zh_CN", "en")  # counter_app.i18n.LANGUAGES; read here without importing the app

# Under resources/ but not read by the desk at run time: build steps and the README's pictures.
NOT_SHIPPED = ("build.py", "screenshots")


def _files(top: str, skip: tuple[str, ...] = ()) -> list[str]:
    found = []
    for folder, subfolders, names in os.walk(top):
        rel_folder = os.path.relpath(folder, top)
        subfolders[:] = sorted(d for d in subfolders if d != "__pycache__" and (rel_folder != "." or d not in skip))
        for name in sorted(names):
            if (rel_folder == "." and name in skip) or name.endswith((".pyc", ".pyo")):
                continue
            found.append(os.path.join(folder, name))
    return found


def _pairs(files: list[str], top: str, dest_top: str) -> list[tuple[str, str]]:
    # PyInstaller's datas: (source file, destination folder).
    return [
        (path, os.path.normpath(os.path.join(dest_top, os.path.relpath(os.path.dirname(path), top)))) for path in files
    ]


def resource_datas() -> list[tuple[str, str]]:
    """Everything under resources/ the desk reads (paths.resources_dir() is sys._MEIPASS/resources in the bundle):
    the stylesheet, icons, default rules, and both forms of each catalog: the .qm for Qt, the .ts for the CLI."""
    return _pairs(_files(RESOURCES, NOT_SHIPPED), RESOURCES, "resources")


def missing_catalogs() -> list[str]:
    """The compiled catalogs resources/build.py has not made yet (the bundle must not ship without them)."""
    wanted = [
        os.path.join(RESOURCES, "translations", f"counter_app_{language}.{kind}")
        for language in LANGUAGES
        for kind in ("ts", "qm")
    ]
    return [path for path in wanted if not os.path.isfile(path)]


def migration_datas() -> list[tuple[str, str]]:
    """Alembic loads env.py and the revisions from files in counter_app/db/migrations (store.MIGRATIONS,
    next to the frozen store module): they go into the bundle as source files, not into the archive."""
    return _pairs(_files(MIGRATIONS), MIGRATIONS, os.path.join("counter_app", "db", "migrations"))


def migration_imports() -> list[str]:
    """Modules the migration scripts import: PyInstaller never sees them (the scripts are data), so they are
    named as hidden imports; a new migration that imports something new is covered without a spec change."""
    modules: set[str] = set()
    for path in _files(MIGRATIONS):
        if not path.endswith(".py"):
            continue
        with open(path, encoding="utf-8") as source:
            tree = ast.parse(source.read(), filename=path)
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                modules.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0 and node.module != "__future__":
                modules.add(node.module)
    return sorted(modules)


def app_version() -> str:
    """counter_app.__version__, read from the source without importing the app."""
    with open(os.path.join(ROOT, "counter_app", "__init__.py"), encoding="utf-8") as source:
        for node in ast.parse(source.read()).body:
            if isinstance(node, ast.Assign) and any(
                getattr(target, "id", None) == "__version__" for target in node.targets
            ):
                return ast.literal_eval(node.value)
    raise LookupError("counter_app/__init__.py has no __version__")


# Qt parts PyInstaller's hooks take along that the desk never loads: Qt Quick/QML (wanted only by the
# virtual-keyboard input plugin) and Qt PDF (the PDF image plugin). Names without "lib" and lower-case,
# so that one list serves Linux (libQt6Quick.so.6) and Windows (Qt6Quick.dll).
UNUSED_QT = ("qt6quick", "qt6qml", "qt6pdf", "qt6virtualkeyboard", "qtvirtualkeyboardplugin", "qpdf.")
QT_TRANSLATIONS = os.path.join("PySide6", "Qt", "translations")


def left_out(dest: str) -> bool:
    """Whether a file PyInstaller collected (by its path inside the bundle) stays out of it: the unused Qt parts
    above, and Qt's own catalogs of languages the desk does not speak (it loads qtbase_<language>.qm only)."""
    name = os.path.basename(dest).lower()
    if name.removeprefix("lib").startswith(UNUSED_QT):
        return True
    if os.path.normpath(os.path.dirname(dest)) == QT_TRANSLATIONS and name.endswith(".qm"):
        return not name.endswith(tuple(f"_{language.lower()}.qm" for language in LANGUAGES))
    return False
