"""
What a detail page says about itself: how to cite it (Chicago and BibTeX, with its address,
its last change and the day accessed), its permanent link, and its schema.org JSON-LD with
the sources it cites.

The JSON-LD is data, not script: a ``<script type="application/ld+json">`` element, which a
strict Content-Security-Policy lets through, written so that no value can end the element.
"""

import json
import re

from django.core.serializers.json import DjangoJSONEncoder
from django.urls import reverse
from django.utils import timezone
from django.utils.dates import MONTHS
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext, gettext_lazy
from reversion.models import Version

from .models import Agreement, Envoy, Event, Mission, Source

SITE_NAME = gettext_lazy("Peru–United States relations")

# What may not appear raw inside a <script> element: "</script>" and "<!--" would end or
# change it. JSON allows any character written as \\uXXXX, which parses back the same.
SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


def entry_name(entry):
    """The entry's title or name as the page shows it, in the page's language where the site has it."""
    for field in ("title", "name"):
        if getattr(entry, field, None):
            return entry.translated(field)[0] if hasattr(entry, "translated") else getattr(entry, field)
    return str(entry)


def site_of(request):
    """The site's address as the request reached it, "https://host", for the URLs it gives."""
    return f"{request.scheme}://{request.get_host()}"


# Versions


def latest_version_id(entry):
    """The id of the newest stored version of ``entry``, or None if none was recorded."""
    return Version.objects.get_for_object(entry).values_list("pk", flat=True).first()


def version_url(entry, version_id):
    return reverse(f"relations:{entry._meta.model_name}-version", args=[entry.pk, version_id])


# Citing the page


def chicago_date(moment):
    """A date as the Chicago style writes it: "March 3, 2025" (in Spanish "3 de marzo de 2025")."""
    # Translators: a date in a citation of the page, Chicago style: "March 3, 2025".
    return gettext("%(month)s %(day)s, %(year)s") % {
        "month": MONTHS[moment.month],
        "day": moment.day,
        "year": moment.year,
    }


def bibtex_text(value):
    """Text for a BibTeX field: the characters TeX treats specially, escaped."""
    value = re.sub(r"([&%$#_{}])", r"\\\1", str(value))
    return value.replace("~", r"\textasciitilde{}").replace("^", r"\textasciicircum{}")


def page_citation(entry, url, last_changed, accessed):
    """The citation of a page: {"chicago": html, "bibtex": text}."""
    title = entry_name(entry)
    chicago = format_html(
        # Translators: a citation of the page, Chicago style; {} are, in order, the entry's
        # title, the site's name, the dates it last changed and was read, and its address twice.
        gettext('“{}.” <cite>{}</cite>. Last modified {}. Accessed {}. <a href="{}" translate="no">{}</a>.'),
        title,
        SITE_NAME,
        chicago_date(last_changed),
        chicago_date(accessed),
        url,
        url,
    )
    key = f"prus-{entry._meta.model_name}-{entry.pk}"
    fields = [
        ("title", "{" + bibtex_text(title) + "}"),
        ("organization", bibtex_text(SITE_NAME)),
        ("howpublished", "\\url{" + url + "}"),
        ("url", url),
        ("year", str(last_changed.year)),
        ("month", MONTHS[last_changed.month][:3].lower()),
        ("note", f"Last modified {chicago_date(last_changed)}; accessed {chicago_date(accessed)}"),
        ("urldate", accessed.isoformat()),
    ]
    body = ",\n".join(
        f"  {name} = {{{value}}}" if name != "month" else f"  {name} = {value}" for name, value in fields
    )
    return {"chicago": chicago, "bibtex": f"@misc{{{key},\n{body}\n}}"}


# Structured data


def schema_date(date):
    """A partial date as schema.org takes it (ISO 8601 to its precision); None if derived or a decade."""
    if date is None or date.is_derived or date.decade:
        return None
    return date.isoformat()


SOURCE_TYPES = {
    Source.Kind.WEB_PAGE: "WebPage",
    Source.Kind.FACT_SHEET: "Report",
    Source.Kind.BOOK: "Book",
    Source.Kind.ARTICLE: "Article",
    Source.Kind.DATASET: "Dataset",
    Source.Kind.ENCYCLOPEDIA: "Article",
}


def source_data(source, site):
    data = {
        "@type": SOURCE_TYPES.get(source.kind, "CreativeWork"),
        "name": source.title,
        "url": source.url or site + source.get_absolute_url(),
        "datePublished": schema_date(source.published_on),
        "inLanguage": source.language,
    }
    if source.publisher:
        data["publisher"] = {"@type": "Organization", "name": source.publisher}
    return data


def cited_sources(entry, parts=()):
    """The sources that the citations of ``entry`` and of its ``parts`` cite, each once, in page order."""
    sources = {}
    for owner in [entry, *parts]:
        for citation in sorted(owner.citations.all(), key=lambda citation: citation.position):
            sources.setdefault(citation.source_id, citation.source)
    return list(sources.values())


