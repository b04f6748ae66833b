"""
The site's content as the committed fixtures hold it: cited, checked by the site's own
``check_citations``, honest about disagreement and about how each date is known, one entry
per happening under one title, and telling what the seed texts tell.

The entries made from the five seed texts cite a seed text first; the Office of the
Historian's import makes the others, and what it makes of its records is tested with the
import. The cases the content must show are in tests/content_cases.py.
"""

import re
from collections import Counter
from pathlib import Path

import lxml.html
import pytest
from django.apps import apps
from django.conf import settings
from django.contrib.staticfiles import finders
from django.db import connection, models
from django.db.models import Count

from relations.citation_check import FOUND, check_duplicates, quotation_status
from relations.citations import Notes
from relations.models import Agreement, Appointment, Citation, Entry, Envoy, Event, Mission, Source
from relations.partial_dates import PartialDate, PartialDateField
from relations.quotations import is_quoted_from, normalized
from tests.content_cases import (
    BREAKS,
    COMPATIBLE,
    CURRENT_WORDS,
    DERIVED_DATES,
    DISAGREEMENTS,
    RECORD_SPELLINGS,
    SEED_FACTS,
    SEED_SOURCES,
    SPELLINGS,
)
from tests.content_support import (
    SEED_TEXTS,
    SEEDS,
    check_citations,
    citations_of,
    entry,
    from_seeds,
    groups,
    own_text,
    parts_of,
    repeats,
    seed_entries,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("committed_content")]

ENTRY_MODELS = [m for m in apps.get_app_config("relations").get_models() if issubclass(m, Entry)]
PAGE_MODELS = [Event, Envoy, Mission, Agreement]


# Cited, and checked against the sources ----------------------------------------------------------


@pytest.mark.parametrize("model", ENTRY_MODELS, ids=lambda m: m.__name__)
def test_every_published_entry_is_cited_with_locator_and_quotation(model):
    for published in model.objects.published().prefetch_related("citations"):
        citations = citations_of(published)
        assert citations, f"{published.pk} has no citation"
        for citation in citations:
            assert citation.locator.strip(), f"{published.pk}: {citation}"
            assert citation.quotation.strip(), f"{published.pk}: {citation}"


def test_every_appointment_is_cited():
    assert not Appointment.objects.filter(citations__isnull=True).exists()


def test_every_object_passes_validation_and_every_date_is_stored_to_its_precision():
    for model in apps.get_app_config("relations").get_models():
        date_fields = [f for f in model._meta.concrete_fields if isinstance(f, PartialDateField)]
        for instance in model.objects.all():
            instance.full_clean()
            for model_field in date_fields:
                value = getattr(instance, model_field.name)
                assert value is None or isinstance(value, PartialDate)
    with connection.cursor() as cursor:
        cursor.execute("SELECT date, end_date FROM relations_event")
        for row in cursor.fetchall():
            for value in row:
                if value is not None:
                    assert PartialDate.parse(value).stored() == value


def test_check_citations_passes_on_the_committed_fixtures():
    output, passed = check_citations()
    assert passed, output
    assert "Every citation checked holds." in output


def test_check_citations_fails_on_an_altered_quotation_and_names_the_entry():
    citation = Citation.objects.get(
        content_type__model="event", object_id="war-of-the-pacific", source="wikipedia-2024-revision"
    )
    citation.quotation = citation.quotation.replace("favored Peru", "favored Chile")
    citation.save()
    output, passed = check_citations()
    assert not passed
    [failure] = [line for line in output.splitlines() if line.startswith("event “war-of-the-pacific”")]
    assert failure.startswith("event “war-of-the-pacific”: citation 2 (")
    assert failure.endswith("the quotation is not in the source's stored text")


def test_check_citations_fails_on_a_quotation_altered_so_that_it_no_longer_states_its_value():
    citation = Citation.objects.get(
        content_type__model="event", object_id="us-reaction-to-1962-coup", source="hsg-chiefs-of-mission"
    )
    citation.quotation = citation.quotation.replace("1962-07-18", "1962-07-19")
    citation.save()
    output, passed = check_citations()
    assert not passed
    assert "does not state the value it gives for the date, “1962-07-18”" in output


