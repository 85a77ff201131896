"""Checks a running `precis serve` from the outside, over raw sockets.

    check_server.py PRECIS PORT          the main server (--timeout 2s)

Prints one TAP line per check ("ok N - title" / "not ok N - title"); the
shell script around it (tests/cli/test_serve.sh) starts and stops the
servers.  Every bad request is followed by GET /healthz: the server must
answer each with an error and keep serving.  Raw sockets, not an HTTP
library, because the point is to send what no well-behaved client sends.
"""
import json
import os
import socket
import subprocess
import sys
import threading
import time

PRECIS, PORT = None, None  # set by main() from the command line
EXAMPLE = os.path.join(os.path.dirname(__file__), "..", "..", "examples", "daraa")
count = 0


def report(good, title, detail=""):
    global count
    count += 1
    print(("ok %d - %s" if good else "not ok %d - %s") % (count, title))
    if not good and detail:
        print("#   " + str(detail)[:400].replace("\n", "\n#   "))
    sys.stdout.flush()


def exchange(raw, port=None, timeout=20, half_close=False):
    """Sends raw bytes, returns (status, headers, body) of the answer, or
    (None, {}, b'') when the server closed without one."""
    s = socket.create_connection(("127.0.0.1", port or PORT), timeout=timeout)
    try:
        s.sendall(raw)
        if half_close:
            s.shutdown(socket.SHUT_WR)
        data = b""
        while True:
            try:
                chunk = s.recv(65536)
            except (ConnectionResetError, socket.timeout):
                break
            if not chunk:
                break
            data += chunk
            head, sep, rest = data.partition(b"\r\n\r\n")
            if sep:
                length = [l for l in head.split(b"\r\n") if l.lower().startswith(b"content-length:")]
                if length and len(rest) >= int(length[0].split(b":")[1]):
                    break
    finally:
        s.close()
    return parse(data)


def parse(data):
    head, _, body = data.partition(b"\r\n\r\n")
    lines = head.split(b"\r\n")
    if not lines[0].startswith(b"HTTP/1."):
        return None, {}, b""
    status = int(lines[0].split()[1])
    headers = {}
    for l in lines[1:]:
        k, _, v = l.partition(b":")
        headers[k.strip().lower().decode()] = v.strip().decode()
    return status, headers, body


def request(method, path, body=b"", ctype="application/json", port=None, extra=b""):
    raw = ("%s %s HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n" % (method, path)).encode()
    if method == "POST":
        raw += b"Content-Type: " + ctype.encode() + b"\r\n"
        raw += b"Content-Length: %d\r\n" % len(body)
    return exchange(raw + extra + b"\r\n" + body, port=port)


def post_json(path, obj, port=None):
    return request("POST", path, json.dumps(obj).encode(), port=port)


def healthy(after, port=None):
    status, _, body = request("GET", "/healthz", port=port)
    report(status == 200 and body == b'{"status":"ok"}', "still serving after " + after,
           (status, body))


def error_answer(status, body, want, title):
    try:
        j = json.loads(body)
        shape = set(j) == {"error", "status"} and j["error"]
    except ValueError:
        shape = False
    report(status == want and shape, title, (status, body[:200]))


def example_articles():
    names = sorted(os.listdir(EXAMPLE))
    return [{"id": n, "text": open(os.path.join(EXAMPLE, n), encoding="utf-8").read()} for n in names]


