"""
The site's content as the fixtures hold it: cited, honest about disagreement and about how
each date is known, and telling what the seed texts tell.

The Office of the Historian's import creates its entries from its records and cites the
record first; its content is tested with the import. The entries made from the five seed
texts cite a seed text first, and every citation of a seed text is theirs to get right,
wherever it is attached: those are what the tests below hold to the sources.
"""

import re
from pathlib import Path

import pytest
from django.apps import apps
from django.core.management import call_command
from django.db import connection

from relations.citation_check import FOUND, check_all, check_citation, quotation_status
from relations.citations import Notes, agreeing_groups, claim_field
from relations.models import Agreement, Appointment, Citation, Entry, Envoy, Event, Mission, Source
from relations.partial_dates import PartialDate, PartialDateField
from relations.quotations import is_quoted_from, normalized

SEEDS = {
    "wikipedia-older-revision": "000_cd2d64bb383f90df.txt",
    "globalsecurity-relations": "001_889384d4888ffc95.txt",
    "wikipedia-2024-revision": "002_dbad62b18eba93af.txt",
    "embassy-of-peru-history": "003_162e111c76040d30.txt",
    "state-department-fact-sheet-2022": "004_da5f36e30dcae904.txt",
}
SEED_TEXTS = Path(__file__).resolve().parents[2] / "shared" / "seeds"


@pytest.fixture(scope="module")
def content(django_db_setup, django_db_blocker):
    """The whole fixture content, loaded once for this module and removed afterwards."""
    with django_db_blocker.unblock():
        call_command("load_initial_data", verbosity=0)
        yield
        call_command("flush", interactive=False, verbosity=0)


pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("content")]

ENTRY_MODELS = [m for m in apps.get_app_config("relations").get_models() if issubclass(m, Entry)]
PAGE_MODELS = [Event, Envoy, Mission, Agreement]


def citations_of(owner):
    return sorted(owner.citations.all(), key=lambda citation: citation.position)


def parts_of(entry):
    """The parts whose citations an entry's page shows with its own: an envoy's appointments."""
    return list(entry.appointments.all()) if isinstance(entry, Envoy) else []


def from_seeds(entry):
    """True if the entry was made from the seed texts: it cites one of them first."""
    citations = citations_of(entry)
    return bool(citations) and citations[0].source_id in SEEDS


def seed_entries(model):
    return [entry for entry in model.objects.published().prefetch_related("citations") if from_seeds(entry)]


def own_text(entry):
    """The site's own words on an entry: everything but its quotations."""
    names = ["title", "name", "summary", "body", "biography", "editorial_note"]
    return "\n".join(getattr(entry, name, "") or "" for name in names)


def entry(model_name, slug):
    return apps.get_model("relations", model_name).objects.get(pk=slug)


def groups(owner, claim):
    """The groups of values the citations give for ``claim`` that can all be true together."""
    given = [(c.value, c) for c in owner.citations.all() if c.claim == claim and c.value]
    return agreeing_groups(claim_field(owner, claim), given)


def seed_values(owner, claim):
    return {c.value for c in owner.citations.all() if c.claim == claim and c.value and c.source_id in SEEDS}


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


def test_the_site_check_passes_on_every_seed_citation_and_seed_entry():
    seed_titles = {source.title for source in Source.objects.filter(pk__in=SEEDS)}
    seed_made = {
        f"{model._meta.verbose_name} “{made.pk}”"
        for model in [*PAGE_MODELS, Appointment]
        for made in _seed_made(model)
    }
    failures = [
        str(failure)
        for failure in check_all()
        if failure.entry in seed_made or any(f"({title}," in failure.message for title in seed_titles)
    ]
    assert failures == []


def _seed_made(model):
    if model is Appointment:
        return [a for a in Appointment.objects.prefetch_related("citations") if from_seeds(a)]
    return seed_entries(model)


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


def test_every_value_a_seed_citation_gives_is_stated_by_its_quotation():
    for citation in Citation.objects.filter(source__in=SEEDS).exclude(value="").select_related("source"):
        citation.entry = citation.content_type.get_object_for_this_type(pk=citation.object_id)
        assert check_citation(citation) == [], citation


# Only real disagreements, and every real one -----------------------------------------------------

# Claims where a seed text gives its value and the Office of the Historian's record, the other
# side, is the import's to cite: until it is, the seed's value stands alone.
AWAITING_THE_OFFICE = {
    ("event", "visit-us-1961-09-19-prado", "summary"),
    ("event", "lima-legation-raised-to-embassy", "summary"),
}


