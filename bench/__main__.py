"""
`make bench` (``python -m bench``): how fast the site serves each type of page, beside a
Django hello-world served the same way.

Everything runs on 127.0.0.1, in a temporary directory, with production settings (debug
off, a secret key made for the run, static files collected and served by WhiteNoise) and
gunicorn with two sync workers. For every page type it measures, with wrk (two threads, 16
connections, accepting gzip as browsers do), the requests a second, the median and
99th-percentile latency and the server's processor time per request, each also as a ratio
to the hello-world's, with the page as served (from the page cache) and with the cache
defeated (a query parameter of its own on every request), on a database of 1,000 and one
of 100,000 events made by generate_demo_data. A hello-world run comes before every measured
run and after the last, and each run is compared with the mean of the two around it; the
processor time per request is the figure least disturbed by other work on the machine.

It also prints the queries and bytes of each page, the time of load_initial_data on a fresh
database, and a load test: 64 connections at once on a list, a detail page and search, with
the errors and the 99th-percentile latency. The figures are printed, not judged against a
threshold: the targets are printed beside them.

Variables: BENCH_SECONDS (each run, default 3), BENCH_LOAD_SECONDS (the load test, default
60), BENCH_SIZES (events in each database, default 1000,100000).
"""

import os
import secrets
import statistics
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from .processes import Run, Server, manage, probe, require_wrk, site_environment, wrk

SECONDS = int(os.environ.get("BENCH_SECONDS", "3"))
LOAD_SECONDS = int(os.environ.get("BENCH_LOAD_SECONDS", "60"))
SIZES = [int(size) for size in os.environ.get("BENCH_SIZES", "1000,100000").split(",")]
LISTS = ["events", "envoys", "missions", "agreements", "sources"]
LOAD_PAGES = ["events", "event", "search"]


def say(text=""):
    print(text, flush=True)


