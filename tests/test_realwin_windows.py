"""Every window of the desk on a real 1366x768 and 1024x768 screen, in Chinese and English: none is larger than the
screen, and each title bar is on it (where openbox puts it, with its decorations)."""

from __future__ import annotations

import pytest

from tests.realwin import (  # noqa: F401 - fixtures
    ARTEFACTS,
    DeskApp,
    Window,
    desk_folder,
    realwin_template,
    shot_name,
    start_desk,
    wait_for,
)

pytestmark = pytest.mark.realwin

# What opens each window, from the desk with a member's card open; each closes with Esc.
WINDOWS = {
    "register": "F2",
    "earn": "F3",
    "redeem": "F4",
    "history": "F6",
    "complaint": "F7",
    "check-in": "F9",
    "complaints": "ctrl+k",
    "manager queue": "ctrl+m",
    "reports": "ctrl+r",
    "print queue": "ctrl+p",
    "settings": "ctrl+comma",
    "log": "F1",
}


def misfits(window: Window, width: int, height: int) -> list[str]:
    frame, bar = window.frame, window.title_bar
    wrong = []
    if frame.width > width or frame.height > height:
        wrong.append(f"{frame.width}x{frame.height} on a {width}x{height} screen")
    if bar.x < 0 or bar.y < 0 or bar.bottom > height or bar.right > width:
        wrong.append(f"title bar at ({bar.x},{bar.y}) {bar.width}x{bar.height}, not all on the screen")
    elif frame.bottom > height or frame.right > width:
        wrong.append(f"reaches ({frame.right},{frame.bottom}), off the screen")
    return wrong


def every_window(desk: DeskApp, request) -> dict[str, list[str]]:
    width, height = desk.screen.width, desk.screen.height
    found = {"main": misfits(desk.main, width, height)} if misfits(desk.main, width, height) else {}
    for name, key in WINDOWS.items():
        desk.key(key)
        window = desk.dialog()
        # The window manager may still be placing it: read it again once it has its decorations.
        window = wait_for(
            f"{name} placed",
            lambda w=window: (lambda now: now if now and now.frame != now.client else None)(desk.screen.window(w.id)),
        )
        desk.screen.screenshot(ARTEFACTS / "windows" / f"{shot_name(request.node)}-{name.replace(' ', '-')}.png")
        if wrong := misfits(window, width, height):
            found[f"{name} ({window.title})"] = wrong
        desk.key("Escape")
        wait_for(f"{name} closed by Esc", desk.no_dialog)
    return found


SIZES = [
    pytest.param(
        size,
        lang,
        marks=pytest.mark.xfail(
            strict=True,
            reason="issue 17 item 5: windows larger than the screen (the complaints window is taller than 768 px, "
            "its actions and Close off-screen)",
        ),
    )
    for size in ("1366x768", "1024x768")
    for lang in ("zh_CN", "en")
]


@pytest.mark.parametrize(("size", "lang"), SIZES)
def test_every_window_fits_the_screen(start_desk, request, size, lang):
    desk = start_desk(size, lang)
    desk.sign_in()
    desk.scan(desk.code("13800138000"))
    wait_for("the card open (its earn form opens)", lambda: desk.key("F3") or desk.dialog(timeout=3))
    desk.key("Escape")
    wait_for("the earn form closed", desk.no_dialog)
    assert every_window(desk, request) == {}