def test_a_value_a_seed_gives_is_there_to_show_a_difference():
    """No claim carries seed values that all agree with each other: 2002 and 23 March 2002 are one."""
    claims = Citation.objects.filter(source__in=SEEDS).exclude(value="")
    for content_type, object_id, claim in claims.values_list(
        "content_type__model", "object_id", "claim"
    ).distinct():
        if (content_type, object_id, claim) in AWAITING_THE_OFFICE:
            continue
        owner = entry(content_type, object_id)
        assert len(groups(owner, claim)) > 1, f"{content_type} {object_id}: the values for {claim} all agree"


@pytest.mark.parametrize(("model", "slug", "claim"), sorted(AWAITING_THE_OFFICE))
def test_a_claim_awaiting_the_office_side_has_the_seed_side_and_an_editorial_note(model, slug, claim):
    owner = entry(model, slug)
    assert len(seed_values(owner, claim)) == 1
    assert owner.editorial_note


@pytest.mark.parametrize(
    ("model", "slug", "claim"),
    [
        ("event", "visit-2002-bush-lima", "date"),
        ("event", "car-bomb-in-lima-before-bush-visit", "date"),
        ("event", "us-recognizes-peru-independence", "date"),
        ("event", "visit-us-2013-06-10-ollanta-humala", "date"),
        ("event", "visit-2024-biden-lima", "date"),
        ("event", "cusco-consulate-assists-american-backpackers", "date"),
        ("event", "lima-legation-raised-to-embassy", "date"),
        ("mission", "us-embassy-lima", "opened"),
        ("agreement", "us-peru-trade-promotion-agreement", "in_force"),
        ("agreement", "us-peru-trade-promotion-agreement", "ratifications"),
        ("appointment", "pe-1838-pick-01", "credentials_presented"),
    ],
)
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


def _differs(model, slug, claim, *seed_side):
    """A DISAGREEMENTS.md case shown as Sources differ on ``claim``, with the seed values given."""

    def check():
        owner = entry(model, slug)
        page = owner.envoy if isinstance(owner, Appointment) else owner
        assert Notes(page, parts_of(page)).difference(owner, claim) is not None, f"{slug}: {claim}"
        assert set(seed_side) <= seed_values(owner, claim)
        assert owner.editorial_note

    return check


def _explained(model, slug, *words):
    """A DISAGREEMENTS.md case explained in the editorial note of the entry nearest to it."""

    def check():
        note = entry(model, slug).editorial_note
        for word in words:
            assert word in note, f"{slug}: {word!r} not in its editorial note"

    return check


def _successive(*slugs):
    def check():
        for slug in slugs:
            appointment = Appointment.objects.get(pk=slug)
            assert all(c.current and not c.value for c in appointment.citations.all())
            assert appointment.editorial_note
        _explained("envoy", "kenna-lisa-d", "Syptak-Ramnath", "Key Officers List")()

    return check


def _all(*checks):
    def check():
        for each in checks:
            each()

    return check


