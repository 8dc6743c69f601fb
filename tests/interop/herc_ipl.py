#!/usr/bin/env python3
"""IPL Hercules from a disk image and report the PSW it stops with.

usage: herc_ipl.py IMAGE DEVTYPE WORKDIR [TIMEOUT_S]

Hercules 3.13 only takes commands from a terminal, so it runs on a
pseudo-terminal; its rc file does the IPL, its hardcopy log (stdout) is
polled for the disabled-wait message.  Prints "PSW=xxxxxxxx xxxxxxxx" and
exits 0, or prints ERROR=... and exits non-zero.  Only the Hercules
process started here is ever signalled.
"""
import os, pty, re, signal, subprocess, sys, threading, time

image, devtype, work = sys.argv[1], sys.argv[2], sys.argv[3]
timeout = float(sys.argv[4]) if len(sys.argv) > 4 else 60
log_path = os.path.join(work, "herc.log")
with open(os.path.join(work, "herc.cnf"), "w") as f:
    f.write("CPUSERIAL 000001\nCPUMODEL 3090\nMAINSIZE 16\nNUMCPU 1\n"
            "ARCHMODE ESA/390\nPANRATE SLOW\n"
            "0009 3215-C\n"
            f"0190 {devtype} {image}\n")
with open(os.path.join(work, "herc.rc"), "w") as f:
    f.write("ipl 0190\n")

master, slave = pty.openpty()
env = dict(os.environ, HERCULES_RC=os.path.join(work, "herc.rc"), TERM="xterm")
log = open(log_path, "wb")
proc = subprocess.Popen(["hercules", "-f", os.path.join(work, "herc.cnf")], stdin=slave,
                        stdout=log, stderr=slave, cwd=work, env=env, start_new_session=True)
os.close(slave)
log.close()

def drain():
    while True:
        try:
            if not os.read(master, 65536):
                return
        except OSError:
            return
threading.Thread(target=drain, daemon=True).start()

def text():
    with open(log_path, "rb") as f:
        return f.read().decode("latin-1")

def stop(rc):
    """quit, then escalate to SIGTERM and SIGKILL on our own process group."""
    try:
        os.write(master, b"quit\n")
    except OSError:
        pass
    for sig, limit in ((None, 15), (signal.SIGTERM, 5), (signal.SIGKILL, None)):
        if sig is not None:
            os.killpg(proc.pid, sig)
        try:
            proc.wait(timeout=limit)
            break
        except subprocess.TimeoutExpired:
            continue
    sys.exit(rc)

end = time.monotonic() + timeout
while time.monotonic() < end and proc.poll() is None:
    m = re.search(r"HHCCP011I.*?PSW[= ]*([0-9A-Fa-f]{8}) ?([0-9A-Fa-f]{8})", text(), re.S)
    if m:
        print(f"PSW={m.group(1).upper()} {m.group(2).upper()}", flush=True)
        stop(0)
    time.sleep(0.05)
print("ERROR=no disabled wait; log:\n" + text()[-2000:], flush=True)
stop(3)
