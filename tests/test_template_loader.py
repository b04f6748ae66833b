"""
The public pages' templates are read without their indentation, and say all they said; no
line of them is too long to read.
"""

from pathlib import Path

from django.conf import settings
from django.template import Context, Engine
from hypothesis import given
from hypothesis import strategies as st

from relations.template_loader import INDENTED


def render(directory, name, source):
    path = directory / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(source)
    engine = Engine(dirs=[str(directory)], loaders=["relations.template_loader.Loader"])
    return engine.get_template(name).render(Context({"name": "Cooley"}))


def test_indentation_and_blank_lines_are_left_out_and_every_line_break_stays(tmp_path):
    source = "<ul>\n    <li>{{ name }}\n      appointed</li>\n\n  \n    <li>Larned</li>\n</ul>\n"
    assert (
        render(tmp_path, "page.html", source) == "<ul>\n<li>Cooley\nappointed</li>\n<li>Larned</li>\n</ul>\n"
    )


def test_a_template_whose_spaces_are_shown_and_the_admins_are_read_as_they_are(tmp_path):
    for name, source in [
        ("code.html", "<pre>\n    indented\n</pre>\n"),
        ("form.html", "<textarea>\n  two spaces</textarea>\n"),
        ("admin/compare.html", "<td>\n    {{ name }}</td>\n"),
    ]:
        assert render(tmp_path, name, source) == source.replace("{{ name }}", "Cooley")


@given(st.text(alphabet="ab \t\n", max_size=60))
def test_no_two_words_run_together_and_none_is_lost(text):
    # HTML reads any run of spaces and line breaks as one space: so must the text left.
    assert INDENTED.sub("\n", text).split() == text.split()


def test_no_line_of_the_sites_templates_is_over_160_characters():
    templates = Path(settings.BASE_DIR) / "templates"
    long = [
        f"{path.relative_to(templates)}:{number}"
        for path in sorted(templates.rglob("*.html"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if len(line) > 160
    ]
    assert len(list(templates.rglob("*.html"))) > 40
    assert long == []
