"""Stands in for the app in bench/replay.sh: the engine's callbacks (a publish is renamed to the
stream name given on the command line, the recorder is always accepted, closed files are noted)
and the replay worker's job endpoints (claim, done, failed), as the app's ReplayHookResource
speaks them. The bench queues a job by writing <state>/job.txt; the first claim after that takes
it. Every event goes to <state>/events as "<name> <unix time> <detail>"; a done's or failed's
form goes to <state>/done.txt or failed.txt.

    python3 bench/replay/app-stub.py <port> <state dir> <stream name>
"""
import os
import sys
import time
import urllib.parse
from http.server import BaseHTTPRequestHandler, HTTPServer

PORT, STATE, STREAM = int(sys.argv[1]), sys.argv[2], sys.argv[3]
HOOKS = "/api/media/hooks/"


def event(name, detail=""):
    with open(os.path.join(STATE, "events"), "a") as f:
        f.write(f"{name} {time.time():.3f} {detail}\n")


class App(BaseHTTPRequestHandler):
    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length", 0))).decode()
        path = urllib.parse.urlsplit(self.path).path
        call = path[len(HOOKS):] if path.startswith(HOOKS) else ""
        form = urllib.parse.parse_qs(body)
        if call == "on_publish":
            return self.answer(302, location=STREAM)
        if call == "on_record_start":
            event("record_start", form.get("name", [""])[0])
        elif call == "on_record_done":
            event("record_done", os.path.basename(form.get("path", [""])[0]))
        elif call == "replay-jobs/claim":
            job = os.path.join(STATE, "job.txt")
            if os.path.exists(job):
                with open(job) as f:
                    text = f.read()
                os.rename(job, job + ".claimed")
                event("claim")
                return self.answer(200, text)
        elif call.startswith("replay-jobs/") and call.endswith(("/done", "/failed")):
            outcome = call.rsplit("/", 1)[1]
            with open(os.path.join(STATE, outcome + ".txt"), "w") as f:
                f.write("\n".join(urllib.parse.unquote_plus(p) for p in body.split("&")) + "\n")
            event(outcome)
        self.answer(204)

    def answer(self, code, text=None, location=None):
        data = text.encode() if text else b""
        self.send_response(code)
        if location:
            self.send_header("Location", location)
        if text:
            self.send_header("Content-Type", "text/plain")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args):
        pass


HTTPServer(("127.0.0.1", PORT), App).serve_forever()
