#!/usr/bin/python3
"""Run one command and print "WALL_SECONDS PEAK_RSS_KB EXIT_CODE CPU_SECONDS".

    bench/measure.py [--timeout S] [--stdout FILE] -- COMMAND [ARGS...]

Wall time is measured with a monotonic clock around the child alone (not this
wrapper's own start-up), with microsecond resolution; /usr/bin/time -f %e only
has 10 ms, too coarse for retort.  Peak RSS comes from GNU time (%M) when
/usr/bin/time exists (Debian package `time`): a child spawned from Python
would count the wrapper's own memory in its ru_maxrss.  CPU is the child's
user + system time (the fairer figure on a loaded machine).  On timeout the
child's process group is killed and the exit code printed is "timeout".
The child's stdout goes to FILE (default /dev/null); its stderr passes
through.
"""
import os
import shutil
import signal
import sys
import tempfile
import threading
import time


TIME = "/usr/bin/time" if os.access("/usr/bin/time", os.X_OK) else None


def main():
    args = sys.argv[1:]
    timeout, out = None, os.devnull
    while args and args[0] != "--":
        if args[0] == "--timeout":
            timeout = float(args[1])
            args = args[2:]
        elif args[0] == "--stdout":
            out = args[1]
            args = args[2:]
        else:
            sys.exit(f"measure.py: unknown option {args[0]}")
    if not args or len(args) < 2:
        sys.exit("usage: measure.py [--timeout S] [--stdout FILE] -- COMMAND [ARGS...]")
    cmd = args[1:]
    # posix_spawn (vfork-like) rather than fork: a forked Python child would
    # start with this wrapper's RSS already counted in its ru_maxrss.
    fd = os.open(out, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
    try:
        exe = shutil.which(cmd[0]) or cmd[0]
        if TIME:
            # GNU time forks the command from its own small process, so the
            # command's ru_maxrss is its own; it writes %M to a side file.
            rssfile = tempfile.NamedTemporaryFile(prefix="measure-", delete=False)
            rssfile.close()
            cmd = [TIME, "-q", "-f", "%M", "-o", rssfile.name, exe] + cmd[1:]
            exe = TIME
        start = time.perf_counter()
        pid = os.posix_spawn(exe, cmd, os.environ, setsid=True,
                             file_actions=[(os.POSIX_SPAWN_DUP2, fd, 1)])
    except OSError as e:
        sys.exit(f"measure.py: cannot run {cmd[0]}: {e}")
    finally:
        os.close(fd)
    timed_out = []

    def kill():
        timed_out.append(True)
        try:
            os.killpg(pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
    timer = threading.Timer(timeout, kill) if timeout else None
    if timer:
        timer.start()
    _, status, ru = os.wait4(pid, 0)
    wall = time.perf_counter() - start
    if timer:
        timer.cancel()
    rc = "timeout" if timed_out else os.waitstatus_to_exitcode(status)
    rss = ru.ru_maxrss
    if TIME:
        try:
            with open(rssfile.name) as f:
                rss = int(f.read().split()[-1])
        except (OSError, ValueError, IndexError):
            pass
        os.unlink(rssfile.name)
    print(f"{wall:.4f} {rss} {rc} {ru.ru_utime + ru.ru_stime:.4f}")

if __name__ == "__main__":
    main()
