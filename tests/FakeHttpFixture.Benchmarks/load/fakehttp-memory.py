#!/usr/bin/env python3
"""Resident memory of fakehttp before and after 300 POSTs of 1 MB (1,000,000 random bytes), and how long its stop takes.

usage: python3 fakehttp-memory.py PATH/TO/fakehttp.dll [fakehttp options, such as --record rec or --har out.har]

fakehttp serves a fresh temp directory with --port 0 --quiet and the options given; one keep-alive connection sends the
POSTs. VmRSS is read from /proc (Linux) after one GET, and again after the POSTs; then SIGTERM, timed until exit.
"""
import os, re, signal, subprocess, sys, tempfile, time, http.client

dll, extra = sys.argv[1], sys.argv[2:]
work = tempfile.mkdtemp(prefix="fakehttp-memory-")
p = subprocess.Popen(["dotnet", os.path.abspath(dll), ".", "--port", "0", "--quiet"] + extra, cwd=work,
                     stdout=subprocess.PIPE, stderr=subprocess.PIPE)
port = int(re.search(r"127\.0\.0\.1:(\d+)/", p.stdout.readline().decode()).group(1))

def resident():
    status = open(f"/proc/{p.pid}/status").read()
    return [int(re.search(name + r":\s+(\d+)", status).group(1)) // 1024 for name in ("VmRSS", "VmHWM")]

c = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
c.request("GET", "/"); c.getresponse().read()
before = resident()
body = os.urandom(1_000_000)
for i in range(300):
    c.request("POST", "/up/%d" % i, body=body, headers={"Content-Type": "application/octet-stream"})
    r = c.getresponse(); r.read(); assert r.status == 200
# The log and record are written on fakehttp's own thread, just after each response: give it a moment to catch up.
time.sleep(2)
after = resident()
start = time.time(); p.send_signal(signal.SIGTERM); p.wait(600); stop = time.time() - start
print(f"options={' '.join(extra) or '(none)'} rss_before={before[0]} MB rss_after={after[0]} MB peak={after[1]} MB stop={stop:.1f} s exit={p.returncode}")
