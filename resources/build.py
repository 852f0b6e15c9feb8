"""Build step for the desk's resources: Designer forms -> counter_app/gui/forms, Linguist .ts -> .qm.

python resources/build.py              compile forms and translations
python resources/build.py --update-ts  also re-extract every tr()/translate string into the .ts files
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
UI_DIR = ROOT / "ui"
FORMS_DIR = ROOT / "counter_app" / "gui" / "forms"
TS_DIR = ROOT / "resources" / "translations"
LANGUAGES = ("zh_CN", "en")


def tool(name: str) -> str:
    # The tools sit next to the interpreter in a virtual environment, which need not be on PATH.
    beside = Path(sys.executable).parent / name
    found = str(beside) if beside.exists() else shutil.which(name)
    if not found:
        sys.exit(f"{name} not found: install the project first (pip install -e .)")
    return found


def form_module(ui_file: Path) -> Path:
    return FORMS_DIR / f"ui_{ui_file.stem}.py"


def compile_form(ui_file: Path, target: Path) -> None:
    subprocess.run([tool("pyside6-uic"), "--from-imports", "-o", str(target), str(ui_file)], check=True)
    # uic stamps its version into the header; drop it so forms only change when their .ui does.
    lines = target.read_text(encoding="utf-8").splitlines(keepends=True)
    target.write_text(
        "".join(line for line in lines if "Created by: Qt User Interface Compiler version" not in line),
        encoding="utf-8",
    )


def compile_forms() -> None:
    FORMS_DIR.mkdir(parents=True, exist_ok=True)
    for ui_file in sorted(UI_DIR.glob("*.ui")):
        compile_form(ui_file, form_module(ui_file))


def update_ts() -> None:
    sources = sorted(str(p) for p in (ROOT / "counter_app").rglob("*.py") if "forms" not in p.parts)
    sources += sorted(str(p) for p in UI_DIR.glob("*.ui"))
    for language in LANGUAGES:
        subprocess.run(
            [
                tool("pyside6-lupdate"),
                "-no-obsolete",
                "-locations",
                "none",
                *sources,
                "-ts",
                str(TS_DIR / f"counter_app_{language}.ts"),
            ],
            check=True,
        )


def accept_english_sources() -> None:
    """The source strings are English, so the English catalog takes each new one as it is."""
    import xml.etree.ElementTree as ET

    path = TS_DIR / "counter_app_en.ts"
    tree = ET.parse(path)
    for message in tree.getroot().iter("message"):
        translation = message.find("translation")
        if translation is not None and (translation.get("type") == "unfinished" or not translation.text):
            translation.text = message.findtext("source")
            translation.attrib.pop("type", None)
    tree.write(path, encoding="utf-8", xml_declaration=True)


def compile_translations() -> None:
    for language in LANGUAGES:
        ts_file = TS_DIR / f"counter_app_{language}.ts"
        subprocess.run(
            [tool("pyside6-lrelease"), "-silent", str(ts_file), "-qm", str(ts_file.with_suffix(".qm"))], check=True
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--update-ts", action="store_true")
    args = parser.parse_args()
    compile_forms()
    if args.update_ts:
        update_ts()
        accept_english_sources()
    compile_translations()


if __name__ == "__main__":
    main()
