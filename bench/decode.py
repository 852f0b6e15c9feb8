"""QR decoding on synthetic camera frames: each decoder, the desk's pipeline over it, and plain pyzbar as the reference.

    python bench/decode.py                         300 frames with a code (half 640×480, half 1280×720), 50 without
    python bench/decode.py --frames 600 --seed 7   more frames, another set of them
    python bench/decode.py --save-frames DIR       also write the first few frames of each kind as PNG, to look at
    python bench/decode.py --json                  the figures as JSON instead of the table

Frames are made from the seed alone, like a desk camera's: a blurred counter-top texture with clutter, one
code (on paper, or on a phone's screen for the dynamic MD1 codes) rotated and tilted anywhere in the frame,
then uneven light, blur, sensor noise, gain and a JPEG round trip. Every decoder runs on one thread, on the
greyscale frame (the conversion is not timed). Prints a table per frame size, then the goals.
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from pathlib import Path

import cv2
import numpy as np

from counter_app.devices.decoders import (
    DECODERS,
    ZbarDecoder,
    ZxingDecoder,
    decode_codes,
)

SIZES = ((640, 480), (1280, 720))
B64URL = np.array(list("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"))
COUPON_CHARS = np.array(list("0123456789ABCDEFGHJKMNPQRSTVWXYZ"))
SAVED_PER_KIND = 4
MEDIAN_GOAL = 0.25  # the pipeline's median at 720p, as a share of plain pyzbar's


def payload(rng: np.random.Generator) -> str:
    """Shaped like the desk's real codes: mostly dynamic member codes, the longest and densest."""
    kind = rng.random()
    if kind < 0.6:
        return "MD1." + "".join(rng.choice(B64URL, 263))
    if kind < 0.8:
        return "MC1." + "".join(rng.choice(B64URL, 120))
    return "CP1.CP" + "".join(rng.choice(COUPON_CHARS, 13))


