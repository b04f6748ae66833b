"""
`make bench`: the site's speed beside a Django hello-world served the same way.

See ``__main__.py`` for what is measured and how; ``settings.py``, ``urls.py`` and
``wsgi.py`` are the hello-world project.
"""
