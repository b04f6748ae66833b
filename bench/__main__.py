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

A run of a few seconds is disturbed by whatever else the machine does meanwhile, by 10% or
more either way: every page is measured in several rounds, each a run of every page, the
second round in the reverse order of the first and so on, and each figure printed is the
median of its rounds'. A page at two sizes is measured in adjacent runs, and their ratio is
printed with the lowest and highest of its rounds.

It also prints the queries and bytes of each page, the time of load_initial_data on a fresh
database, and a load test: 64 connections at once on a list, a detail page and search, with
the errors and the 99th-percentile latency. The figures are printed, not judged against a
threshold: the targets are printed beside them.

Variables: BENCH_SECONDS (each run, default 3), BENCH_ROUNDS (default 3), BENCH_LOAD_SECONDS
(the load test, default 60), BENCH_SIZES (events in each database, default 1000,100000),
BENCH_PAGES (the page types measured, by the names the table gives them, default all:
"events,on a day").
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
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "3"))
LOAD_SECONDS = int(os.environ.get("BENCH_LOAD_SECONDS", "60"))
SIZES = [int(size) for size in os.environ.get("BENCH_SIZES", "1000,100000").split(",")]
PAGES = [name for name in os.environ.get("BENCH_PAGES", "").split(",") if name]
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
        self.measured = []
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
            if not self.measured:
                self.measured = self.chosen(self.pages[size])

    @staticmethod
    def chosen(pages):
        """The names of the pages to measure: those BENCH_PAGES gives, or all."""
        unknown = [name for name in PAGES if name not in pages]
        if unknown:
            sys.exit(f"BENCH_PAGES names no page {', '.join(unknown)}: the pages are {', '.join(pages)}.")
        return PAGES or list(pages)

    def start(self):
        self.hello = Server("bench.wsgi", self.base | {"DJANGO_SETTINGS_MODULE": "bench.settings"})
        for size in SIZES:
            self.sites[size] = Server("config.wsgi", self.environment(f"events-{size}"))
        self.hello.get("/")
        self.warm()

    def warm(self):
        for size, server in self.sites.items():
            for name in self.measured:
                server.warm(self.pages[size][name]["path"])

    def stop(self):
        for server in [self.hello, *self.sites.values()]:
            if server is not None:
                errors = server.stop()
                if "Traceback" in errors:
                    say(f"A server logged an error:\n{errors}")

    def measure(self):
        # Every page as served first: the runs that defeat the cache fill it with pages of
        # their own, which push the others out.
        plan = [(name, fresh, size) for fresh in (False, True) for name in self.measured for size in SIZES]
        say(
            f"Measuring {len(plan)} runs of {SECONDS} s in each of {ROUNDS} rounds, each run between two "
            "runs of the hello-world."
        )
        hello_runs = [wrk(self.hello, ["/"], SECONDS)]
        for number in range(ROUNDS):
            say(f"  round {number + 1} of {ROUNDS}")
            if number:
                self.warm()  # The pages as served again, after the last round's runs that defeat it.
            for name, fresh, size in plan if number % 2 == 0 else reversed(plan):
                path = self.pages[size][name]["path"]
                run = wrk(self.sites[size], [path], SECONDS, fresh=fresh, token=f"page{len(hello_runs)}")
                hello_runs.append(wrk(self.hello, ["/"], SECONDS))
                compared = Compared(run, hello_runs[-2], hello_runs[-1])
                self.runs.setdefault((name, fresh, size), Rounds()).append(compared)
        say()
        say("Each figure is the median of its rounds. ×hello: the page's rate over the hello-world's,")
        say("and the hello-world's time over the page's for latencies and the server's processor time")
        say("(CPU) per request.")
        say()
        say(
            f"{'page':<11}{'events':>7} {'cache':<9}{'req/s':>7}{'×hello':>7}{'p50 ms':>8}{'×hello':>7}"
            f"{'p99 ms':>8}{'×hello':>7}{'CPU ms':>7}{'×hello':>7}{'queries':>8}{'KB':>7}{'gzip':>6}"
        )
        for name, fresh, size in plan:
            rounds = self.runs[name, fresh, size]
            page = self.pages[size][name]
            queries = page["queries"] if fresh else page["queries_cached"]
            errors = sum(compared.run.errors for compared in rounds)
            figures = "".join(
                f"{rounds.of(measure):>{width}.{digits}f}{shown(rounds.compared(against))}"
                for measure, width, digits, against in [
                    ("per_second", 7, 0, "rate"),
                    ("p50_ms", 8, 1, "p50"),
                    ("p99_ms", 8, 1, "p99"),
                    ("cpu_ms", 7, 2, "cpu"),
                ]
            )
            say(
                f"{name:<11}{size:>7} {'defeated' if fresh else 'served':<9}{figures}{queries:>8}"
                f"{page['bytes'] / 1000:>7.1f}{page['gzip_bytes'] / 1000:>6.1f}"
                + (f"  {errors} errors" if errors else "")
            )
        say(
            f"hello-world (median of its runs): {statistics.median(h.per_second for h in hello_runs):.0f} "
            f"req/s, p50 {statistics.median(h.p50_ms for h in hello_runs):.1f} ms, "
            f"p99 {statistics.median(h.p99_ms for h in hello_runs):.1f} ms, "
            f"{statistics.median(h.cpu_ms for h in hello_runs):.2f} ms CPU a request"
        )

    def load_test(self):
        largest = SIZES[-1]
        paths = [self.pages[largest][name]["path"] for name in LOAD_PAGES]
        say()
        say(f"Load test: 64 connections for {LOAD_SECONDS} s on {', '.join(paths)} ({largest:,} events),")
        say("10 s timeout")
        for fresh in (False, True):
            for path in paths:
                self.sites[largest].get(path)  # in the cache again, after the runs that defeat it
            run = wrk(self.sites[largest], paths, LOAD_SECONDS, 64, fresh, f"load{fresh}")
            say(
                f"  {'cache defeated' if fresh else 'as served':<15} {run.requests} requests, "
                f"{run.per_second:.0f}/s, {run.errors} errors, "
                f"p50 {run.p50_ms:.1f} ms, p99 {run.p99_ms:.1f} ms"
            )

    # Report

    def report(self):
        say()
        say("Setting up")
        for name, timed in self.timings.items():
            say(f"  {name}: {timed.seconds:.1f} s ({timed.cpu_seconds:.1f} s of processor time)")
        say()
        self.report_targets()

    def report_targets(self):
        say("Targets (measured, not asserted), by rate and by the server's processor time:")
        names = self.measured
        for label, goal, fresh, pages in [
            ("cached pages", 0.8, False, names),
            ("uncached lists", 0.05, True, [name for name in LISTS if name in names]),
        ]:
            for measure in ["rate", "cpu"] if pages else []:
                figures = {
                    (name, size): self.runs[name, fresh, size].compared(measure) or 0.0
                    for name in pages
                    for size in SIZES
                }
                worst = min(figures, key=figures.get)
                say(
                    f"  {label} at least {goal}× hello, by {measure}: "
                    f"median {statistics.median(figures.values()):.3f}×, "
                    f"lowest {figures[worst]:.3f}× ({worst[0]}, {worst[1]:,} events)"
                )
        if len(SIZES) > 1:
            small, large = SIZES[0], SIZES[-1]
            say(
                f"  {large:,} events at least 0.9× the speed at {small:,}, by rate [lowest–highest "
                "round] (by CPU):"
            )
            for fresh in (False, True):
                figures = []
                for name in names:
                    # The two sizes of a page are measured one after the other in every round.
                    pairs = [
                        (at_small.run, at_large.run)
                        for at_small, at_large in zip(
                            self.runs[name, fresh, small], self.runs[name, fresh, large], strict=True
                        )
                    ]
                    by_rate = [ratio(more.per_second, fewer.per_second) for fewer, more in pairs]
                    by_cpu = [ratio(fewer.cpu_ms, more.cpu_ms) for fewer, more in pairs]
                    figures.append(f"{name} {spread(by_rate)} ({shown(median(by_cpu)).strip()})")
                say(f"    {'cache defeated' if fresh else 'as served'}: {', '.join(figures)}")
        load = self.timings["load_initial_data"]
        say(f"  load_initial_data under 5 s: {load.seconds:.1f} s ({load.cpu_seconds:.1f} s of processor)")


