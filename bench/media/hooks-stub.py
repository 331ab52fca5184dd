"""Stands in for the app's media callbacks in bench/media.sh: accepts every publish and renames it
to the stream name given on the command line (as the app renames a key to the sale's stream)."""
import sys
from http.server import BaseHTTPRequestHandler, HTTPServer


class Hooks(BaseHTTPRequestHandler):
    def do_POST(self):
        self.rfile.read(int(self.headers.get("Content-Length", 0)))
        if self.path.startswith("/api/media/hooks/on_publish?"):
            self.send_response(302)
            self.send_header("Location", sys.argv[2])
        else:
            self.send_response(204)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args):
        pass


HTTPServer(("127.0.0.1", int(sys.argv[1])), Hooks).serve_forever()
