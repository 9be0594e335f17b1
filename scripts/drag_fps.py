"""Frames per second of the real window while the map is dragged or zoomed, under X (Xvfb).

Drags with XTEST from this one process (the pointer moves at 120 Hz, so input is never the
limit), or with --wheel turns the mouse wheel instead (10 notches a second from the first step,
one second in, one second out, and so on), and counts the window's new frames with the X DAMAGE
extension: each presented frame damages the window once. Needs `pip install python-xlib`.

With --hover X2 Y2 it instead moves the pointer from X Y to X2 Y2 and back, ten times each,
and prints how long the window took to show a new frame after each move (the hover latency).

Usage: DISPLAY=:99 python3 scripts/drag_fps.py [--seconds 3] [--dx 0.5 --dy 0.25] [--wheel] X Y
       DISPLAY=:99 python3 scripts/drag_fps.py --hover X2 Y2 X Y
(X, Y: where to press or zoom, on the map; dx, dy: points moved per pointer step)
"""
import argparse
import subprocess
import sys
import time

from Xlib import X, display
from Xlib.ext import damage, xtest


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("x", type=int)
    ap.add_argument("y", type=int)
    ap.add_argument("--seconds", type=float, default=3.0)
    ap.add_argument("--dx", type=float, default=0.5)
    ap.add_argument("--dy", type=float, default=0.25)
    ap.add_argument("--wheel", action="store_true", help="zoom with the wheel instead of dragging")
    ap.add_argument("--hover", type=int, nargs=2, metavar=("X2", "Y2"),
                    help="measure the frame after moving the pointer between two places")
    ap.add_argument("--window", default="Zhaoqing Explorer", help="window title to find")
    args = ap.parse_args()

    found = subprocess.run(["xdotool", "search", "--name", args.window], capture_output=True, text=True)
    if found.returncode != 0 or not found.stdout.split():
        sys.exit(f"no window named {args.window!r} (is the program running on $DISPLAY?)")
    d = display.Display()
    win = d.create_resource_object("window", int(found.stdout.split()[0]))
    d.damage_query_version()
    dmg = win.damage_create(damage.DamageReportNonEmpty)

    xtest.fake_input(d, X.MotionNotify, x=args.x, y=args.y)
    d.sync()
    time.sleep(0.3)
    if args.hover:
        hover_latency(d, dmg, (args.x, args.y), tuple(args.hover))
        return
    # Frames from before the first step (the pointer's arrival) are not this measurement's.
    forget_damage(d, dmg)
    if not args.wheel:
        xtest.fake_input(d, X.ButtonPress, 1)
        d.sync()
    frames = []
    start = time.time()
    step = 0
    while time.time() - start < args.seconds:
        step += 1
        if not args.wheel:
            xtest.fake_input(d, X.MotionNotify, x=int(args.x + args.dx * step), y=int(args.y + args.dy * step))
        elif step % 12 == 1:
            # Buttons 4 and 5 are the wheel's notches up (zoom in) and down.
            notch = 4 if (step // 120) % 2 == 0 else 5
            xtest.fake_input(d, X.ButtonPress, notch)
            xtest.fake_input(d, X.ButtonRelease, notch)
        d.flush()
        until = start + step / 120
        while time.time() < until:
            while d.pending_events():
                ev = d.next_event()
                if ev.type == d.extension_event.DamageNotify:
                    frames.append(time.time())
                    d.damage_subtract(dmg)
            time.sleep(0.0005)
    if not args.wheel:
        xtest.fake_input(d, X.ButtonRelease, 1)
    d.sync()
    if len(frames) < 2:
        sys.exit("fewer than two frames: did the press land on the map?")
    gaps = sorted(b - a for a, b in zip(frames, frames[1:]))
    print(
        f"{len(frames)} frames in {args.seconds:.1f} s of {'zooming' if args.wheel else 'dragging'} = "
        f"{len(frames) / args.seconds:.1f} fps; "
        f"gap median {gaps[len(gaps) // 2] * 1000:.0f} ms, p95 {gaps[int(len(gaps) * 0.95)] * 1000:.0f} ms, "
        f"max {gaps[-1] * 1000:.0f} ms"
    )


def forget_damage(d, dmg):
    """Reads and drops the damage reported so far, so the next DamageNotify is a new frame."""
    while d.pending_events():
        if d.next_event().type == d.extension_event.DamageNotify:
            d.damage_subtract(dmg)
    d.damage_subtract(dmg)
    d.sync()


def hover_latency(d, dmg, a, b):
    """Moves the pointer between a and b, 0.3 s apart, and prints the time to the next frame."""
    latencies = []
    for k in range(20):
        x, y = b if k % 2 == 0 else a
        # Let frames from the last move (and any animation) end, then forget their damage.
        time.sleep(0.3)
        forget_damage(d, dmg)
        moved = time.time()
        xtest.fake_input(d, X.MotionNotify, x=x, y=y)
        d.flush()
        shown = None
        while shown is None and time.time() - moved < 0.5:
            while d.pending_events():
                if d.next_event().type == d.extension_event.DamageNotify:
                    shown = time.time()
                    d.damage_subtract(dmg)
                    break
            time.sleep(0.0002)
        if shown is None:
            sys.exit("no frame within 0.5 s of moving the pointer: is something hovered there?")
        latencies.append(shown - moved)
    latencies.sort()
    print(
        f"hover: the next frame {latencies[len(latencies) // 2] * 1000:.1f} ms after the move (median), "
        f"at most {latencies[-1] * 1000:.1f} ms ({len(latencies)} moves)"
    )


if __name__ == "__main__":
    main()