def ratio(numerator, denominator):
    return numerator / denominator if denominator else None


def shown(value):
    return f"{value:>7.2f}" if value is not None else f"{'n/a':>7}"


def median(values):
    """The median of ``values``, None if any is missing (a run that served nothing)."""
    return statistics.median(values) if values and None not in values else None


def spread(values):
    """A ratio's median over the rounds, with the lowest and highest round's where there are several."""
    middle = shown(median(values)).strip()
    if len(values) < 2 or None in values:
        return middle
    return f"{middle} [{min(values):.2f}–{max(values):.2f}]"


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
        return ratio(self.run.per_second, self.hello("per_second"))

    @property
    def p50(self):
        return ratio(self.hello("p50_ms"), self.run.p50_ms)

    @property
    def p99(self):
        return ratio(self.hello("p99_ms"), self.run.p99_ms)

    @property
    def cpu(self):
        return ratio(self.hello("cpu_ms"), self.run.cpu_ms)


class Rounds(list):
    """The ``Compared`` runs of one page, one from each round; each figure the median of theirs."""

    def of(self, measure):
        """The median of a figure of the runs: ``per_second``, ``p50_ms``…"""
        return median([getattr(compared.run, measure) for compared in self])

    def compared(self, measure):
        """The median of a ratio to the hello-world: ``rate``, ``p50``, ``p99`` or ``cpu``."""
        return median([getattr(compared, measure) for compared in self])


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