def test_no_entry_cites_one_passage_twice():
    for model in [*PAGE_MODELS, Appointment]:
        for owner in model.objects.all().prefetch_related("citations"):
            assert check_duplicates(owner, citations_of(owner)) == [], owner.pk


def test_every_quotation_of_a_stored_seed_text_is_found_in_it():
    stored = Citation.objects.filter(source__in=SEEDS).exclude(source__text="").select_related("source")
    assert stored.count() > 100
    for citation in stored:
        assert quotation_status(citation) == FOUND, f"{citation.object_id}: {citation.quotation}"


@pytest.mark.skipif(
    not SEED_TEXTS.is_dir(), reason="The seed texts are not in ../shared/seeds beside this clone."
)
@pytest.mark.parametrize("source", ["globalsecurity-relations", "embassy-of-peru-history"])
def test_quotations_of_sources_not_stored_are_found_in_the_copy_read(source):
    """The site may not store these texts, so their quotations are checked against the copy read."""
    text = (SEED_TEXTS / SEEDS[source]).read_text(encoding="utf-8")
    citations = Citation.objects.filter(source=source)
    assert citations.count() > 20
    for citation in citations:
        assert is_quoted_from(citation.quotation, text), f"{citation.object_id}: {citation.quotation}"


# Only real disagreements, and every real one -----------------------------------------------------


def test_a_value_a_seed_gives_is_there_to_show_a_difference():
    """No claim carries seed values that all agree with each other: 2002 and 23 March 2002 are one."""
    claims = Citation.objects.filter(source__in=SEEDS).exclude(value="")
    for content_type, object_id, claim in claims.values_list(
        "content_type__model", "object_id", "claim"
    ).distinct():
        owner = entry(content_type, object_id)
        assert len(groups(owner, claim)) > 1, f"{content_type} {object_id}: the values for {claim} all agree"


@pytest.mark.parametrize(("model", "slug", "claim"), COMPATIBLE)
def test_values_that_can_both_be_true_are_not_shown_as_differing(model, slug, claim):
    owner = entry(model, slug)
    page = owner.envoy if isinstance(owner, Appointment) else owner
    notes = Notes(page, parts_of(page))
    assert notes.difference(owner, claim) is None


def test_successive_ambassadors_are_appointments_in_order_never_values_of_one_claim():
    embassy = Mission.objects.get(pk="us-embassy-lima")
    latest = [a.envoy_id for a in embassy.appointments.all()][-2:]
    assert latest == ["kenna-lisa-d", "syptak-ramnath-stephanie"]
    assert Notes(embassy).differences == {}
    for slug in ["us-pe-kenna-lisa-d", "us-pe-syptak-ramnath-stephanie"]:
        citations = citations_of(Appointment.objects.get(pk=slug))
        assert [c.value for c in citations] == [""]
        assert [c.current for c in citations] == [True]


def test_every_case_of_the_disagreements_has_a_row():
    assert sorted(DISAGREEMENTS) == list(range(1, 31))


@pytest.mark.parametrize("case", sorted(DISAGREEMENTS))
def test_each_disagreement_is_shown_or_explained(case):
    DISAGREEMENTS[case]()


# One passage once; titles and names -------------------------------------------------------------


def test_no_page_cites_a_passage_of_a_seed_text_twice():
    for model in PAGE_MODELS:
        for page in model.objects.published().prefetch_related("citations"):
            citations = [c for owner in [page, *parts_of(page)] for c in citations_of(owner)]
            for citation in citations:
                if citation.source_id not in SEEDS:
                    continue
                for other in citations:
                    assert other is citation or not repeats(citation, other), (
                        f"{page.pk}: {citation.quotation!r} repeats {other.source_id} {other.locator}"
                    )


