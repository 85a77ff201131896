"""Checks the bounds of a `precis serve` started with --threads 1 --queue 2
--timeout 30ms: past its time limit a request is answered 504, past its
queue 503, and the server keeps serving.

    check_limits.py PORT
    check_limits.py PORT --in-flight MARKER   one slow request (the drain test)

A slow request is a cluster of 400 articles of 40 sentences of random words
(16,000 sentences: about 0.2 s on this machine in the release build, six
times the limit), built from a fixed seed.  Prints TAP lines.
"""
import json
import random
import sys
import threading

sys.path.insert(0, __import__("os").path.dirname(__file__))
import check_server as cs  # noqa: E402  (its helpers; main() is not run)

PORT = int(sys.argv[1])


def slow_body():
    rng = random.Random(7)
    words = ["".join(rng.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(rng.randint(3, 9)))
             for _ in range(3000)]
    docs = []
    for _ in range(400):
        sentences = []
        for _ in range(40):
            w = rng.sample(words, 12)
            sentences.append(" ".join([w[0].capitalize()] + w[1:]) + ".")
        docs.append(" ".join(sentences))
    return json.dumps({"documents": docs}).encode()


def main():
    body = slow_body()
    status, _, answer = cs.request("POST", "/v1/summarize", body, port=PORT)
    cs.error_answer(status, answer, 504, "past the time limit: 504 with a JSON error")
    cs.healthy("a 504", port=PORT)

    results, threads, lock = [], [], threading.Lock()

    def one():
        r = cs.request("POST", "/v1/summarize", body, port=PORT)
        with lock:
            results.append(r[0])
    for _ in range(6):
        threads.append(threading.Thread(target=one))
        threads[-1].start()
    for t in threads:
        t.join()
    cs.report(results.count(503) >= 1 and set(results) <= {503, 504},
              "6 slow requests at once on a queue of 2: the overflow is answered 503",
              sorted(results))
    cs.healthy("a burst over the queue", port=PORT)
    status, _, answer = cs.request("GET", "/metrics", port=PORT)
    text = answer.decode()
    cs.report("precis_jobs_refused_total" in text and "precis_jobs_expired_total" in text and
              "precis_jobs_refused_total 0" not in text and "precis_jobs_expired_total 0" not in text,
              "/metrics counts the refused and the expired jobs", text[-400:])


def in_flight(marker):
    """Sends a slow request, creates `marker` once it is sent, prints the
    status of the answer (the script sends SIGTERM meanwhile)."""
    body = slow_body()
    # the slow jobs of main() may still run (a worker finishes an expired
    # job): wait for an empty queue, so that this one is taken
    for _ in range(600):
        metrics = cs.request("GET", "/metrics", port=PORT)[2].decode()
        if "\nprecis_jobs_queued 0\n" in metrics:
            break
        cs.time.sleep(0.05)
    s = cs.socket.create_connection(("127.0.0.1", PORT), timeout=20)
    s.sendall(b"POST /v1/summarize HTTP/1.1\r\nHost: x\r\nConnection: close\r\n"
              b"Content-Type: application/json\r\nContent-Length: %d\r\n\r\n" % len(body) + body)
    open(marker, "w").close()
    data = b""
    while True:
        chunk = s.recv(65536)
        if not chunk:
            break
        data += chunk
    print(cs.parse(data)[0])


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[2] == "--in-flight":
        in_flight(sys.argv[3])
    else:
        main()