# One row per case of ../shared/data/hsg/DISAGREEMENTS.md that concerns the seed texts (the
# cases within the Office's own data, 22-25 and 27-29, are the import's).
DISAGREEMENTS = {
    1: _differs("event", "diplomatic-relations-established", "date", "1826-05-02", "1826", "1827"),
    2: _successive("us-pe-kenna-lisa-d", "us-pe-syptak-ramnath-stephanie"),
    3: _differs(
        "event",
        "us-presence-in-peru-before-ptpa-approval",
        "summary",
        "About 200,000 U.S. citizens visit Peru annually",
        "Approximately 500,000 U.S. citizens visit Peru annually",
    ),
    4: _all(
        _explained("event", "two-way-goods-trade-2009-2021", "$9 billion", "$9.1 billion"),
        _explained("event", "two-way-trade-nearly-doubles-2009-2014", "different measures"),
    ),
    5: _all(
        _differs("agreement", "us-peru-trade-promotion-agreement", "summary"),
        _explained("agreement", "us-peru-trade-promotion-agreement", "January 2009", "December 2007"),
    ),
    6: _differs("event", "us-reaction-to-1962-coup", "summary", "broke off diplomatic relations with Peru"),
    7: _all(
        _differs("event", "visit-us-1984-09-25-fernando-belaunde-terry", "date", "1983"),
        _explained("event", "peru-ignored-under-reagan", "1983", "September 1984"),
    ),
    8: _differs("event", "relations-normalized-under-belaunde-1963", "summary"),
    9: _all(
        _differs("appointment", "pe-1836-thor-01", "appointed"),
        _differs("appointment", "pe-1838-pick-01", "appointed"),
    ),
    10: _differs("event", "war-of-the-pacific", "end_date", "1884"),
    11: _explained("event", "lima-legation-raised-to-embassy", "Congress"),
    12: _explained(
        "appointment", "us-pe-kenna-lisa-d", "Ambassador Extraordinary and Minister Plenipotentiary"
    ),
    13: _differs("mission", "us-consular-agency-cusco", "kind", "consulate", "consular-agency"),
    14: _explained("event", "cusco-consulate-assists-american-backpackers", "2012", "no year"),
    15: _all(
        *(
            _explained("mission", f"peru-consulate-general-{city}", "fact sheet")
            for city in ["paterson", "phoenix", "salt-lake-city", "washington"]
        ),
        _explained("mission", "peru-consulate-general-new-york", "twice"),
    ),
    16: _explained("event", "relations-normalized-under-belaunde-1963", "Johnson"),
    17: _explained("event", "visit-us-1961-09-19-prado", "official", "state visit"),
    18: _explained("event", "peru-ignored-under-reagan", "felt ignored"),
    19: _explained("event", "toledo-inaugurated", "García", "Humala"),
    20: _all(
        _differs("agreement", "andean-trade-preference-act", "ended", "2002", "2008-12-31"),
        _explained("agreement", "andean-trade-preference-act", "Venezuela"),
    ),
    21: _explained("event", "peruvian-opinion-of-the-us-2017", "Gallup", "Pew"),
    26: _explained("event", "us-reaction-to-1962-coup", "never severed", "interrupt"),
    30: _explained("envoy", "kenna-lisa-d", "Urs"),
}


@pytest.mark.parametrize("case", sorted(DISAGREEMENTS))
def test_each_disagreement_is_shown_or_explained(case):
    DISAGREEMENTS[case]()


# One passage once; titles and names -------------------------------------------------------------


def repeats(citation, other):
    """
    True if ``citation`` quotes words ``other`` already quotes on the page: the same words
    from any source (a copy of the country guide beside the guide), or part of the same
    passage again. One revision's sentence that another revision extends ("In 2012, ...")
    is the evidence of what the older one lacks, not a repetition.
    """
    words, others = normalized(citation.quotation).casefold(), normalized(other.quotation).casefold()
    if words == others:
        return True
    return words in others and (other.source_id == citation.source_id or other.source_id not in SEEDS)


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
def test_no_entry_from_the_seeds_shares_its_title_with_another_of_its_type(model, field):
    titles = list(model.objects.published().values_list(field, flat=True))
    for made in seed_entries(model):
        assert titles.count(getattr(made, field)) == 1, getattr(made, field)


# Spellings the site uses, and the sources' other spellings, which only their quotations keep.
SPELLINGS = {
    "Belaúnde": r"Belaunde",
    "García (Alan)": r"\bGarcia\b",
    "Benavides": r"Benvenidez",
    "Pérez de Cuéllar": r"P[eé]rez de Cu[eé]llar(?<!Pérez de Cuéllar)",
    "Leguía": r"\bLegu[ií]?a\b(?<!Leguía)",
    "Cusco": r"Cuzco",
    "Humala's": r"Humalas",
    "Mantaro": r"Montaro",
    "Database": r"Databse",
}


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

DERIVED_DATES = [
    ("event", "us-presence-in-peru-before-ptpa-approval", "date", "2007-12<"),
    ("event", "educational-exchange-figures-2022", "date", "2022<"),
    ("event", "us-covid-19-assistance-to-peru", "date", "2022<"),
    ("event", "shared-international-memberships", "date", "2022<"),
    ("event", "revolutionary-government-of-the-armed-forces", "end_date", "1975~"),
    ("event", "us-airport-at-talara-world-war-ii", "date", "194~"),
    ("event", "peru-ignored-under-reagan", "date", "198~"),
    ("event", "peru-cuts-ties-with-libya", "date", "2011~"),
    ("event", "la-brea-y-parinas-controversy", "date", "1963>"),
]


@pytest.mark.parametrize(("model", "slug", "field", "stored"), DERIVED_DATES)
def test_a_date_no_source_states_is_stored_as_derived_and_its_basis_given(model, slug, field, stored):
    derived = entry(model, slug)
    assert getattr(derived, field).stored() == stored
    assert "Date:" in derived.editorial_note or "End:" in derived.editorial_note


