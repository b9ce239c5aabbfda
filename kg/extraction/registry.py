"""The extraction steps, in the order they run: the one place where a step is registered.

Each step declares what it needs and what it adds (:mod:`kg.extraction.steps`); :func:`kg.extraction.steps.check`
runs when this module is imported, so a step registered before what it reads fails at once, naming the step and the
missing artefact. docs/extraction.md has the table of the steps (:func:`table` writes it).
"""

from __future__ import annotations

from kg.extraction import (
    actors,
    block_quotes,
    claims,
    confidence,
    coref,
    datelines,
    discourse,
    documents,
    event_coref,
    event_relations,
    event_times,
    events,
    first_person,
    genders,
    holdings,
    layouts,
    lead_time,
    pronouns,
    quotes,
    report_days,
    result,
    statements,
    teams,
    tense,
    time,
    unclaimed,
)
from kg.extraction.steps import Step, check

STEPS: tuple[Step, ...] = (
    quotes.QUOTES,
    actors.NAMES,
    teams.TEAMS,
    coref.COREF,
    genders.GENDERS,
    holdings.HOLDINGS,
    discourse.ROLES,
    coref.ROLE_MENTIONS,
    pronouns.PRONOUNS,
    documents.DOCUMENTS,
    statements.CUES,
    layouts.LAYOUTS,
    block_quotes.BLOCK_QUOTES,
    unclaimed.UNCLAIMED,
    statements.STATEMENTS,
    first_person.FIRST_PERSON,
    documents.REPORTED_IN,
    tense.TENSE,
    datelines.ARTICLE_DATE,
    time.TIMES,
    report_days.REPORT_DAYS,
    events.EVENTS,
    event_times.EVENT_TIMES,
    events.MODALITY,
    lead_time.LEAD_TIME,
    event_coref.EVENT_COREF,
    event_relations.EVENT_RELATIONS,
    event_relations.STATEMENT_EVENTS,
    result.EXTRACTION,
    claims.CLAIMS,
    confidence.CONFIDENCE,
    time.NOT_BEFORE,
)
check(STEPS)


def table(steps: tuple[Step, ...] = STEPS) -> str:
    """The steps as a Markdown table: order, name, module, needs, adds and what the step does."""
    rows = ["| # | step | module | needs | adds | what it does |", "|---:|---|---|---|---|---|"]
    for i, s in enumerate(steps, 1):
        module = s.run.__module__.removeprefix("kg.extraction.")
        rows.append(f"| {i} | {s.name} | `{module}` | {', '.join(s.needs)} | {', '.join(s.adds)} | {s.doc} |")
    return "\n".join(rows)
