"""
Submitting a page's form as a browser does: every field with the value the page gives it.

Admin tests open the rendered change form, change what a person would change, and post
the rest exactly as served, so that a field the page fails to send is caught.
"""

import lxml.html


def form_data(html, form_id=None):
    """
    Return the values a browser would submit from the page's form ``form_id``, or from its
    largest form (an admin page also has the search and log-out forms).
    """
    document = lxml.html.fromstring(html)
    if form_id is None:
        form = max(document.forms, key=lambda candidate: len(candidate.inputs))
    else:
        form = document.get_element_by_id(form_id)
    data = {}
    for name, value in form.form_values():
        data.setdefault(name, []).append(value)
    for textarea in form.xpath(".//textarea[@name]"):
        # A browser drops the line break that may open a textarea's content; lxml keeps it.
        values = data.get(textarea.name, [])
        if values and values[0].startswith("\n"):
            values[0] = values[0][1:]
    return data


def submit(client, url, changes=None, form_id=None):
    """Open ``url``, apply ``changes`` to its form and post it back; return the response."""
    page = client.get(url)
    assert page.status_code == 200, f"{url}: {page.status_code}"
    data = form_data(page.content.decode(), form_id)
    for name, value in (changes or {}).items():
        data[name] = value if isinstance(value, list) else [value]
    return client.post(url, data)
