"""Well-known online platforms, news media, news agencies, public agencies and charities of the curated lists
(kg/data/kb/curated.jsonl, the source/list-platforms, list-media-* and list-code-items records): a member named in an
invented article is linked; a namesake that is not the body (a short name another body bears, a local paper of the
same name, a letter) stays unlinked or goes to its own record."""

from __future__ import annotations

import datetime as dt

import pytest

from kg.extraction import extract
from kg.model import Actor, Extraction, Mention, Span
from kg.pipeline.ingest import from_text
from kg.pipeline.link import kb as kbmod
from kg.pipeline.link.linking import decide, link

WD = "http://www.wikidata.org/entity/"


@pytest.fixture(scope="module")
def kb():
    return kbmod.load()


def qids(text: str, date: str = "2023-05-02") -> dict[str, str]:
    """Label → Wikidata id of every linked actor of a built article."""
    article = from_text(text, article_id="t", date=dt.date.fromisoformat(date))
    x = link(extract(article), date=article.meta.date)
    return {a.label: a.links["wikidata"][len(WD):] for a in x.actors if "wikidata" in a.links}


def org(label: str, kind: str = "organization") -> Actor:
    return Actor("t/" + label.lower().replace(" ", "-"), label, kind,  # type: ignore[arg-type]
                 [Mention(Span(100, 100 + len(label), label), "name")])


def country(slug: str, label: str) -> Actor:
    return Actor("country/" + slug, label, "country")


def entity(kb, name: str, *countries: Actor, kind: str = "organization") -> str | None:  # noqa: ANN001
    """The record an organisation named ``name`` is linked to in an article about ``countries``."""
    actor = org(name, kind)
    x = Extraction([actor, *countries])
    return {d.key: d.entity for d in decide(x, kb, date=dt.date(2023, 5, 2))}[actor.key]


US = country("united-states", "United States")
UK = country("united-kingdom", "United Kingdom")


@pytest.mark.slow
def test_an_online_platform_is_linked():
    text = ("Video app fined over children's data\n\n"
            "DUBLIN (Reuters) - TikTok said on Friday it would appeal a fine of 345 million euros. YouTube said it had "
            "changed its own settings last year, and Reddit declined to comment.\n")
    found = qids(text)
    assert found.get("TikTok") == "Q48938223", found
    assert found.get("YouTube") == "Q866", found
    assert found.get("Reddit") == "Q1136", found


def test_the_letter_x_is_the_network_only_in_an_article_of_its_country(kb):
    assert entity(kb, "Twitter") == "org/x-social-network"
    assert entity(kb, "X", US) == "org/x-social-network"
    assert entity(kb, "X", country("france", "France")) is None  # a company or a brand called X elsewhere


@pytest.mark.slow
def test_a_national_newspaper_or_magazine_is_linked():
    text = ("Paris museum director steps down\n\n"
            "PARIS - The director of the Marlowe museum resigned on Monday, Le Monde reported. "
            "Der Spiegel said the German loan of three paintings would go ahead.\n")
    found = qids(text)
    assert found.get("Le Monde") == "Q12461", found
    assert found.get("Der Spiegel") == "Q131478", found


def test_a_british_paper_named_like_local_american_ones_needs_its_country(kb):
    # "The Times", "The Independent", "The Telegraph" are also the names of American local papers
    assert entity(kb, "The Times", UK) == "org/the-times"
    assert entity(kb, "The Times", US) is None
    assert entity(kb, "The Times") is None
    assert entity(kb, "Independent", country("ireland", "Ireland")) is None
    assert entity(kb, "The Telegraph", UK) == "org/the-daily-telegraph"
    assert entity(kb, "Daily Telegraph") == "org/the-daily-telegraph"


@pytest.mark.slow
def test_a_broadcaster_is_linked():
    text = ("Polish retailer sells stores\n\n"
            "WARSAW - The grocer Tandemart will sell its 300 Polish stores, Deutsche Welle reported on Tuesday. "
            "Russia's state broadcaster RT did not mention the sale.\n")
    found = qids(text)
    assert found.get("Deutsche Welle") == "Q153770", found
    assert found.get("RT") == "Q22868", found


def test_a_channel_name_other_countries_use_needs_the_broadcasters_country(kb):
    assert entity(kb, "Channel One", country("russia", "Russia")) == "org/channel-one-russia"
    assert entity(kb, "Channel One", country("israel", "Israel")) is None


@pytest.mark.slow
def test_a_news_agency_is_linked():
    text = ("Storm cuts power in Kherson\n\n"
            "KYIV - A storm cut power to 20,000 homes in the Kherson region, Ukrinform reported on Sunday, and the "
            "Spanish agency EFE said two ferries were cancelled.\n")
    found = qids(text)
    assert found.get("Ukrinform") == "Q987030", found
    assert found.get("EFE") == "Q1274521", found


def test_a_news_agencys_acronym_needs_its_country(kb):
    assert entity(kb, "IRNA", country("iran", "Iran")) == "org/islamic-republic-news-agency"
    assert entity(kb, "IRNA", country("canada", "Canada")) is None


@pytest.mark.slow
def test_a_public_agency_is_linked():
    text = ("Navy rescues crew off Cornwall\n\n"
            "LONDON - The Royal Navy rescued eleven sailors off the coast of Cornwall on Wednesday, the British "
            "defence ministry said.\n\n"
            "In Washington, the National Institutes of Health said it would fund a study of the crew's injuries.\n")
    found = qids(text)
    assert found.get("Royal Navy") == "Q172771", found
    assert found.get("National Institutes of Health") == "Q390551", found


def test_a_short_name_of_a_public_agency_needs_its_country(kb):
    assert entity(kb, "Fed", US, kind="government") == "org/federal-reserve-system"
    assert entity(kb, "Fed", country("canada", "Canada"), kind="government") is None


def test_a_charitys_acronym_in_another_country_is_that_countrys_body(kb):
    assert entity(kb, "Electronic Frontier Foundation") == "org/electronic-frontier-foundation"
    assert entity(kb, "EFF", US) == "org/electronic-frontier-foundation"
    # in South Africa EFF is the Economic Freedom Fighters, a party
    assert entity(kb, "EFF", country("south-africa", "South Africa")) != "org/electronic-frontier-foundation"


@pytest.mark.slow
def test_a_statistics_office_and_a_federal_agency_of_the_registry_are_linked():
    text = ("Canadian jobs data beat forecasts\n\n"
            "OTTAWA (Reuters) - Statistics Canada said on Friday that the economy added 40,000 jobs in April.\n\n"
            "In Washington, the Federal Emergency Management Agency said it would send teams to flooded towns "
            "in Iowa.\n")
    found = qids(text)
    assert found.get("Statistics Canada") == "Q1155740", found
    assert found.get("Federal Emergency Management Agency") == "Q503010", found


def test_an_agencys_acronym_another_body_bears_needs_the_agencys_country(kb):
    australia = country("australia", "Australia")
    assert entity(kb, "ABS", australia, kind="government") == "org/australian-bureau-of-statistics"
    assert entity(kb, "ABS", US, kind="government") != "org/australian-bureau-of-statistics"
    assert entity(kb, "DEA", US, kind="government") == "org/drug-enforcement-administration"
