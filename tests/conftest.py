import os

# Browser tests drive a live server from the test process; Playwright's own event loop
# would otherwise make Django refuse synchronous database access.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
