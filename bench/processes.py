"""
The processes the benchmark runs: manage.py commands, gunicorn servers and wrk.

Every server listens on a socket of 127.0.0.1 that the benchmark binds first, on a port the
system chooses, and hands to gunicorn; requests sent before a server is ready wait in that
socket's queue.
"""

import json
import os
import resource
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

REPOSITORY = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
LUA = Path(__file__).with_name("requests.lua")


def require_wrk():
    """Stop with how to install wrk where it is missing: the benchmark installs nothing."""
    if shutil.which("wrk") is None:
        sys.exit("make bench needs wrk, the HTTP benchmarking tool: apt-get install wrk (Debian, Ubuntu).")


def site_environment(**variables):
    """This process's environment without the site's own variables, and then ``variables``."""
    own = ("DJANGO_", "DATABASE_URL", "REDIS_URL")
    env = {name: value for name, value in os.environ.items() if not name.startswith(own)}
    return {**env, "PYTHONDONTWRITEBYTECODE": "1", **variables}


@dataclass
class Timed:
    seconds: float
    cpu_seconds: float
    output: str


def manage(env, *arguments):
    """Run a manage.py command; return how long it took, on the clock and on the processor."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    result = subprocess.run(
        [str(BIN / "python"), "manage.py", *arguments],
        cwd=REPOSITORY,
        env=env,
        capture_output=True,
        text=True,
    )
    seconds = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if result.returncode:
        sys.exit(f"manage.py {' '.join(arguments)} failed:\n{result.stdout}{result.stderr}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return Timed(seconds, cpu, result.stdout)


def probe(env):
    """The pages of every type and what each costs (see probe.py)."""
    result = subprocess.run(
        [str(BIN / "python"), "-m", "bench.probe"], cwd=REPOSITORY, env=env, capture_output=True, text=True
    )
    if result.returncode:
        sys.exit(f"The probe failed:\n{result.stderr}")
    return json.loads(result.stdout)


class Server:
    """gunicorn serving ``application`` with two sync workers, as the site is measured."""

    def __init__(self, application, env, workers=2):
        self.socket = socket.socket()
        self.socket.bind(("127.0.0.1", 0))
        self.socket.listen(2048)
        self.url = f"http://127.0.0.1:{self.socket.getsockname()[1]}"
        fd = self.socket.fileno()
        self.process = subprocess.Popen(
            [str(BIN / "gunicorn"), application, "--bind", f"fd://{fd}", "--workers", str(workers)],
            cwd=REPOSITORY,
            env=env,
            pass_fds=[fd],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )

    def get(self, path):
        with urllib.request.urlopen(self.url + path, timeout=60) as response:
            return response.status

    def warm(self, path, workers=2):
        """
        Ask for ``path`` as served and with the cache defeated, several requests at once, so
        that every worker has worked out what it keeps in its own memory (the figures, the
        items of lists) before a run measures it, as a site's workers have after a while.
        """
        separator = "&" if "?" in path else "?"
        fresh = [f"{path}{separator}warm={number}" for number in range(4 * workers)]
        with ThreadPoolExecutor(2 * workers) as pool:
            list(pool.map(self.get, [path] * (2 * workers) + fresh))

    def settle(self, path, workers=2):
        """
        Wait until the requests a run left queued are answered: wrk stops waiting at the end
        of a run, but the server goes on working through them, and would slow the next run.
        """
        with ThreadPoolExecutor(workers) as pool:
            list(pool.map(lambda _worker: self.get(path), range(workers)))
        used = self.cpu_seconds()
        for _tenth in range(600):
            time.sleep(0.1)
            if self.cpu_seconds() == used:
                return
            used = self.cpu_seconds()

    def cpu_seconds(self):
        """The processor time the server's processes have used so far."""
        pids = [self.process.pid]
        children = Path(f"/proc/{self.process.pid}/task/{self.process.pid}/children")
        if children.exists():
            pids += [int(pid) for pid in children.read_text().split()]
        ticks = 0
        for pid in pids:
            try:
                fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            except FileNotFoundError:
                continue
            ticks += int(fields[11]) + int(fields[12])  # utime and stime
        return ticks / os.sysconf("SC_CLK_TCK")

    def stop(self):
        self.process.terminate()
        try:
            _out, errors = self.process.communicate(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            _out, errors = self.process.communicate()
        self.socket.close()
        return errors.decode(errors="replace")


@dataclass
class Run:
    """What one wrk run measured, and the server's processor time per request."""

    requests: int
    seconds: float
    p50_ms: float
    p99_ms: float
    errors: int
    cpu_ms: float

    @property
    def per_second(self):
        return self.requests / self.seconds if self.seconds else 0.0


def wrk(server, paths, seconds, connections=16, fresh=False, token="run"):
    """Send requests for ``paths`` in turn for ``seconds``; with ``fresh``, each one uncached."""
    command = [
        "wrk",
        "-t2",
        f"-c{connections}",
        f"-d{seconds}s",
        "--timeout",
        "10s",
        # As a browser does: pages may come compressed.
        "--header",
        "Accept-Encoding: gzip, deflate, br",
        "-s",
        str(LUA),
        server.url,
        "--",
        "fresh" if fresh else "as-served",
        token,
        *paths,
    ]
    cpu_before = server.cpu_seconds()
    result = subprocess.run(command, capture_output=True, text=True, timeout=seconds + 60)
    cpu = server.cpu_seconds() - cpu_before
    server.settle(paths[0])
    figures = next((line for line in result.stdout.splitlines() if line.startswith("BENCH ")), None)
    if result.returncode or figures is None:
        sys.exit(f"wrk failed:\n{result.stdout}{result.stderr}")
    data = json.loads(figures.removeprefix("BENCH "))
    return Run(
        requests=data["requests"],
        seconds=data["seconds"],
        p50_ms=data["p50_ms"],
        p99_ms=data["p99_ms"],
        errors=sum(data["errors"].values()),
        cpu_ms=cpu * 1000 / data["requests"] if data["requests"] else 0.0,
    )