@pytest.mark.parametrize(
    ("model", "field"), [(Event, "title"), (Agreement, "title"), (Mission, "name"), (Envoy, "name")]
)
def test_no_two_published_entries_of_one_type_share_a_title(model, field):
    titles = list(model.objects.published().values_list(field, flat=True))
    assert len(titles) > 5
    assert sorted({title for title in titles if titles.count(title) > 1}) == []


@pytest.mark.parametrize(("model", "field"), [(Event, "title"), (Agreement, "title"), (Mission, "name")])
def test_every_published_event_agreement_and_mission_has_the_sites_spanish_title_and_summary(model, field):
    published = list(model.objects.published())
    assert len(published) > 5
    untitled = [made.pk for made in published if not getattr(made, f"{field}_es").strip()]
    assert untitled == []
    unsummarized = [made.pk for made in published if made.summary.strip() and not made.summary_es.strip()]
    assert unsummarized == []


def test_every_entry_spells_each_name_one_way_in_its_title_summary_and_body():
    texts = {
        made.pk: "\n".join(getattr(made, name, "") or "" for name in ["title", "name", "summary", "body"])
        for model in PAGE_MODELS
        for made in model.objects.published()
    }
    assert len(texts) > 150
    for spelling, other in RECORD_SPELLINGS.items():
        for slug, text in texts.items():
            found = re.search(other, text)
            assert found is None, f"{slug}: {found.group()} for {spelling}"


# Words of the site's own making, not of its public: where its content was first drafted from.
WORKSHOP_WORDS = re.compile(r"\b(?:seed texts?|no seeds?|the seeds?|fixtures?)\b", re.IGNORECASE)


def test_no_text_readers_see_speaks_of_where_the_content_was_drafted():
    shown = [
        *(model.objects.published() for model in PAGE_MODELS),
        Appointment.objects.all(),
        Source.objects.all(),
    ]
    texts = {
        f"{type(row).__name__} {getattr(row, 'slug', row.pk)}.{field.name}": getattr(row, field.name)
        for rows in shown
        for row in rows
        for field in row._meta.concrete_fields
        if isinstance(field, (models.CharField, models.TextField)) and getattr(row, field.name)
    }
    assert len(texts) > 1000
    found = {
        place: WORKSHOP_WORDS.search(text).group()
        for place, text in texts.items()
        if WORKSHOP_WORDS.search(text)
    }
    assert found == {}


def test_the_site_spells_each_name_one_way_in_its_own_words():
    pages = [made for model in PAGE_MODELS for made in seed_entries(model)]
    texts = [own_text(made) for made in pages]
    texts += [own_text(a) for a in Appointment.objects.all() if from_seeds(a)]
    texts += list(Source.objects.filter(pk__in=SEEDS).values_list("description", flat=True))
    assert len(texts) > 60
    for spelling, other in SPELLINGS.items():
        for text in texts:
            found = re.search(other, text)
            assert found is None, (
                f"{found.group()} for {spelling}: …{text[max(0, found.start() - 60) : found.end() + 20]}…"
            )


def test_the_names_the_sites_words_use_are_there():
    text = "\n".join(own_text(made) for model in PAGE_MODELS for made in seed_entries(model))
    for name in ["Belaúnde", "Alan García", "Leguía", "Cusco", "Pérez Godoy"]:
        assert name in text


# How each date is known ---------------------------------------------------------------------------


@pytest.mark.parametrize(("model", "slug", "field", "stored"), DERIVED_DATES)
def test_a_date_no_source_states_is_stored_as_derived_and_its_basis_given(model, slug, field, stored):
    derived = entry(model, slug)
    assert getattr(derived, field).stored() == stored
    assert "Date:" in derived.editorial_note or "End:" in derived.editorial_note


def test_a_decade_is_a_decade_not_a_span_of_years():
    crisis = Event.objects.get(pk="debt-crisis-and-insurgency-1980s")
    assert crisis.date.stored() == "198"
    assert crisis.end_date is None


