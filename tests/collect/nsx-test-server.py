#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0-or-later
# SPDX-FileCopyrightText: 2026 The segproof authors
"""A small NSX Manager stand-in for the `segproof collect` tests: HTTPS on 127.0.0.1, an
ephemeral port, the recorded answers of tests/data/nsx-api/manager.json, and one misbehaviour
per --mode. Python 3 standard library only.

usage: nsx-test-server.py --cert PEM --key PEM --data manager.json --log FILE --mode MODE
                          [--user admin] [--password secret]
Prints "PORT <n>" on stdout once it listens, then serves until killed, until its parent process
goes away, or after --lifetime seconds, whichever comes first. Every request is appended to
--log as one JSON line {"method", "path", "status"} (path as sent, query included).

Modes:
  normal          every list in one page, result_count set, basic auth checked
  paging          pages of 2; the next page's "cursor" is opaque text with '+', '/' and '='
  session         NSX session auth: POST /api/session/create (j_username/j_password form)
                  sets JSESSIONID and X-XSRF-TOKEN; every other request must carry both
  retry-429       the first GET of /api/v1/fabric/vifs answers 429 with Retry-After: 1
  retry-503       the first GET of /policy/api/v1/infra/segments answers 503
  always-503      every GET of /policy/api/v1/infra/segments answers 503
  server-error    GET /api/v1/fabric/virtual-machines answers 500 with NSX's error JSON
  truncated       GET /api/v1/fabric/vifs sends a Content-Length 100 bytes longer than its body,
                  then closes the connection
  not-json        GET /policy/api/v1/infra/tier-1s answers 200 with an HTML page
  no-results      GET /policy/api/v1/infra/domains answers 200 with JSON but no "results"
  slow            GET .../groups/web-vms/members/virtual-machines answers after 3 s, every time
  slow-once       the same, the first time only
  count-mismatch  the rules of security policy "app policy" claim result_count one too many
  no-tier0        GET /policy/api/v1/infra/tier-0s answers 404 (a manager without tier-0s)
"""
import argparse
import base64
import json
import os
import secrets
import ssl
import sys
import threading
import time
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

MODES = ['normal', 'paging', 'session', 'retry-429', 'retry-503', 'always-503', 'server-error',
         'truncated', 'not-json', 'no-results', 'slow', 'slow-once', 'count-mismatch',
         'no-tier0']
SLOW_PATH = '/policy/api/v1/infra/domains/default/groups/web-vms/members/virtual-machines'
MISMATCH_PATH = '/policy/api/v1/infra/domains/default/security-policies/app policy/rules'


class State:
    def __init__(self, args):
        self.args = args
        self.mode = args.mode
        with open(args.data, encoding='utf-8') as f:
            self.responses = json.load(f)['responses']
        self.hits = {}
        self.sessions = {}  # JSESSIONID -> XSRF token
        self.cursors = {}   # cursor text -> (path, offset)
        self.lock = threading.Lock()

    def hit(self, path):
        with self.lock:
            self.hits[path] = self.hits.get(path, 0) + 1
            return self.hits[path]

    def log(self, method, path, status):
        with self.lock:
            with open(self.args.log, 'a', encoding='utf-8') as f:
                f.write(json.dumps({'method': method, 'path': path, 'status': status}) + '\n')


def nsx_error(status, message, code=0):
    return {'httpStatus': {401: 'UNAUTHORIZED', 403: 'FORBIDDEN', 404: 'NOT_FOUND',
                           429: 'TOO_MANY_REQUESTS', 500: 'INTERNAL_SERVER_ERROR',
                           503: 'SERVICE_UNAVAILABLE'}.get(status, 'ERROR'),
            'error_code': code, 'module_name': 'test-server', 'error_message': message}


