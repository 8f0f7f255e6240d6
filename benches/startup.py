#!/usr/bin/env python3
"""Time from start to the first complete catalogue frame, and peak memory, of the release
binary in an 80x24 pseudo-terminal. Usage: benches/startup.py [binary] [runs]

A frame is complete at the end-synchronized-update marker that follows the status line
("N of M models"). Peak memory is the child's maximum resident set size (getrusage).
"""
import fcntl, os, pty, resource, select, struct, subprocess, sys, termios, time

binary = sys.argv[1] if len(sys.argv) > 1 else "target/release/tierwise"
runs = int(sys.argv[2]) if len(sys.argv) > 2 else 20
END_FRAME = b"\x1b[?2026l"

def one_run():
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    env = dict(os.environ, TERM="xterm-256color")
    env.pop("NO_COLOR", None)
    start = time.perf_counter()
    child = subprocess.Popen([binary], stdin=slave, stdout=slave, stderr=slave,
                             env=env, start_new_session=True,
                             preexec_fn=lambda: fcntl.ioctl(0, termios.TIOCSCTTY, 0))
    os.close(slave)
    seen = b""
    first = None
    deadline = start + 5
    while first is None and time.perf_counter() < deadline:
        r, _, _ = select.select([master], [], [], 0.5)
        if r:
            seen += os.read(master, 65536)
            i = seen.find(b" models")
            if i >= 0 and seen.find(END_FRAME, i) >= 0:
                first = time.perf_counter() - start
    # Exercise it a little (search, detail, help) before quitting, for a fair peak.
    for keys in [b"/deepseek", b"\r", b"\r", b"?", b"\x1b", b"\x1b", b"c", b"q"]:
        os.write(master, keys)
        time.sleep(0.02)
        while select.select([master], [], [], 0)[0]:
            try:
                if not os.read(master, 65536):
                    break
            except OSError:
                break
    code = child.wait(timeout=5)
    os.close(master)
    return first, code

times = []
for _ in range(runs):
    t, code = one_run()
    assert code == 0, f"exit code {code}"
    times.append(t * 1000)
peak_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
times.sort()
print(f"runs: {runs}")
print(f"first full frame ms: min {times[0]:.1f}  median {times[len(times)//2]:.1f}  max {times[-1]:.1f}")
print(f"peak RSS: {peak_kb/1024:.1f} MiB")