def test_every_derived_date_has_an_editorial_note():
    derived = 0
    for model in [*PAGE_MODELS, Appointment]:
        for made in model.objects.all():
            for model_field in made._meta.concrete_fields:
                value = getattr(made, model_field.name)
                if isinstance(value, PartialDate) and value.is_derived:
                    derived += 1
                    assert made.editorial_note, f"{made.pk}: {model_field.name}"
    assert derived >= len(DERIVED_DATES)


@pytest.mark.parametrize(("slug", "published_on", "stored", "licence"), SEED_SOURCES)
def test_each_seed_source_is_dated_from_its_text_and_says_what_is_stored(slug, published_on, stored, licence):
    source = Source.objects.get(pk=slug)
    assert source.published_on.stored() == published_on
    assert "Date:" in source.description
    assert bool(source.text) is stored
    assert licence in source.description


def test_only_the_mirror_is_interleaved():
    assert set(Source.objects.filter(text_interleaved=True).values_list("pk", flat=True)) == {
        "wikipedia-older-revision"
    }


# What a source gives as current is stated as current ------------------------------------------------


def test_a_seed_passage_that_speaks_of_the_present_is_cited_as_current():
    citations = Citation.objects.filter(source__in=SEEDS)
    speaking_now = [c for c in citations if CURRENT_WORDS.search(c.quotation)]
    assert len(speaking_now) > 30
    for citation in speaking_now:
        assert citation.current, f"{citation.object_id}: {citation.quotation}"


# Every shown fact supported --------------------------------------------------------------------------


def test_fields_no_source_states_are_empty():
    assert not Agreement.objects.get(pk="andean-trade-preference-act").parties.exists()
    atpdea = Agreement.objects.get(pk="andean-trade-promotion-and-drug-eradication-act")
    assert not atpdea.parties.exists()
    assert atpdea.agreement_status != Agreement.AgreementStatus.IN_FORCE
    assert Mission.objects.get(pk="peru-embassy-washington").predecessor is None
    for slug in ["us-pe-kenna-lisa-d", "us-pe-syptak-ramnath-stephanie", "pe-us-meza-cuadra-velasquez"]:
        appointment = Appointment.objects.get(pk=slug)
        assert {appointment.appointed, appointment.credentials_presented, appointment.ended} == {None}
        assert "Rank:" in appointment.editorial_note


def test_a_kind_no_source_states_is_left_empty_and_the_editorial_note_says_why():
    for slug in ["counternarcotics-agreement-1991", "child-protection-compact-partnership-2017", "rio-pact"]:
        agreement = Agreement.objects.get(pk=slug)
        assert agreement.kind == ""
        assert "left empty" in agreement.editorial_note


def test_a_rank_the_source_gives_as_ambassador_is_shown_as_ambassador():
    for slug in ["us-pe-kenna-lisa-d", "us-pe-syptak-ramnath-stephanie", "pe-us-meza-cuadra-velasquez"]:
        assert Appointment.objects.get(pk=slug).rank == Appointment.Rank.AMBASSADOR_AS_STATED


def test_what_is_not_an_agreement_between_the_countries_is_an_event():
    for slug in ["southcom-global-fishing-watch-agreement-2021", "cultural-patrimony-mou-renewal-2022"]:
        assert not Agreement.objects.filter(pk=slug).exists()
    assert Event.objects.filter(pk="southcom-global-fishing-watch-agreement-2021").exists()
    renewal = Event.objects.get(pk="cultural-patrimony-mou-renewed-2022")
    assert list(renewal.agreements.values_list("pk", flat=True)) == ["cultural-patrimony-mou-1997"]


# What the seeds state is in entries' own words ---------------------------------------------------------


@pytest.mark.parametrize(("text", "quoted"), SEED_FACTS)
def test_a_fact_the_seeds_state_is_in_an_entrys_own_text_and_cited(text, quoted):
    telling = [
        made
        for model in PAGE_MODELS
        for made in model.objects.published().prefetch_related("citations")
        if text.casefold() in own_text(made).casefold()
    ]
    assert telling, f"no entry says {text!r}"
    assert any(
        quoted.casefold() in normalized(c.quotation).casefold()
        for made in telling
        for c in made.citations.all()
        if c.source_id in SEEDS
    ), f"no entry that says {text!r} cites a seed passage with {quoted!r}"