def background(rng: np.random.Generator, w: int, h: int) -> np.ndarray:
    """A counter top: one muted colour, slow blotches of light and shade, grain along one direction as laminate has it."""
    grey = rng.uniform(50, 200)
    colour = (grey + rng.normal(0, 25, 3)).astype(np.float32)
    blotches = cv2.resize(
        rng.normal(0, 14, (h // 40 + 2, w // 40 + 2)).astype(np.float32), (w, h), interpolation=cv2.INTER_CUBIC
    )
    grain = cv2.resize(
        rng.normal(0, 7, (h // 3, max(2, w // 80))).astype(np.float32), (w, h), interpolation=cv2.INTER_LINEAR
    )
    if rng.random() < 0.5:
        grain = cv2.resize(cv2.resize(grain, (h, w)).T.copy(), (w, h))
    return colour + (blotches + grain)[..., None]


def clutter(rng: np.random.Generator, frame: np.ndarray, count: int) -> None:
    """Things lying on the counter that are not QR codes but have edges like them: receipts, text, checks, barcodes."""
    h, w = frame.shape[:2]
    for _ in range(count):
        colour = tuple(float(c) for c in rng.uniform(0, 255, 3))
        x, y = int(rng.integers(0, w)), int(rng.integers(0, h))
        kind = rng.integers(4)
        if kind == 0:
            corner = (x + int(rng.integers(20, 300)), y + int(rng.integers(20, 200)))
            cv2.rectangle(frame, (x, y), corner, colour, -1 if rng.random() < 0.6 else int(rng.integers(1, 6)))
        elif kind == 1:
            text = rng.choice(["TOTAL 128.00", "VIP 8000", "No.20261123", "SALE -30%", "MEMBER", "x2 59.90"])
            cv2.putText(
                frame,
                str(text),
                (x, y),
                cv2.FONT_HERSHEY_SIMPLEX,
                rng.uniform(0.5, 2.5),
                colour,
                int(rng.integers(1, 5)),
            )
        elif kind == 2:
            square = int(rng.integers(6, 30))
            for row in range(int(rng.integers(2, 7))):
                for col in range(int(rng.integers(2, 7))):
                    if (row + col) % 2 == 0:
                        top_left = (x + col * square, y + row * square)
                        cv2.rectangle(
                            frame, top_left, (top_left[0] + square, top_left[1] + square), (20.0, 20.0, 20.0), -1
                        )
        else:
            height, bar_x = int(rng.integers(30, 120)), x
            for _ in range(int(rng.integers(15, 40))):
                bar = int(rng.integers(1, 5))
                cv2.rectangle(frame, (bar_x, y), (bar_x + bar - 1, y + height), (25.0, 25.0, 25.0), -1)
                bar_x += bar + int(rng.integers(1, 5))


def code_patch(rng: np.random.Generator, text: str, side: float) -> tuple[np.ndarray, float]:
    """The code (greyscale, float) on paper or a phone's screen, and the scale that makes it `side` px across
    without its quiet zone."""
    modules = cv2.QRCodeEncoder.create().encode(text)  # 1 px per module, with a 2-module margin already
    modules = cv2.copyMakeBorder(modules, 2, 2, 2, 2, cv2.BORDER_CONSTANT, value=255)
    # Drawn near its final size so the warp hardly resamples it; the warp then scales it exactly.
    module_px = side / (modules.shape[0] - 8)
    scale = max(1, round(module_px))
    modules = cv2.resize(modules, None, fx=scale, fy=scale, interpolation=cv2.INTER_NEAREST)
    ink, paper = rng.uniform(5, 70), rng.uniform(170, 250)
    patch = np.where(modules < 128, ink, paper).astype(np.float32)
    if text.startswith("MD1.") and rng.random() < 0.7:  # a phone: more white screen around it, a dark bezel
        screen = int(patch.shape[0] * rng.uniform(0.05, 0.4))
        patch = cv2.copyMakeBorder(patch, screen, screen, 0, 0, cv2.BORDER_CONSTANT, value=float(paper))
        bezel = int(patch.shape[1] * rng.uniform(0.04, 0.1))
        patch = cv2.copyMakeBorder(
            patch, bezel, bezel, bezel, bezel, cv2.BORDER_CONSTANT, value=float(rng.uniform(5, 40))
        )
    return patch, module_px / scale


def place(rng: np.random.Generator, frame: np.ndarray, patch: np.ndarray, scale: float) -> None:
    """Onto the frame anywhere it fits whole: turned any way, and tilted by a mild random homography."""
    h, w = frame.shape[:2]
    ph, pw = patch.shape
    source = np.float32([[0, 0], [pw, 0], [pw, ph], [0, ph]])
    angle = rng.uniform(0, 2 * np.pi)
    turn = np.array([[np.cos(angle), -np.sin(angle)], [np.sin(angle), np.cos(angle)]])
    corners = (source - [pw / 2, ph / 2]) * scale @ turn.T
    corners += rng.normal(0, 0.05 * max(pw, ph) * scale, corners.shape)  # the camera sees it at a slant
    span = corners.max(axis=0) - corners.min(axis=0)
    shrink = min(1.0, (w - 10) / span[0], (h - 10) / span[1])
    corners *= shrink
    low, high = -corners.min(axis=0) + 4, [w, h] - corners.max(axis=0) - 4
    corners += rng.uniform(low, high)
    homography = cv2.getPerspectiveTransform(source, corners.astype(np.float32))
    warped = cv2.warpPerspective(patch, homography, (w, h), flags=cv2.INTER_LINEAR)
    mask = cv2.warpPerspective(np.ones_like(patch), homography, (w, h), flags=cv2.INTER_LINEAR)[..., None]
    frame *= 1 - mask
    frame += warped[..., None] * mask


def camera(rng: np.random.Generator, frame: np.ndarray) -> np.ndarray:
    """What a webcam does to the scene: uneven light, sometimes glare, blur, noise, gain, JPEG."""
    h, w = frame.shape[:2]
    ys, xs = np.arange(h, dtype=np.float32)[:, None], np.arange(w, dtype=np.float32)[None, :]
    direction = rng.uniform(0, 2 * np.pi)
    light = 1 + rng.uniform(-0.5, 0.5) * ((xs - w / 2) * np.cos(direction) + (ys - h / 2) * np.sin(direction)) / max(
        w, h
    )
    frame *= light[..., None]
    if rng.random() < 0.15:  # a ceiling light's reflection
        cx, cy, radius = rng.uniform(0, w), rng.uniform(0, h), rng.uniform(40, 200)
        frame += (rng.uniform(40, 140) * np.exp(-((xs - cx) ** 2 + (ys - cy) ** 2) / (2 * radius**2)))[..., None]
    if rng.random() < 0.7:  # out of focus, a little or a lot
        frame = cv2.GaussianBlur(frame, (0, 0), rng.uniform(0.3, 1.4))
    else:  # the code moving as it is held out
        length = int(rng.integers(2, 7))
        kernel = np.zeros((length * 2 + 1, length * 2 + 1), np.float32)
        angle = rng.uniform(0, np.pi)
        dx, dy = np.cos(angle) * length / 2, np.sin(angle) * length / 2
        cv2.line(
            kernel,
            (round(length - dx), round(length - dy)),
            (round(length + dx), round(length + dy)),
            1.0,
            1,
            cv2.LINE_AA,
        )
        frame = cv2.filter2D(frame, -1, kernel / kernel.sum())
    frame += rng.standard_normal(frame.shape, dtype=np.float32) * rng.uniform(2, 9)
    frame = frame * rng.uniform(0.65, 1.25) + rng.uniform(-35, 35)
    _, jpeg = cv2.imencode(
        ".jpg", np.clip(frame, 0, 255).astype(np.uint8), [cv2.IMWRITE_JPEG_QUALITY, int(rng.integers(40, 91))]
    )
    return cv2.imdecode(jpeg, cv2.IMREAD_COLOR)


def make_frame(seed: int, index: int, size: tuple[int, int], with_code: bool) -> tuple[np.ndarray, str | None]:
    """One BGR frame and its code's text (None without one); the same seed and index give the same frame."""
    rng = np.random.default_rng([seed, index, with_code])
    w, h = size
    frame = np.clip(background(rng, w, h), 0, 255).astype(np.uint8)  # OpenCV writes text on 8-bit pictures only
    clutter(rng, frame, int(rng.integers(0, 4)) if with_code else int(rng.integers(3, 9)))
    frame = frame.astype(np.float32)
    text = None
    if with_code:
        text = payload(rng)
        place(rng, frame, *code_patch(rng, text, rng.uniform(120, 400)))
    return camera(rng, frame), text


def percentile(samples: list[float], share: float) -> float:
    # As bench/benchdesk.py has it; not imported from there, which would open the whole desk's services.
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def methods() -> dict[str, object]:
    """Each decoder on the whole frame and through the desk's pipeline, and the zxing-then-pyzbar candidate."""
    decoders = {name: kind() for name, kind in DECODERS.items()}
    chosen: dict[str, object] = {name: decoder.decode for name, decoder in decoders.items()}
    for name, decoder in decoders.items():
        chosen[f"{name} pipeline"] = lambda gray, decoder=decoder: decode_codes(gray, decoder)
    zxing, zbar = decoders[ZxingDecoder.name], decoders[ZbarDecoder.name]
    chosen["zxing→pyzbar"] = lambda gray: decode_codes(gray, zxing) or zbar.decode(gray)
    return chosen


def measure(decode, frames: list[tuple[str, np.ndarray, str | None]]) -> dict[str, dict]:
    """Per kind of frame: codes read right, texts that were not there, milliseconds per frame."""
    decode(frames[0][1])  # the first call loads libraries and allocates: not a frame's cost
    groups: dict[str, dict] = {}
    for kind, gray, expected in frames:
        start = time.perf_counter_ns()
        texts = decode(gray)
        elapsed = (time.perf_counter_ns() - start) / 1e6
        group = groups.setdefault(kind, {"found": 0, "total": 0, "false_positives": 0, "ms": []})
        group["total"] += 1
        group["found"] += expected is not None and expected in texts
        group["false_positives"] += any(text != expected for text in texts)
        group["ms"].append(elapsed)
    for group in groups.values():
        samples = group.pop("ms")
        group["median_ms"], group["p95_ms"] = round(statistics.median(samples), 2), round(percentile(samples, 0.95), 2)
    return groups


def print_table(results: dict[str, dict], kinds: list[str]) -> None:
    for kind in kinds:
        empty = kind.startswith("empty")
        print(f"\n{kind}" + ("  (no code: every text is a false positive)" if empty else ""))
        print(
            f"  {'decoder / pipeline':<20} {'' if empty else 'found':>9} {'' if empty else '%':>6} {'FP':>4} {'median ms':>10} {'p95 ms':>8}"
        )
        for name, groups in results.items():
            g = groups[kind]
            found = "" if empty else f"{g['found']}/{g['total']}"
            share = "" if empty else f"{100 * g['found'] / g['total']:.1f}"
            print(
                f"  {name:<20} {found:>9} {share:>6} {g['false_positives']:>4} {g['median_ms']:>10.2f} {g['p95_ms']:>8.2f}"
            )


def goals(results: dict[str, dict], kinds: list[str], pipeline: str) -> list[str]:
    code_kinds = [kind for kind in kinds if not kind.startswith("empty")]
    found = {name: sum(groups[kind]["found"] for kind in code_kinds) for name, groups in results.items()}
    total = sum(results[pipeline][kind]["total"] for kind in code_kinds)
    best = max(DECODERS, key=lambda name: found[name])
    wrong = sum(group["false_positives"] for group in results[pipeline].values())
    ours, reference = results[pipeline]["1280×720"]["median_ms"], results[ZbarDecoder.name]["1280×720"]["median_ms"]
    ratio = ours / reference if reference else float("inf")
    verdict = {True: "PASS", False: "FAIL"}
    return [
        (
            f"  [{verdict[found[pipeline] >= found[best]]}] pipeline decodes ≥ best single decoder: "
            f"{pipeline} {found[pipeline]}/{total} vs {best} (full frame) {found[best]}/{total}"
        ),
        f"  [{verdict[wrong == 0]}] 0 false positives: {pipeline} {wrong}",
        (
            f"  [{verdict[ratio <= MEDIAN_GOAL]}] pipeline median at 720p ≤ {MEDIAN_GOAL} × plain pyzbar median at 720p: "
            f"{ours:.2f} ms vs {reference:.2f} ms, ratio {ratio:.3f}"
        ),
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--frames", type=int, default=300, help="frames with a code, split between the two sizes")
    parser.add_argument("--empty", type=int, default=50, help="frames without a code, split the same way")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--save-frames", type=Path, metavar="DIR")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    cv2.setNumThreads(1)  # a counter PC has two cores, and the preview wants one of them
    started = time.perf_counter()
    frames, saved = [], {}
    for with_code, count in ((True, args.frames), (False, args.empty)):
        for index in range(count):
            size = SIZES[index % len(SIZES)]
            kind = f"{size[0]}×{size[1]}" if with_code else f"empty {size[0]}×{size[1]}"
            frame, text = make_frame(args.seed, index, size, with_code)
            if args.save_frames and saved.get(kind, 0) < SAVED_PER_KIND:
                args.save_frames.mkdir(parents=True, exist_ok=True)
                cv2.imwrite(
                    str(args.save_frames / f"{kind.replace('×', 'x').replace(' ', '-')}-{index:03d}.png"), frame
                )
                saved[kind] = saved.get(kind, 0) + 1
            frames.append((kind, cv2.cvtColor(frame, cv2.COLOR_BGR2GRAY), text))
    made = time.perf_counter() - started
    kinds = list(dict.fromkeys(kind for kind, _, _ in sorted(frames, key=lambda frame: frame[0].startswith("empty"))))
    results = {name: measure(decode, frames) for name, decode in methods().items()}
    checks = [
        line
        for pipeline in (f"{ZxingDecoder.name} pipeline", "zxing→pyzbar")
        for line in [f"\ngoals for {pipeline}:", *goals(results, kinds, pipeline)]
    ]
    if args.json:
        print(
            json.dumps(
                {
                    "seed": args.seed,
                    "frames_seconds": round(made, 1),
                    "results": results,
                    "goals": [c.strip() for c in checks],
                },
                ensure_ascii=False,
                indent=2,
            )
        )
        return
    print(
        f"{len(frames)} frames (seed {args.seed}) made in {made:.1f} s; times on one thread, greyscale frame in, texts out"
    )
    print(
        f"rows: a decoder alone is on the full frame; 'pipeline' downscales to 800 px first; {ZbarDecoder.name} alone is the reference"
    )
    print_table(results, kinds)
    print("\n".join(checks))
    print(f"\ntotal {time.perf_counter() - started:.1f} s")


if __name__ == "__main__":
    main()