def event_data(event, site):
    return {
        "@type": "Event",
        "name": event.title,
        "description": event.summary,
        "startDate": schema_date(event.date),
        "endDate": schema_date(event.end_date),
    }


def envoy_data(envoy, site):
    roles = []
    for appointment in envoy.appointments.all():
        if appointment.is_nominee_only:
            continue
        mission = appointment.mission
        roles.append(
            {
                "@type": "Role",
                "roleName": appointment.get_rank_display(),
                "startDate": schema_date(appointment.credentials_presented or appointment.appointed),
                "endDate": schema_date(appointment.ended),
                "worksFor": {
                    "@type": "GovernmentOrganization",
                    "name": mission.name,
                    "url": site + mission.get_absolute_url() if mission.is_published() else None,
                },
            }
        )
    return {
        "@type": "Person",
        "name": envoy.name,
        "birthDate": f"{envoy.birth_year:04d}" if envoy.birth_year else None,
        "deathDate": f"{envoy.death_year:04d}" if envoy.death_year else None,
        "nationality": {"@type": "Country", "name": envoy.sending_country.name},
        "sameAs": envoy.external_url or None,
        "worksFor": roles,
    }


def mission_data(mission, site):
    data = {
        "@type": "GovernmentOffice",
        "name": mission.name,
        "description": mission.summary,
        "foundingDate": schema_date(mission.opened),
        "dissolutionDate": schema_date(mission.closed),
        "address": {
            "@type": "PostalAddress",
            "streetAddress": mission.address or None,
            "addressLocality": mission.city or None,
            "addressCountry": mission.host_country.iso_code or mission.host_country.name,
        },
    }
    if mission.latitude is not None and mission.longitude is not None:
        data["geo"] = {
            "@type": "GeoCoordinates",
            "latitude": float(mission.latitude),
            "longitude": float(mission.longitude),
        }
    return data


LEGAL_FORCE = {
    Agreement.AgreementStatus.IN_FORCE: "https://schema.org/InForce",
    Agreement.AgreementStatus.TERMINATED: "https://schema.org/NotInForce",
    Agreement.AgreementStatus.SUPERSEDED: "https://schema.org/NotInForce",
    Agreement.AgreementStatus.EXPIRED: "https://schema.org/NotInForce",
}


def agreement_data(agreement, site):
    return {
        "@type": "Legislation",
        "name": agreement.title,
        "alternateName": agreement.short_name or None,
        "description": agreement.summary,
        "legislationType": agreement.get_kind_display(),
        "legislationDate": schema_date(agreement.signed),
        "legislationLegalForce": LEGAL_FORCE.get(agreement.agreement_status),
    }


ENTITY_DATA = {Event: event_data, Envoy: envoy_data, Mission: mission_data, Agreement: agreement_data}


def without_empty(value):
    """``value`` with the keys that have no value left out, all the way down."""
    if isinstance(value, dict):
        return {key: without_empty(item) for key, item in value.items() if item not in (None, "", [], {})}
    if isinstance(value, list):
        return [without_empty(item) for item in value]
    return value


def structured_data(entry, url, last_changed, site, parts=()):
    """The schema.org description of an entry's page: the page, the entry it is about, its sources."""
    entity = ENTITY_DATA[type(entry)](entry, site)
    entity["url"] = site + entry.get_absolute_url()
    return without_empty(
        {
            "@context": "https://schema.org",
            "@type": "WebPage",
            "name": entry_name(entry),
            "url": url,
            "dateModified": last_changed,
            "isPartOf": {"@type": "WebSite", "name": SITE_NAME, "url": site + reverse("relations:home")},
            "mainEntity": entity,
            "citation": [source_data(source, site) for source in cited_sources(entry, parts)],
        }
    )


def json_ld(data):
    """``data`` as a JSON-LD element, safe inside HTML whatever its text holds."""
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, indent=1).translate(SCRIPT_ESCAPES)
    # Safe: no "<", ">" or "&" is left in the text to end the element or start markup.
    return mark_safe(f'<script type="application/ld+json">{text}</script>')


def about_the_page(entry, request, parts=(), version=None):
    """
    What a detail page says about itself, for the version shown (``version``, or else the
    entry as it is now): its permanent link, its citation and its JSON-LD.
    """
    site = site_of(request)
    latest = latest_version_id(entry)
    shown = version.pk if version is not None else latest
    permalink = site + version_url(entry, shown) if shown else None
    last_changed = entry.last_changed
    cited_url = permalink or site + entry.get_absolute_url()
    return {
        "permalink": permalink,
        "shown_version": version,
        "newer_version": version is not None and latest is not None and latest != version.pk,
        "page_citation": page_citation(entry, cited_url, last_changed, timezone.localdate()),
        "structured_data": json_ld(structured_data(entry, cited_url, last_changed, site, parts)),
    }