@pytest.mark.parametrize(("slug", "date", "word", "envoy"), BREAKS)
def test_each_break_in_relations_is_an_event_linked_to_its_envoy(slug, date, word, envoy):
    event = Event.objects.get(pk=slug)
    assert event.is_published()
    assert event.date.stored() == date
    assert word in event.summary
    assert envoy in set(event.envoys.values_list("pk", flat=True))
    assert event.missions.exists()
    # One event per happening: no other event of the envoy on that day.
    assert list(Event.objects.filter(envoys=envoy, date=event.date).values_list("pk", flat=True)) == [slug]


def test_the_trade_promotion_agreement_dates_as_the_sources_give_them():
    ptpa = Agreement.objects.get(pk="us-peru-trade-promotion-agreement")
    assert ptpa.signed.stored() == "2006-04"
    assert ptpa.in_force.stored() == "2009"
    assert {(r.country_id, r.date.stored()) for r in ptpa.ratifications.all()} == {
        ("pe", "2006-06"),
        ("us", "2007-12"),
    }


def test_both_countries_envoys_and_missions():
    assert Envoy.objects.get(pk="osma-joaquin-jose-de").appointments.get().appointed.stored() == "1846-12"
    assert Mission.objects.filter(sending_country="pe", kind="consulate-general").count() == 15
    assert Mission.objects.get(pk="peru-embassy-washington").address
    assert Envoy.objects.get(pk="meza-cuadra-velasquez-gustavo").sending_country_id == "pe"
    kenna = Envoy.objects.get(pk="kenna-lisa-d")
    assert (kenna.birth_year, kenna.career_status, kenna.residence) == (1965, "career", "Vermont")
    [file] = [c for c in citations_of(kenna) if c.locator.endswith("people/k/kenna-lisa-d.xml, kenna-lisa-d")]
    assert file.quotation == (
        "Lisa D. Kenna; born 1965; Career Foreign Service Officer; state of residence: Vermont."
    )


# Pages of the whole content stay light -----------------------------------------------------------

# The most a page may weigh: its HTML, style sheets and scripts together, as served uncompressed.
PAGE_WEIGHT = 50_000


def heaviest_pages():
    """Every page that the content could make heavy: lists, periods, and the fullest entries."""
    from relations.timeline import Timeline

    pages = ["/", "/events/", "/envoys/", "/missions/", "/agreements/", "/sources/", "/about/data/"]
    pages += ["/search/?q=peru", "/search/?q=lima", "/on/"]
    pages += [f"/timeline/?period={period.first_year}" for period in Timeline().cut_periods()]
    busiest_years = Counter(event.date.year for event in Event.objects.published()).most_common(5)
    pages += [f"/on/{year}/" for year, _count in busiest_years]
    for model in [*PAGE_MODELS, Source]:
        entries = model.objects.all() if model is Source else model.objects.published()
        pages += [
            entry.get_absolute_url() for entry in entries.annotate(n=Count("citations")).order_by("-n")[:5]
        ]
    cited_most = Source.objects.annotate(n=Count("citations")).order_by("-n")[:5]
    return pages + [source.get_absolute_url() for source in cited_most]


def test_no_page_of_the_content_weighs_over_50_kb_with_its_styles_and_scripts(client):
    weights = {}
    for page in heaviest_pages():
        for address in [page, f"/es{page}"]:
            response = client.get(address)
            assert response.status_code == 200, address
            document = lxml.html.fromstring(response.content)
            linked = document.xpath('//link[@rel="stylesheet"]/@href | //script/@src')
            assert document.xpath('//link[@rel="stylesheet"]'), address
            files = [Path(finders.find(url.removeprefix(settings.STATIC_URL))) for url in linked]
            weights[address] = len(response.content) + sum(file.stat().st_size for file in files)
    heavy = {address: weight for address, weight in weights.items() if weight > PAGE_WEIGHT}
    assert not heavy, sorted(heavy.items())
