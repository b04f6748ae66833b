"""
Show that slow clients cannot stop the site behind nginx, and can without it.

Starts the site in gunicorn with two sync workers on a throwaway SQLite database, and nginx
in front of it with deploy/nginx.conf, both on free ports of 127.0.0.1. Two connections then
trickle their headers, a line every half second, at gunicorn directly and at nginx in turn;
meanwhile an ordinary reader asks for a page every second. Prints how long each answer took.

    .venv/bin/python deploy/slow_clients.py   # needs nginx (apt-get install nginx-light)
"""

import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TRICKLERS = 2
TRICKLE_SECONDS = 8
READER_TIMEOUT = 5


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for(port, timeout=30):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.1)
    raise RuntimeError(f"nothing listens on port {port}")


def trickle(port, stop):
    """Send a request's headers a line at a time, never finishing them."""
    with socket.create_connection(("127.0.0.1", port)) as conn:
        conn.sendall(b"GET /events/ HTTP/1.1\r\nHost: 127.0.0.1\r\n")
        number = 0
        while not stop.is_set():
            try:
                conn.sendall(f"X-Slow-{number}: x\r\n".encode())
            except OSError:
                return  # the server hung up on us: as it should, in time
            number += 1
            stop.wait(0.5)


def read_page(port):
    started = time.monotonic()
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/events/", timeout=READER_TIMEOUT) as response:
            response.read()
            return f"{response.status} in {time.monotonic() - started:.3f} s"
    except OSError as error:
        return f"no answer within {READER_TIMEOUT} s ({type(error).__name__})"


def trial(name, port):
    stop = threading.Event()
    tricklers = [threading.Thread(target=trickle, args=(port, stop)) for _ in range(TRICKLERS)]
    for thread in tricklers:
        thread.start()
    time.sleep(1)
    answers = []
    deadline = time.monotonic() + TRICKLE_SECONDS
    while time.monotonic() < deadline:
        answers.append(read_page(port))
        time.sleep(1)
    stop.set()
    for thread in tricklers:
        thread.join()
    print(f"{name}, while {TRICKLERS} clients trickle their headers:")
    for answer in answers:
        print(f"  a reader's request: {answer}")


def main():
    nginx = shutil.which("nginx") or "/usr/sbin/nginx"
    if not Path(nginx).exists():
        sys.exit("nginx is not installed: apt-get install nginx-light")
    work = Path(tempfile.mkdtemp(prefix="slow-clients-"))
    app_port, proxy_port = free_port(), free_port()
    env = {
        **os.environ,
        "DJANGO_DEBUG": "0",
        "DJANGO_SECRET_KEY": "slow-clients-trial-only-0123456789-abcdefghijklmnopqrstuvwxyz",
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "DATABASE_URL": f"sqlite:///{work / 'site.sqlite3'}",
        "DJANGO_BEHIND_PROXY": "1",
    }
    python = sys.executable
    for command in [["migrate", "--no-input"], ["load_initial_data"], ["collectstatic", "--no-input"]]:
        subprocess.run([python, "manage.py", *command], cwd=ROOT, env=env, check=True, capture_output=True)
    site = (ROOT / "deploy" / "nginx.conf").read_text()
    site = re.sub(r"server 127\.0\.0\.1:\d+;", f"server 127.0.0.1:{app_port};", site)
    site = site.replace("listen 80;", f"listen 127.0.0.1:{proxy_port};")
    (work / "nginx.conf").write_text(
        f"worker_processes 1;\npid {work}/nginx.pid;\nerror_log {work}/error.log;\n"
        f"events {{ worker_connections 256; }}\n"
        f"http {{\n access_log off;\n client_body_temp_path {work};\n proxy_temp_path {work};\n{site}\n}}\n"
    )
    gunicorn = subprocess.Popen(
        [python, "-m", "gunicorn", "-c", "deploy/gunicorn.conf.py", "config.wsgi"],
        cwd=ROOT,
        env={**env, "GUNICORN_BIND": f"127.0.0.1:{app_port}", "GUNICORN_WORKERS": "2"},
        stderr=subprocess.DEVNULL,
    )
    proxy = subprocess.Popen([nginx, "-p", str(work), "-c", str(work / "nginx.conf"), "-g", "daemon off;"])
    try:
        wait_for(app_port)
        wait_for(proxy_port)
        print(f"gunicorn: 2 sync workers on port {app_port}; nginx in front on port {proxy_port}\n")
        trial("gunicorn alone", app_port)
        print()
        trial("behind nginx", proxy_port)
    finally:
        proxy.terminate()
        gunicorn.terminate()
        proxy.wait(10)
        gunicorn.wait(40)
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
