"""One Markdown table row from wrk's --latency report (bench/serve.sh).

    wrk_row.py WRK_OUTPUT CONNECTIONS
prints | connections | requests/s | p50 | p99 | errors |, errors being the
non-2xx answers plus the socket errors.
"""
import re
import sys


def milliseconds(value):
    number, unit = re.match(r"([\d.]+)(us|ms|s|m)$", value).groups()
    return float(number) * {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0}[unit]


text = open(sys.argv[1]).read()
rps = float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1))
p50 = milliseconds(re.search(r"^\s+50%\s+(\S+)", text, re.M).group(1))
p99 = milliseconds(re.search(r"^\s+99%\s+(\S+)", text, re.M).group(1))
non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", text)
sockets = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", text)
errors = (int(non2xx.group(1)) if non2xx else 0) + (sum(map(int, sockets.groups())) if sockets else 0)
print("| %s | %.0f | %.2f ms | %.2f ms | %d |" % (sys.argv[2], rps, p50, p99, errors))