def test_a_decade_is_a_decade_not_a_span_of_years():
    crisis = Event.objects.get(pk="debt-crisis-and-insurgency-1980s")
    assert crisis.date.stored() == "198"
    assert crisis.end_date is None


def test_every_derived_date_of_an_entry_from_the_seeds_has_an_editorial_note():
    for model in PAGE_MODELS:
        for made in seed_entries(model):
            for model_field in made._meta.concrete_fields:
                value = getattr(made, model_field.name)
                if isinstance(value, PartialDate) and value.is_derived:
                    assert made.editorial_note, f"{made.pk}: {model_field.name}"


def test_the_1962_coup_is_dated_to_the_day_the_office_gives():
    coup = Event.objects.get(pk="us-reaction-to-1962-coup")
    assert coup.date.stored() == "1962-07-18"


@pytest.mark.parametrize(
    ("slug", "published_on", "stored", "licence"),
    [
        ("wikipedia-older-revision", "2022~", True, "CC BY-SA"),
        ("wikipedia-2024-revision", "2024-11>", True, "CC BY-SA"),
        ("state-department-fact-sheet-2022", "2022-06>", True, "public domain"),
        ("globalsecurity-relations", "2015~", False, "No copy of its text is stored"),
        ("embassy-of-peru-history", "2002>", False, "No copy of its text is stored"),
    ],
)
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

CURRENT_WORDS = re.compile(
    r"\bcurrent(ly)?\b|\bannually\b|\bremains?\b|\bcontinues? to\b|\bTo date\b|number one trade partner|"
    r"^(Envoytitle|Mission)\d:|\(Consular Agency\)|\(Consulate-General\)|\(Embassy\)|\bmaintains\b",
    re.IGNORECASE,
)


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

# (words of an entry's own text, words of one of that entry's quotations)
SEED_FACTS = [
    ("first country to cut ties with Libya", "first country to cut ties with Libya"),
    ("no-fly zone", "no-fly zone"),
    ("Peru felt ignored", "Peru felt ignored"),
    ("only thirty minutes", "only thirty minutes"),
    ("Henry Meiggs", "Henry Meiggs"),
    ("William Grace", "William Grace"),
    ("Cerro de Pasco", "Cerro de Pasco"),
    ("International Petroleum Company", "International Petroleum Company"),
    ("La Brea y Pariñas", "La Brea and Pariñas"),
    ("IPC expropriation dispute", "IPC Expropriation Dispute"),
    ("airport at Talara", "airport in Talara"),
    (
        "United Nations, the Organization of American States, Asia-Pacific Economic Cooperation",
        "Organization of American States",
    ),
    ("APEC summit held in Lima", "APEC Summit held in Lima"),
    ("step backwards for the Alliance for Progress", "step backwards for the Alliance for Progress"),
    ("With the growth of U.S. economic influence", "increase of the U.S. economic influence"),
    ("transnational criminal organizations", "transnational criminal organizations"),
    ("About 200,000 U.S. citizens", "About 200,000 U.S. citizens visit Peru annually"),
    ("Trans-Pacific Partnership", "Trans-Pacific Partnership"),
]


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


# The breaks in relations, each an event on the day the Office's register gives.
BREAKS = [
    ("peru-requests-recall-of-us-charge-1846", "1846-04-11", "recall", "jewett-albert-gallatin"),
    ("us-suspends-relations-with-peru-1860", "1860-10-19", "suspended", "clay-john-randolph"),
    ("normal-relations-interrupted-1865", "1865-11-26", "interrupted", "robinson-christopher"),
    ("normal-relations-interrupted-1881", "1881-09-28", "interrupted", "hurlbut-stephen-augustus"),
    ("us-reaction-to-1962-coup", "1962-07-18", "interrupted", "loeb-james-isaac"),
    ("relations-normalized-under-belaunde-1963", "1963", "resumed", "jones-john-wesley"),
]


@pytest.mark.parametrize(("slug", "date", "word", "envoy"), BREAKS)
def test_each_break_in_relations_is_an_event_linked_to_its_envoy(slug, date, word, envoy):
    event = Event.objects.get(pk=slug)
    assert event.is_published()
    assert event.date.stored() == date
    assert word in event.summary
    assert envoy in set(event.envoys.values_list("pk", flat=True))
    assert event.missions.exists()


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
    assert (kenna.birth_year, kenna.residence) == (1965, "Vermont")