class Handler(BaseHTTPRequestHandler):
    protocol_version = 'HTTP/1.1'
    # Headers and body go out as two writes; without this, Nagle and delayed ACKs add 40 ms to
    # every response.
    disable_nagle_algorithm = True
    server_version = 'nsx-test-server'
    state = None

    def log_message(self, *args):
        pass

    def send_body(self, status, body, content_type='application/json', headers=(),
                  extra_length=0, log=True):
        data = body if isinstance(body, bytes) else json.dumps(body).encode()
        self.send_response(status)
        self.send_header('Content-Type', content_type)
        self.send_header('Content-Length', str(len(data) + extra_length))
        for name, value in headers:
            self.send_header(name, value)
        # Logged before the answer leaves: the client may be done, and the log read, before
        # this thread runs again.
        if log:
            self.state.log(self.command, self.path, status)
        self.end_headers()
        self.wfile.write(data)

    def authorised(self):
        """None when the request may proceed, else the status already answered."""
        s = self.state
        if s.mode == 'session':
            cookie = self.headers.get('Cookie', '')
            session = None
            for part in cookie.split(';'):
                name, _, value = part.strip().partition('=')
                if name == 'JSESSIONID':
                    session = value
            token = self.headers.get('X-XSRF-TOKEN')
            if session is None or session not in s.sessions or s.sessions[session] != token:
                self.send_body(401, nsx_error(401, 'no valid session cookie and X-XSRF-TOKEN',
                                              403))
                return 401
            return None
        expected = 'Basic ' + base64.b64encode(
            ('%s:%s' % (s.args.user, s.args.password)).encode()).decode()
        if self.headers.get('Authorization') != expected:
            self.send_body(401, nsx_error(401, 'The credentials were incorrect or the account '
                                               'specified has been locked.', 403))
            return 401
        return None

    def do_POST(self):
        s = self.state
        length = int(self.headers.get('Content-Length', '0'))
        body = self.rfile.read(length).decode()
        if self.path == '/api/session/create' and s.mode == 'session':
            form = urllib.parse.parse_qs(body)
            if (form.get('j_username') != [s.args.user] or
                    form.get('j_password') != [s.args.password] or
                    self.headers.get('Content-Type') != 'application/x-www-form-urlencoded'):
                self.send_body(403, nsx_error(403, 'The credentials were incorrect or the '
                                                   'account specified has been locked.', 403))
                return
            session, token = secrets.token_hex(16), secrets.token_hex(8)
            s.sessions[session] = token
            self.send_body(200, b'', headers=[
                ('Set-Cookie', 'JSESSIONID=%s; Path=/; Secure; HttpOnly' % session),
                ('X-XSRF-TOKEN', token)])
            return
        if self.path == '/api/session/destroy' and s.mode == 'session':
            if self.authorised() is None:
                self.send_body(200, b'')
            return
        self.send_body(404, nsx_error(404, 'The requested URI: %s could not be found.'
                                      % self.path, 600))

    def do_GET(self):
        s = self.state
        raw_path, _, query = self.path.partition('?')
        path = urllib.parse.unquote(raw_path)
        # Every id must arrive percent-encoded as one path segment.
        if urllib.parse.quote(path, safe='/') != raw_path:
            self.send_body(400, nsx_error(400, 'path not percent-encoded: %s' % raw_path))
            return
        if self.authorised() is not None:
            return
        hit = s.hit(path)
        mode = s.mode
        if mode == 'retry-429' and path == '/api/v1/fabric/vifs' and hit == 1:
            self.send_body(429, nsx_error(429, 'Client has exceeded the rate limit.', 102),
                           headers=[('Retry-After', '1')])
            return
        if (mode == 'retry-503' and hit == 1 or mode == 'always-503') and \
                path == '/policy/api/v1/infra/segments':
            self.send_body(503, nsx_error(503, 'The service is starting.', 98))
            return
        if mode == 'server-error' and path == '/api/v1/fabric/virtual-machines':
            self.send_body(500, nsx_error(500, 'Inventory service is not ready.', 99))
            return
        if mode == 'no-tier0' and path == '/policy/api/v1/infra/tier-0s':
            self.send_body(404, nsx_error(404, 'The requested URI: %s could not be found.'
                                          % path, 600))
            return
        if mode == 'not-json' and path == '/policy/api/v1/infra/tier-1s':
            self.send_body(200, b'<html><body>Maintenance</body></html>', 'text/html')
            return
        if mode == 'no-results' and path == '/policy/api/v1/infra/domains':
            self.send_body(200, {'items': [], 'result_count': 0})
            return
        slow = path == SLOW_PATH and (mode == 'slow' or mode == 'slow-once' and hit == 1)
        if slow:
            # Logged now: the client has given up by the time the answer goes out.
            s.log(self.command, self.path, 'slow')
            time.sleep(3)
        if path not in s.responses:
            self.send_body(404, nsx_error(404, 'The requested URI: %s could not be found.'
                                          % path, 600))
            return
        results = s.responses[path]
        offset = 0
        params = urllib.parse.parse_qs(query, keep_blank_values=True)
        if 'cursor' in params:
            cursor = params['cursor'][0]
            if cursor not in s.cursors or s.cursors[cursor][0] != path:
                self.send_body(400, nsx_error(400, 'unknown cursor %r' % cursor, 255))
                return
            offset = s.cursors[cursor][1]
        page = results[offset:offset + 2] if mode == 'paging' else results
        answer = {'results': page, 'result_count': len(results), 'sort_by': 'display_name',
                  'sort_ascending': True}
        if mode == 'count-mismatch' and path == MISMATCH_PATH:
            answer['result_count'] = len(results) + 1
        if mode == 'paging' and offset + 2 < len(results):
            cursor = '%08d+/=%s' % (offset + 2, secrets.token_hex(2))
            s.cursors[cursor] = (path, offset + 2)
            answer['cursor'] = cursor
        if mode == 'truncated' and path == '/api/v1/fabric/vifs':
            self.send_body(200, answer, extra_length=100)
            self.wfile.flush()
            self.close_connection = True
            try:
                # A clean TLS close: the client sees the body end short, not a reset.
                self.connection.unwrap()
            except (OSError, ssl.SSLError):
                pass
            return
        try:
            self.send_body(200, answer, log=not slow)
        except (BrokenPipeError, ConnectionResetError, ssl.SSLError):
            pass  # the client gave up (slow mode)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('--cert', required=True)
    parser.add_argument('--key', required=True)
    parser.add_argument('--data', required=True)
    parser.add_argument('--log', required=True)
    parser.add_argument('--mode', choices=MODES, default='normal')
    parser.add_argument('--user', default='admin')
    parser.add_argument('--password', default='secret')
    parser.add_argument('--lifetime', type=float, default=120)
    args = parser.parse_args()

    Handler.state = State(args)
    server = ThreadingHTTPServer(('127.0.0.1', 0), Handler)
    server.daemon_threads = True
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(args.cert, args.key)
    server.socket = context.wrap_socket(server.socket, server_side=True)

    parent = os.getppid()

    def watchdog():
        deadline = time.monotonic() + args.lifetime
        while time.monotonic() < deadline and os.getppid() == parent:
            time.sleep(0.2)
        os._exit(0)

    threading.Thread(target=watchdog, daemon=True).start()
    print('PORT %d' % server.server_address[1], flush=True)
    try:
        server.serve_forever(poll_interval=0.1)
    except KeyboardInterrupt:
        pass
    return 0


if __name__ == '__main__':
    sys.exit(main())
