"""gunicorn behind nginx (deploy/nginx.conf): sync workers on the loopback interface only."""

import multiprocessing
import os

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8001")
workers = int(os.environ.get("GUNICORN_WORKERS", multiprocessing.cpu_count() * 2 + 1))
worker_class = "sync"
# A request that takes longer is cut off and logged; no page needs more than a few seconds.
timeout = 30
graceful_timeout = 30
# nginx, on this machine, says which requests came over TLS (X-Forwarded-Proto).
forwarded_allow_ips = "127.0.0.1"
errorlog = "-"
