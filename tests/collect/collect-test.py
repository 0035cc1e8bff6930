#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0-or-later
# SPDX-FileCopyrightText: 2026 The segproof authors
"""`segproof collect` against nsx-test-server.py: one case per misbehaviour of an NSX Manager.

usage: collect-test.py --segproof PATH --data DIR CASE [CASE...]   (or "all")

Each case makes a self-signed certificate for 127.0.0.1 with openssl in a temporary folder,
starts the server there in the case's mode on an ephemeral port, runs segproof collect, and
checks its exit code, its messages, the request log, and --out: equal to
DIR/expected-bundle.json (parsed, collected_at ignored) on success; absent, or left exactly as
it was, on failure. The server is killed however the case ends.
"""
import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
SERVER = os.path.join(HERE, 'nsx-test-server.py')
PYTHON = '/usr/bin/python3'
PASSWORD = 'secret'
SENTINEL = '{"an": "older bundle, which a failed collect must leave alone"}\n'


class Failure(Exception):
    pass


def check(condition, message):
    if not condition:
        raise Failure(message)


class Server:
    """nsx-test-server.py in `mode`, on 127.0.0.1; always stopped by __exit__."""

    def __init__(self, tmp, data, mode):
        self.tmp, self.data, self.mode = tmp, data, mode
        self.log = os.path.join(tmp, 'requests.jsonl')
        self.process = None

    def __enter__(self):
        self.process = subprocess.Popen(
            [PYTHON, SERVER, '--cert', os.path.join(self.tmp, 'cert.pem'),
             '--key', os.path.join(self.tmp, 'key.pem'),
             '--data', os.path.join(self.data, 'manager.json'), '--log', self.log,
             '--mode', self.mode, '--password', PASSWORD, '--lifetime', '60'],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        line = self.process.stdout.readline()
        m = re.match(r'^PORT (\d+)$', line.strip())
        if not m:
            self.__exit__(None, None, None)
            raise Failure('the test server did not start: %r %s'
                          % (line, self.process.stderr.read()))
        self.url = 'https://127.0.0.1:%s' % m.group(1)
        return self

    def __exit__(self, *exc):
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        if self.process:
            self.process.stdout.close()
            self.process.stderr.close()
        return False

    def requests(self):
        if not os.path.exists(self.log):
            return []
        with open(self.log, encoding='utf-8') as f:
            return [json.loads(line) for line in f if line.strip()]


def make_certificate(tmp):
    subprocess.run(['openssl', 'req', '-x509', '-newkey', 'ec', '-pkeyopt',
                    'ec_paramgen_curve:prime256v1', '-nodes', '-days', '2',
                    '-keyout', os.path.join(tmp, 'key.pem'), '-out', os.path.join(tmp, 'cert.pem'),
                    '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1'],
                   check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


class Context:
    def __init__(self, args, tmp, server):
        self.args, self.tmp, self.server = args, tmp, server
        self.out = os.path.join(tmp, 'out', 'bundle.json')
        os.makedirs(os.path.dirname(self.out))
        self.password_file = os.path.join(tmp, 'password')
        with open(self.password_file, 'w') as f:
            f.write(PASSWORD + '\n')

    def run(self, *extra, manager=None, password_file=True, env_password=None, ca=True,
            timeout=60):
        argv = [self.args.segproof, 'collect', '--manager', manager or self.server.url,
                '--user', 'admin', '--out', self.out]
        if password_file:
            argv += ['--password-file', self.password_file]
        if ca:
            argv += ['--ca-file', os.path.join(self.tmp, 'cert.pem')]
        argv += list(extra)
        env = {k: v for k, v in os.environ.items() if k != 'SEGPROOF_NSX_PASSWORD'}
        if env_password is not None:
            env['SEGPROOF_NSX_PASSWORD'] = env_password
        start = time.monotonic()
        p = subprocess.run(argv, capture_output=True, text=True, env=env, timeout=timeout)
        p.elapsed = time.monotonic() - start
        print('$ %s\n  exit %d in %.2f s\n  stdout: %s\n  stderr: %s'
              % (' '.join(argv), p.returncode, p.elapsed, p.stdout.strip(),
                 p.stderr.strip().replace('\n', '\n          ')))
        return p

    def expect_bundle(self, p, adjust=None, tier0s='1 tier-0'):
        check(p.returncode == 0, 'exit %d, not 0' % p.returncode)
        check(re.search(r'^segproof collect: wrote .*bundle\.json: 3 VMs, 3 VIFs, 2 segments '
                        r'\(3 ports\), ' + tier0s + r', 1 tier-1, 1 domain, 2 groups, 3 policies '
                        r'\(6 rules\), 4 services from https://127\.0\.0\.1:\d+ in \d+ requests$',
                        p.stdout, re.M), 'no summary line on stdout')
        with open(self.out, encoding='utf-8') as f:
            got = json.load(f)
        with open(os.path.join(self.args.data, 'expected-bundle.json'), encoding='utf-8') as f:
            expected = json.load(f)
        collector = got.get('collector', {})
        check(re.match(r'^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$', str(collector.get('collected_at'))),
              'collected_at %r is not UTC ISO-8601' % collector.get('collected_at'))
        version = subprocess.run([self.args.segproof, '--version'], capture_output=True,
                                 text=True).stdout.split()[-1]
        # Every request the server saw, but the session's destruction after the bundle was made.
        seen = [r for r in self.server.requests() if r['path'] != '/api/session/destroy']
        expected['collector'].update(segproof_version=version, manager=self.server.url,
                                     requests=len(seen), collected_at=collector.get('collected_at'))
        if adjust:
            adjust(expected)
        if got != expected:
            for key in expected:
                if got.get(key) != expected[key]:
                    print('  differs at %r:\n    got      %s\n    expected %s'
                          % (key, json.dumps(got.get(key))[:600],
                             json.dumps(expected[key])[:600]))
            raise Failure('the bundle differs from expected-bundle.json')
        check(sorted(os.listdir(os.path.dirname(self.out))) == ['bundle.json'],
              'files beside --out: %s' % os.listdir(os.path.dirname(self.out)))

    def expect_failure(self, p, *patterns, out_existed=False):
        check(p.returncode == 2, 'exit %d, not 2' % p.returncode)
        check(re.search(r'^segproof collect: error: ', p.stderr, re.M),
              'no "segproof collect: error:" line')
        for pattern in patterns:
            check(re.search(pattern, p.stderr, re.M), 'stderr does not match %r' % pattern)
        check(p.stdout == '', 'stdout is not empty on failure')
        folder = os.path.dirname(self.out)
        if out_existed:
            with open(self.out, encoding='utf-8') as f:
                check(f.read() == SENTINEL, 'the existing --out file was changed')
            check(os.listdir(folder) == ['bundle.json'], 'files beside --out: %s'
                  % os.listdir(folder))
        else:
            check(os.listdir(folder) == [], 'a failed collect wrote %s' % os.listdir(folder))

    def write_sentinel(self):
        with open(self.out, 'w', encoding='utf-8') as f:
            f.write(SENTINEL)

    def hits(self, path, status=None):
        return sum(1 for r in self.server.requests()
                   if r['path'].split('?')[0] == path and (status is None or r['status'] == status))


# Each case: (server mode, function(Context)).
CASES = {}


def case(mode):
    def register(function):
        CASES[function.__name__] = (mode, function)
        return function
    return register


def url(c, path):
    return re.escape(c.server.url + path)


@case('normal')
def basic_auth_with_ca_file_writes_the_expected_bundle(c):
    p = c.run()
    c.expect_bundle(p)
    check(p.stderr == '', 'stderr is not empty (no terminal: no progress line)')
    check(all(r['status'] == 200 for r in c.server.requests()), 'a request was refused')
    # One page per list: 7 top lists and the domain's 3, 2 segments' ports, 3 policies' rules,
    # the 2 groups' 2 member lists: 19, each exactly once.
    check(len(c.server.requests()) == 19, '%d requests, not 19' % len(c.server.requests()))


@case('paging')
def paging_follows_every_cursor(c):
    p = c.run('--quiet')
    c.expect_bundle(p)
    cursored = [r for r in c.server.requests() if 'cursor=' in r['path']]
    # services 4 (2 pages), VMs 3, VIFs 3, app policy's rules 3: one cursored page each.
    check(len(cursored) == 4, '%d cursored requests, not 4' % len(cursored))
    check(all(r['status'] == 200 for r in c.server.requests()), 'a request was refused')


@case('session')
def session_auth_sends_cookie_and_xsrf_token_then_destroys_the_session(c):
    p = c.run('--auth', 'session', password_file=False, env_password=PASSWORD)
    c.expect_bundle(p)
    log = c.server.requests()
    check(log[0]['path'] == '/api/session/create' and log[0]['status'] == 200,
          'the first request is not a successful session/create: %s' % log[0])
    check(log[-1]['path'] == '/api/session/destroy' and log[-1]['status'] == 200,
          'the last request is not session/destroy: %s' % log[-1])
    check(all(r['status'] == 200 for r in log), 'a request lacked the cookie or token')


@case('session')
def session_auth_with_a_wrong_password_fails_at_once(c):
    c.write_sentinel()
    p = c.run('--auth', 'session', password_file=False, env_password='wrong')
    c.expect_failure(p, r'authentication failed for admin at %s \(HTTP 403\) on POST %s'
                     % (re.escape(c.server.url), url(c, '/api/session/create')), out_existed=True)
    check(len(c.server.requests()) == 1, 'retried a refused login')


@case('normal')
def wrong_password_is_401_without_retry(c):
    c.write_sentinel()
    p = c.run(password_file=False, env_password='wrong')
    c.expect_failure(p, r'^segproof collect: error: authentication failed for admin at %s '
                        r'\(HTTP 401\) on GET %s: The credentials were incorrect'
                     % (re.escape(c.server.url), url(c, '/policy/api/v1/infra/services')),
                     out_existed=True)
    check(len(c.server.requests()) == 1, '%d requests: a 401 was retried'
          % len(c.server.requests()))


@case('retry-429')
def too_many_requests_waits_retry_after_then_succeeds(c):
    p = c.run()
    c.expect_bundle(p)
    check(c.hits('/api/v1/fabric/vifs', 429) == 1 and c.hits('/api/v1/fabric/vifs', 200) == 1,
          'not one 429 then one 200 for vifs')
    check(p.elapsed >= 1.0, 'did not wait Retry-After: 1 (%.2f s)' % p.elapsed)


@case('retry-503')
def service_unavailable_backs_off_then_succeeds(c):
    p = c.run()
    c.expect_bundle(p)
    check(c.hits('/policy/api/v1/infra/segments', 503) == 1 and
          c.hits('/policy/api/v1/infra/segments', 200) == 1, 'not one 503 then one 200')
    check(p.elapsed >= 1.0, 'no back-off before the retry (%.2f s)' % p.elapsed)


@case('always-503')
def service_unavailable_gives_up_after_the_retries(c):
    c.write_sentinel()
    p = c.run('--retries', '1')
    c.expect_failure(p, r'GET %s: HTTP 503 Service Unavailable: The service is starting\. '
                        r'\(NSX error_code 98\), still after 2 attempts \(--retries 1\)$'
                     % url(c, '/policy/api/v1/infra/segments'), out_existed=True)
    check(c.hits('/policy/api/v1/infra/segments') == 2, '%d attempts, not 2'
          % c.hits('/policy/api/v1/infra/segments'))


@case('server-error')
def internal_server_error_names_nsx_error_message(c):
    p = c.run()
    c.expect_failure(p, r'GET %s: HTTP 500 Internal Server Error: Inventory service is not '
                        r'ready\. \(NSX error_code 99\)$'
                     % url(c, '/api/v1/fabric/virtual-machines'))
    check(c.hits('/api/v1/fabric/virtual-machines') == 1, 'a 500 was retried')


@case('truncated')
def truncated_body_is_an_error(c):
    c.write_sentinel()
    p = c.run()
    c.expect_failure(p, r'GET %s: the response was cut off before its end \(transfer closed '
                        r'with 100 bytes remaining to read\)' % url(c, '/api/v1/fabric/vifs'),
                     out_existed=True)


@case('not-json')
def a_body_that_is_not_json_names_the_byte(c):
    p = c.run()
    c.expect_failure(p, r'GET %s: the response is not JSON: .*\(byte 1 of 37; it starts '
                        r"'<html><body>Maintenance</body></html>'\)"
                     % url(c, '/policy/api/v1/infra/tier-1s'))


@case('no-results')
def json_without_results_names_the_place(c):
    p = c.run()
    c.expect_failure(p, r"GET %s: the response has no 'results' list \(at \$\.results\)"
                     % url(c, '/policy/api/v1/infra/domains'))


@case('slow')
def a_response_slower_than_timeout_is_retried_then_an_error(c):
    p = c.run('--timeout', '0.5', '--retries', '1')
    path = '/policy/api/v1/infra/domains/default/groups/web-vms/members/virtual-machines'
    c.expect_failure(p, r'GET %s: no whole answer within 0\.5 s \(--timeout\): .*timed out.*, '
                        r'still after 2 attempts \(--retries 1\)' % url(c, path))
    check(p.elapsed < 6, 'took %.1f s: the timeout did not cut the 3 s answers' % p.elapsed)


@case('slow-once')
def a_timeout_then_a_quick_answer_succeeds(c):
    p = c.run('--timeout', '0.5')
    c.expect_bundle(p)
    path = '/policy/api/v1/infra/domains/default/groups/web-vms/members/virtual-machines'
    check(c.hits(path, 'slow') == 1 and c.hits(path, 200) == 1, 'not one slow then one quick')


@case('count-mismatch')
def result_count_mismatch_is_an_error(c):
    p = c.run()
    path = '/policy/api/v1/infra/domains/default/security-policies/app%20policy/rules'
    c.expect_failure(p, r'GET %s: result_count says 4 but 3 results came in 1 page: the '
                        r'listing changed while it was read, or was cut' % url(c, path))


@case('no-tier0')
def missing_tier0s_are_an_empty_list_with_a_note(c):
    p = c.run()
    note = ('GET %s/policy/api/v1/infra/tier-0s answered 404 Not Found: tier-0 gateways taken '
            'as none' % c.server.url)

    def adjust(expected):
        expected['tier0'] = []
        expected['collector']['notes'] = [note]

    c.expect_bundle(p, adjust, tier0s='0 tier-0s')
    check(('segproof collect: note: ' + note) in p.stderr, 'no note on stderr')


@case('normal')
def an_unknown_certificate_is_refused_with_advice(c):
    c.write_sentinel()
    p = c.run(ca=False)
    c.expect_failure(p, r"GET %s: the manager's TLS certificate was not accepted \(SSL "
                        r'certificate problem: self-signed certificate\); pass --ca-file PEM '
                        r'.*or --insecure' % url(c, '/policy/api/v1/infra/services'),
                     out_existed=True)


@case('normal')
def insecure_warns_and_collects(c):
    p = c.run('--insecure', ca=False)
    c.expect_bundle(p)
    check(re.search(r'^segproof collect: warning: --insecure: the certificate of %s is not '
                    r'verified' % re.escape(c.server.url), p.stderr, re.M), 'no warning')


@case('normal')
def plain_http_is_refused_before_any_request(c):
    p = c.run(manager=c.server.url.replace('https://', 'http://'))
    c.expect_failure(p, r"--manager 'http://127\.0\.0\.1:\d+': refusing plain http")
    check(c.server.requests() == [], 'a request was made')


@case('normal')
def a_missing_password_is_a_usage_error(c):
    p = c.run(password_file=False)
    c.expect_failure(p, r'no password: pass --password-file FILE or set SEGPROOF_NSX_PASSWORD')
    check(c.server.requests() == [], 'a request was made')


def run_case(args, name):
    mode, function = CASES[name]
    tmp = tempfile.mkdtemp(prefix='segproof-collect-test-')
    try:
        make_certificate(tmp)
        with Server(tmp, args.data, mode) as server:
            function(Context(args, tmp, server))
        return True
    except (Failure, subprocess.TimeoutExpired) as e:
        print('FAIL %s: %s' % (name, e))
        return False
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('--segproof', required=True)
    parser.add_argument('--data', required=True)
    parser.add_argument('--list', action='store_true', help='print the case names')
    parser.add_argument('cases', nargs='*')
    args = parser.parse_args()
    if args.list:
        print('\n'.join(CASES))
        return 0
    names = list(CASES) if args.cases in ([], ['all']) else args.cases
    unknown = [n for n in names if n not in CASES]
    if unknown:
        print('unknown case: %s' % ', '.join(unknown))
        return 2
    failed = [n for n in names if not run_case(args, n)]
    print('%d passed, %d failed%s' % (len(names) - len(failed), len(failed),
                                      ': ' + ', '.join(failed) if failed else ''))
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