class Bench:
    def __init__(self, directory):
        self.directory = directory
        self.secret_key = secrets.token_urlsafe(50)
        self.base = site_environment(
            DJANGO_SETTINGS_MODULE="config.settings",
            DJANGO_DEBUG="0",
            DJANGO_SECRET_KEY=self.secret_key,
            DJANGO_ALLOWED_HOSTS="127.0.0.1",
            DJANGO_STATIC_ROOT=str(directory / "static"),
            DJANGO_LOG_LEVEL="ERROR",
        )
        self.sites, self.pages, self.timings, self.runs = {}, {}, {}, {}
        self.hello = None

    def environment(self, name, **extra):
        return {
            **self.base,
            "DATABASE_URL": f"sqlite:///{self.directory / f'{name}.sqlite3'}",
            "DJANGO_CACHE_DIR": str(self.directory / f"cache-{name}"),
            **extra,
        }

    def prepare(self):
        say("Collecting static files, migrating and loading the fixtures…")
        manage(self.base | {"DATABASE_URL": "sqlite:///:memory:"}, "collectstatic", "--no-input")
        fixtures = self.environment("fixtures")
        manage(fixtures, "migrate", "--no-input")
        self.timings["load_initial_data"] = manage(fixtures, "load_initial_data")
        for size in SIZES:
            say(f"Making a database of {size:,} events…")
            env = self.environment(f"events-{size}")
            manage(env, "migrate", "--no-input")
            self.timings[f"generate_demo_data --events {size}"] = manage(
                env, "generate_demo_data", f"--events={size}"
            )
            # The probe asks as "testserver", whose pages the benchmark never requests.
            self.pages[size] = probe(env | {"DJANGO_ALLOWED_HOSTS": "testserver"})

    def start(self):
        self.hello = Server("bench.wsgi", self.base | {"DJANGO_SETTINGS_MODULE": "bench.settings"})
        for size in SIZES:
            self.sites[size] = Server("config.wsgi", self.environment(f"events-{size}"))
        self.hello.get("/")
        for size, server in self.sites.items():
            for page in self.pages[size].values():
                for _warm_both_workers in range(4):
                    server.get(page["path"])

    def stop(self):
        for server in [self.hello, *self.sites.values()]:
            if server is not None:
                errors = server.stop()
                if "Traceback" in errors:
                    say(f"A server logged an error:\n{errors}")

    def measure(self):
        plan = [
            (name, fresh, size) for name in self.pages[SIZES[0]] for fresh in (False, True) for size in SIZES
        ]
        say(f"Measuring {len(plan)} runs of {SECONDS} s, each between two runs of the hello-world…")
        hello_runs = [wrk(self.hello, ["/"], SECONDS)]
        for number, (name, fresh, size) in enumerate(plan):
            path = self.pages[size][name]["path"]
            run = wrk(self.sites[size], [path], SECONDS, fresh=fresh, token=f"page{number}")
            hello_runs.append(wrk(self.hello, ["/"], SECONDS))
            self.runs[name, fresh, size] = Compared(run, hello_runs[-2], hello_runs[-1])

    def load_test(self):
        largest = SIZES[-1]
        paths = [self.pages[largest][name]["path"] for name in LOAD_PAGES]
        say(f"Load test: 64 connections for {LOAD_SECONDS} s on {', '.join(paths)} ({largest:,} events)…")
        self.load = {
            fresh: wrk(self.sites[largest], paths, LOAD_SECONDS, 64, fresh, f"load{fresh}")
            for fresh in (False, True)
        }

    # Report

    def report(self):
        say()
        say("Setting up")
        for name, timed in self.timings.items():
            say(f"  {name}: {timed.seconds:.1f} s ({timed.cpu_seconds:.1f} s of processor time)")
        say()
        say("Pages (×hello: the hello-world's figure over the page's for times, the page's over the")
        say("hello-world's for rates; CPU: the server's processor time per request)")
        say(
            f"{'page':<11}{'events':>7} {'cache':<9}{'req/s':>7}{'×hello':>7}{'p50 ms':>8}{'×hello':>7}"
            f"{'p99 ms':>8}{'×hello':>7}{'CPU ms':>7}{'×hello':>7}{'queries':>8}{'KB':>7}{'gzip':>6}"
        )
        for (name, fresh, size), compared in self.runs.items():
            run, page = compared.run, self.pages[size][name]
            queries = page["queries"] if fresh else page["queries_cached"]
            errors = f"  {run.errors} errors" if run.errors else ""
            say(
                f"{name:<11}{size:>7} {'defeated' if fresh else 'served':<9}{run.per_second:>7.0f}"
                f"{compared.rate:>7.2f}{run.p50_ms:>8.1f}{compared.p50:>7.2f}{run.p99_ms:>8.1f}"
                f"{compared.p99:>7.2f}{run.cpu_ms:>7.2f}{compared.cpu:>7.2f}{queries:>8}"
                f"{page['bytes'] / 1000:>7.1f}{page['gzip_bytes'] / 1000:>6.1f}{errors}"
            )
        hellos = [compared.before for compared in self.runs.values()]
        say(
            f"hello-world (median of its runs): {statistics.median(h.per_second for h in hellos):.0f} req/s, "
            f"p50 {statistics.median(h.p50_ms for h in hellos):.1f} ms, "
            f"p99 {statistics.median(h.p99_ms for h in hellos):.1f} ms, "
            f"{statistics.median(h.cpu_ms for h in hellos):.2f} ms CPU a request"
        )
        say()
        say("Load test: 64 connections, 10 s timeout")
        for fresh, run in self.load.items():
            say(
                f"  {'cache defeated' if fresh else 'as served':<15} {run.requests} requests, "
                f"{run.per_second:.0f}/s, {run.errors} errors, "
                f"p50 {run.p50_ms:.1f} ms, p99 {run.p99_ms:.1f} ms"
            )
        say()
        self.report_targets()

    def report_targets(self):
        say("Targets (measured, not asserted)")
        names = list(self.pages[SIZES[0]])
        cached = {(name, size): self.runs[name, False, size] for name in names for size in SIZES}
        for label, measure in [("req/s", "rate"), ("CPU", "cpu")]:
            worst = min(cached, key=lambda key: getattr(cached[key], measure))
            figures = sorted(getattr(compared, measure) for compared in cached.values())
            say(
                f"  cached pages at least 0.8× hello, by {label}: median {statistics.median(figures):.2f}×, "
                f"lowest {figures[0]:.2f}× ({worst[0]}, {worst[1]:,} events)"
            )
        lists = {(name, size): self.runs[name, True, size].rate for name in LISTS for size in SIZES}
        worst = min(lists, key=lists.get)
        say(
            f"  uncached lists at least 0.05× hello: lowest {lists[worst]:.3f}× "
            f"({worst[0]}, {worst[1]:,} events)"
        )
        if len(SIZES) > 1:
            small, large = SIZES[0], SIZES[-1]
            say(f"  {large:,} events at least 0.9× the speed at {small:,} (req/s, each page):")
            for fresh in (False, True):
                shown = ", ".join(
                    f"{name} {self.runs[name, fresh, large].rate / self.runs[name, fresh, small].rate:.2f}"
                    for name in names
                )
                say(f"    {'cache defeated' if fresh else 'as served'}: {shown}")
        load = self.timings["load_initial_data"]
        say(f"  load_initial_data under 5 s: {load.seconds:.1f} s ({load.cpu_seconds:.1f} s of processor)")


@dataclass
class Compared:
    """A run of a page, the hello-world's runs before and after it, and the ratios to them."""

    run: Run
    before: Run
    after: Run

    def hello(self, measure):
        return statistics.mean([getattr(self.before, measure), getattr(self.after, measure)])

    @property
    def rate(self):
        return self.run.per_second / self.hello("per_second")

    @property
    def p50(self):
        return self.hello("p50_ms") / self.run.p50_ms

    @property
    def p99(self):
        return self.hello("p99_ms") / self.run.p99_ms

    @property
    def cpu(self):
        return self.hello("cpu_ms") / self.run.cpu_ms if self.run.cpu_ms else 0.0


def main():
    require_wrk()
    with tempfile.TemporaryDirectory(prefix="relations-bench-") as directory:
        bench = Bench(Path(directory))
        bench.prepare()
        try:
            bench.start()
            bench.measure()
            bench.load_test()
        finally:
            bench.stop()
        bench.report()


if __name__ == "__main__":
    sys.exit(main())