def main():
    global PRECIS, PORT
    PRECIS, PORT = sys.argv[1], int(sys.argv[2])
    # --- what the routes answer -------------------------------------------
    arts = example_articles()
    status, headers, body = post_json("/v1/summarize", {"articles": arts, "words": 100})
    cli = subprocess.run([PRECIS, "summarize", "--json", "--words", "100"] +
                         [os.path.join(EXAMPLE, a["id"]) for a in arts],
                         capture_output=True).stdout.rstrip(b"\n")
    report(status == 200 and body == cli,
           "/v1/summarize answers byte for byte what precis summarize --json prints",
           (status, body[:200], cli[:200]))
    report(headers.get("content-type") == "application/json", "JSON content type", headers)

    docs = {"documents": [a["text"] for a in arts], "id": "daraa", "words": 60,
            "method": "lexrank"}
    line = json.dumps(docs)
    status, _, body = post_json("/v1/summarize", docs)
    cli = subprocess.run([PRECIS, "summarize", "--json", "--words", "60", "--method", "lexrank",
                          "--input-format", "jsonl", "-"], input=line.encode() + b"\n",
                         capture_output=True).stdout.rstrip(b"\n")
    report(status == 200 and body == cli,
           "documents + id + options: the same bytes as the CLI's JSON line", (body[:200], cli[:200]))

    numbered = {"documents": [a["text"] for a in arts], "id": 7}
    status, _, body = post_json("/v1/summarize", numbered)
    cli = subprocess.run([PRECIS, "summarize", "--json", "--input-format", "jsonl", "-"],
                         input=json.dumps(numbered).encode() + b"\n",
                         capture_output=True).stdout.rstrip(b"\n")
    report(status == 200 and body == cli and body.startswith(b'{"id":"7"'),
           "a numeric cluster id, as a JSON line may have it: the CLI's bytes", body[:80])

    status, _, body = post_json("/v1/summarize", {"articles": arts, "diagnostics": True,
                                                  "collapse_copies": True})
    j = json.loads(body) if status == 200 else {}
    notes = {a["name"]: a["status"] for a in j.get("articles", [])}
    report(notes.get("000_424f73fbbff911b5.txt") == "copy" and
           not any(s["article"] == 0 for s in j.get("sentences", [])),
           "collapse_copies: the syndicated copy is marked and gives no sentence", notes)

    # the same request, 24 at once: byte-identical answers
    bodies, threads = [], []
    lock = threading.Lock()

    def one():
        r = post_json("/v1/summarize", {"articles": arts, "words": 100})
        with lock:
            bodies.append(r)
    for _ in range(24):
        threads.append(threading.Thread(target=one))
        threads[-1].start()
    for t in threads:
        t.join()
    report(len(bodies) == 24 and all(b == (200, bodies[0][1], bodies[0][2]) for b in bodies) and
           bodies[0][2] == cli_daraa_100(arts), "24 concurrent identical requests: identical answers")

    status, _, body = post_json("/v1/rouge", {"system": ["the cat sat on the mat"],
                                              "references": ["the cat was on the mat"],
                                              "flags": "-m"})
    j = json.loads(body) if status == 200 else {}
    report(status == 200 and j.get("ROUGE-1", {}).get("r", {}).get("average") == 0.83333,
           "/v1/rouge: ROUGE-1 recall 5/6 = 0.83333", body[:200])

    status, _, body = post_json("/v1/dedup", {"articles": arts})
    j = json.loads(body) if status == 200 else {}
    groups = j.get("groups", [])
    report(len(groups) == 1 and sorted(groups[0]["members"]) ==
           ["000_424f73fbbff911b5.txt", "001_119253a322498d90.txt"],
           "/v1/dedup: the syndicated pair is one group", body[:300])
    status, _, body = post_json("/v1/cluster", {"articles": arts})
    j = json.loads(body) if status == 200 else {}
    report(status == 200 and len(j.get("stories", [])) == 1 and j["stories"][0]["size"] == 4,
           "/v1/cluster: the example cluster is one story", body[:300])

    status, headers, body = request("GET", "/")
    csp = headers.get("content-security-policy", "")
    report(status == 200 and headers.get("content-type", "").startswith("text/html") and
           "default-src 'none'" in csp and b"<html" in body,
           "GET / serves the page with a strict CSP", (status, headers))
    report(b"src=\"http" not in body and b"href=\"http" not in body,
           "the page loads nothing from another origin")
    status, _, body = request("GET", "/v1/version")
    report(status == 200 and json.loads(body).get("api") == "v1", "GET /v1/version", body)

    # --- errors ------------------------------------------------------------
    status, _, body = request("GET", "/nowhere")
    error_answer(status, body, 404, "an unknown path: 404 with a JSON error")
    status, headers, body = request("GET", "/v1/summarize")
    error_answer(status, body, 405, "GET on a POST route: 405")
    report(headers.get("allow") == "POST", "405 names the allowed method", headers)
    status, _, body = request("POST", "/v1/summarize", b'{"documents":["a b c."]}', "text/plain")
    error_answer(status, body, 415, "a body that is not declared JSON: 415")
    status, _, body = request("POST", "/v1/summarize", b'{"documents": [')
    error_answer(status, body, 400, "malformed JSON: 400")
    healthy("malformed JSON")
    status, _, body = post_json("/v1/summarize", {"documents": ["x"], "wrds": 10})
    error_answer(status, body, 400, "an unknown setting: 400")
    report(b"wrds" in body, "the error names the setting", body[:200])
    status, _, body = post_json("/v1/summarize", {"documents": ["text"], "words": 0})
    error_answer(status, body, 400, "a budget of 0 words: 400")
    status, _, body = request("POST", "/v1/summarize",
                              b'{"documents":["caf\xc3\xa9 \xff\xfe broken"]}')
    error_answer(status, body, 400, "invalid UTF-8 in the body: 400")
    healthy("invalid UTF-8")
    status, _, body = request("POST", "/v1/summarize", bytes(range(256)) * 64)
    error_answer(status, body, 400, "a binary body: 400")
    healthy("a binary body")
    status, _, body = post_json("/v1/summarize", {"documents": [""] * 10000})
    error_answer(status, body, 400, "10,000 empty documents: 400")
    healthy("10,000 empty documents")
    status, _, body = request("POST", "/v1/summarize", b"[" * 100000 + b"]" * 100000)
    error_answer(status, body, 400, "JSON nested 100,000 deep: 400")
    healthy("JSON nested 100,000 deep")
    raw = (b"POST /v1/summarize HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
           b"Content-Length: 1073741824\r\n\r\n{\"documents\":")
    started = time.time()
    status, _, body = exchange(raw)
    error_answer(status, body, 413, "a 1 GB Content-Length announcement: 413 at once")
    report(time.time() - started < 2, "413 before reading the body", time.time() - started)
    healthy("a 1 GB announcement")
    big = b'{"documents":["' + b"word " * (3 << 20) + b'"]}'
    status, _, body = exchange(b"POST /v1/summarize HTTP/1.1\r\nHost: x\r\nContent-Type: "
                               b"application/json\r\nTransfer-Encoding: chunked\r\n\r\n" +
                               b"%x\r\n" % len(big) + big + b"\r\n0\r\n\r\n")
    error_answer(status, body, 413, "a chunked body over --max-body: 413")
    healthy("a chunked body over the limit")
    status, _, _ = exchange(b"GARBAGE\r\n\r\n")
    report(status in (None, 400), "malformed HTTP: 400 or closed", status)
    healthy("malformed HTTP")
    raw = b"GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: " + b"a" * 200000 + b"\r\n\r\n"
    try:
        status, _, _ = exchange(raw)
    except (BrokenPipeError, ConnectionResetError):
        status = None
    report(status in (None, 413, 431), "huge headers: refused", status)
    healthy("huge headers")
    status, _, _ = exchange(b"POST /v1/summarize HTTP/1.1\r\nHost: x\r\nContent-Type: "
                            b"application/json\r\nContent-Length: 100\r\n\r\n{\"docu",
                            half_close=True, timeout=10)
    report(status in (None, 400), "a truncated body: no answer but the connection closed", status)
    healthy("a truncated body")

    # a slow client holds no thread: it is dropped after the read timeout,
    # and the server answers others meanwhile
    slow = socket.create_connection(("127.0.0.1", PORT), timeout=10)
    slow.sendall(b"POST /v1/summarize HTTP/1.1\r\nHost: x\r\n")
    started = time.time()
    status, _, _ = request("GET", "/healthz")
    report(status == 200 and time.time() - started < 1, "answered while a slow client waits")
    slow.settimeout(8)
    try:
        closed = slow.recv(100) is not None
    except (socket.timeout, ConnectionResetError):
        closed = False
    report(closed and time.time() - started < 6, "the slow client is dropped after the read timeout",
           time.time() - started)
    slow.close()

    status, _, body = request("GET", "/metrics")
    text = body.decode()
    report(status == 200 and 'precis_http_requests_total{route="/v1/summarize",status="200"}' in text
           and 'status="413"' in text and "precis_http_request_duration_seconds_bucket" in text
           and "precis_http_requests_in_flight" in text,
           "GET /metrics: requests by route and status, latency histogram, in flight", text[:300])
    hits = [l for l in text.splitlines() if l.startswith("precis_cache_hits_total ")]
    report(hits and int(hits[0].split()[1]) >= 20,
           "the repeated identical requests were answered from the cache", hits)


_cli_cache = {}


def cli_daraa_100(arts):
    if "out" not in _cli_cache:
        _cli_cache["out"] = subprocess.run(
            [PRECIS, "summarize", "--json", "--words", "100"] +
            [os.path.join(EXAMPLE, a["id"]) for a in arts], capture_output=True).stdout.rstrip(b"\n")
    return _cli_cache["out"]


if __name__ == "__main__":
    main()
