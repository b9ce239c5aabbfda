"""Breaking news: an actual event the headline and the first paragraphs report without a time takes the day of the
lead's dated event (or of the lead's report, or the day that opens the lead), when that day is in the week before the
article's date. Runs after :mod:`kg.extraction.event_times` has given events the times their text names.
"""

from __future__ import annotations

import re

from kg import lexicon
from kg.extraction.event_times import _OPENING, _announced_death, _describes_a_party, _past_perfect
from kg.extraction.event_words import trace
from kg.extraction.relative_events import clause_verb as _clause_verb, relative_pp, shifted
from kg.extraction.steps import Step, Work
from kg.extraction.tense import just_happened_perfect, tense_at
from kg.extraction.time import bounds
from kg.model import Event, TimeExpression
from kg.pipeline.nlp import Parsed, ParsedBlock
from kg.vocab import event_class


class LeadTime:
    """The lead-time step of :class:`kg.extraction.events.EventFinder` (which holds ``coref``, ``times``,
    ``events`` and ``mentions``, and the helpers of :class:`kg.extraction.event_times.EventTimes`)."""

    def _lead_time(self) -> None:
        """Breaking news tells its story's events on the day the lead gives: an actual event that the headline
        and the first paragraphs report without a time of its own ("dozens killed", "a man injured in the fire")
        takes the day of the lead's dated event, when that day is in the week before the article's date."""
        anchor = self.parsed.article.meta.date
        paragraphs = lead_paragraphs(self.parsed)
        if anchor is None or not paragraphs:
            return
        top = {id(pb) for pb in self.parsed.blocks if pb.block.kind in ("headline", "standfirst")}
        top |= {id(pb) for pb in paragraphs}
        times = {t.key: t for t in self.times}
        lead = None
        first = paragraphs[0].block.span  # (dated in the lead itself, not by a later paragraph)
        for e in self.events:  # (an event's week is no lead day: "to be unveiled later this week")
            t = times.get(e.time or "")
            if t is None or not names_a_lead_day(t) or t.granularity == "week" and not t.value.endswith("-WE"):
                continue
            if any(m.pb is paragraphs[0] for m in self.mentions[e.key]) and in_lead_week(anchor, t.value) and \
                    first.begin <= t.span.begin < first.end and not self._background_day(e, t, paragraphs[0]):
                lead = t.key
                break
        reported = lead is None
        if reported:  # the day of the news the lead's report tells, else the report's own day
            lead = self._reported_news_day(paragraphs[0], anchor) or self._report_day(paragraphs[0], anchor)
            if lead is None:  # no report's day: the day that opens the lead, or that its main verb gives, is its
                lead, reported = self._opening_day(paragraphs[0], anchor) or self._main_day(paragraphs[0], anchor), \
                    False  # events' day
        if lead is None:
            return
        heads = self._event_heads()
        hit = self.parsed.token_at(times[lead].span.begin)
        day_verb = _clause_verb(hit[1]) if hit is not None else None  # the verb the lead's day dates
        for e in self.events:  # (a later "investigation into the shooting" does not put the lead's shooting off its day)
            if self._headline_year(e, times, lead):
                e.time = None  # "X wins majority in 2019 election" … "On Thursday, X netted 66 seats": the day
            if e.time is None and e.modality in ("actual", "alleged") and event_class(e.type) != "Situation" and \
                    not any(shifted(m.head) for m in self.mentions[e.key] if id(m.pb) in top) and \
                    id(self.mentions[e.key][0].pb) in top and \
                    not all(_describes_a_party(m, heads) for m in self.mentions[e.key]) and \
                    not any(_announced_death(e, m.head) for m in self.mentions[e.key]) and \
                    not all(trace(m.head) for m in self.mentions[e.key] if id(m.pb) in top) and \
                    not _told_before(self.mentions[e.key], paragraphs, day_verb) and \
                    (not reported or self._told_as_news(self.mentions[e.key])) and \
                    not all(m.pb.block.kind == "paragraph" and
                            tense_at(self.parsed, m.span.begin) in ("present", "timetabled", "future")
                            for m in self.mentions[e.key]):  # "is now heading towards": today, not the lead's day
                e.time = lead

    def _background_day(self, e: Event, t: TimeExpression, pb: ParsedBlock) -> bool:
        """Whether the lead dates an event only in its noun's own phrase ("to help families hit by Sunday's storm")
        while that sentence gives another day ("were handing out food on Friday …"): the day of the news is that one,
        and the noun's day is its background."""
        own = any(m.head.pos_ in ("NOUN", "PROPN") and m.pb.offset + m.head.left_edge.idx <= t.span.begin and
                  t.span.end <= m.span.begin for m in self.mentions[e.key])
        hit = self.parsed.token_at(t.span.begin)
        if not own or hit is None or hit[0] is not pb:
            return False
        sent = hit[1].sent
        return any(x.value != t.value and names_a_lead_day(x) and
                   pb.offset + sent.start_char <= x.span.begin < pb.offset + sent.end_char for x in self.times)

    def _headline_year(self, e: Event, times: dict, lead: str) -> bool:
        """Whether an event's time is a year its headline gives ("wins majority in 2019 election") in which the lead's
        day falls: the lead tells the day."""
        t = times.get(e.time or "")  # (a season or a tournament lasts the year: "the 2020 season")
        return t is not None and t.granularity == "year" and t.value == times[lead].value[:4] and \
            e.type not in ("competition", "war", "conflict") and \
            (hit := self.parsed.token_at(t.span.begin)) is not None and hit[0].block.kind == "headline"

    def _opening_day(self, pb: ParsedBlock, anchor) -> str | None:  # noqa: ANN001 - a date
        """The day that opens the lead ("On Thursday, the party netted 66 seats"), when it is of the article's week."""
        first = next(iter(pb.doc.sents), None)
        for t in self.times:
            if first is not None and pb.offset + first.start_char <= t.span.begin < pb.offset + first.end_char and \
                    names_a_lead_day(t) and in_lead_week(anchor, t.value) and _OPENING.fullmatch(
                        self.parsed.article.text[pb.offset + first.start_char : t.span.begin].strip(" ,")):
                return t.key
        return None

    def _main_day(self, pb: ParsedBlock, anchor) -> str | None:  # noqa: ANN001 - a date
        """The day the main clause of the lead's first sentence is told on, whatever its verb ("Nancy Smith yesterday
        resumed the office …" under "Smith elected Speaker"; "police fired and hit a protester yesterday" under
        "Police shoot protester"): a day of the article's week on the sentence's root verb (or a verb coordinated
        with it) told in the past, outside quotations and outside an after/before phrase."""
        first = next(iter(pb.doc.sents), None)
        if first is None:
            return None
        for t in self.times:
            if not (pb.offset + first.start_char <= t.span.begin < pb.offset + first.end_char) or \
                    not names_a_lead_day(t) or not in_lead_week(anchor, t.value) or self.coref.in_quote(t.span.begin):
                continue
            hit = self.parsed.token_at(t.span.begin)
            if hit is None or hit[0] is not pb:
                continue
            verb, tok = _clause_verb(hit[1]), hit[1]
            if tok.head.dep_ == "prep" and tok.head.lower_ not in ("on", "in", "at", "during", "over"):
                continue  # "missing since Friday", "open until Sunday": a bound, not the day of the deed
            if verb.dep_ == "ROOT" and verb.pos_ in ("VERB", "AUX") and relative_pp(hit[1]) is None and \
                    tense_at(self.parsed, t.span.begin) == "past":
                return t.key
        return None

    def _reported_news_day(self, pb: ParsedBlock, anchor) -> str | None:  # noqa: ANN001 - a date
        """The day the lead's first sentence gives what its report says ("Heavy rain caused flooding overnight,
        killing 14, officials said on Wednesday": the night before, not the Wednesday of the report): a day of the
        article's week on the past complement of a reporting verb, outside quotations and after/before phrases."""
        first = next(iter(pb.doc.sents), None)
        if first is None:
            return None
        verbs = lexicon.reporting_verbs()
        for t in self.times:
            if not (pb.offset + first.start_char <= t.span.begin < pb.offset + first.end_char) or \
                    not names_a_lead_day(t) or not in_lead_week(anchor, t.value) or self.coref.in_quote(t.span.begin):
                continue
            hit = self.parsed.token_at(t.span.begin)
            if hit is None or hit[0] is not pb or relative_pp(hit[1]) is not None:
                continue
            verb = _clause_verb(hit[1])
            if verb.dep_ == "ccomp" and _clause_verb(verb.head).lemma_ in verbs and verb.lemma_ not in verbs and \
                    tense_at(self.parsed, t.span.begin) == "past":
                return t.key
        return None

    def _report_day(self, pb: ParsedBlock, anchor) -> str | None:  # noqa: ANN001 - a date
        """The day of the lead's report ("Two people were killed in the floods, officials said on Sunday"): a day of
        the article's week dating a reporting verb of the first paragraph, outside quotations. The events the lead
        reports happened by then; breaking news reports them on the day."""
        verbs = lexicon.reporting_verbs()
        for t in self.times:
            if not (pb.block.span.begin <= t.span.begin < pb.block.span.end) or not names_a_day(t) or \
                    self.coref.in_quote(t.span.begin):
                continue
            hit = self.parsed.token_at(t.span.begin)
            if hit is None or _clause_verb(hit[1]).lemma_ not in verbs:
                continue
            if in_lead_week(anchor, t.value):
                return t.key
        return None

    def _told_as_news(self, mentions: list) -> bool:  # noqa: ANN001 - mentions of kg.extraction.events
        """An event the lead reports as done on the day: never in a quotation (a quoted "conversation" is the
        speaker's past, not the report's day), and told in the past tense or the perfect of news ("two people have
        died", not "has long been", "has twice …": a perfect that reaches back), not the past perfect ("On Saturday, officials admitted the army had shot down the
        jet": before the admission) nor the present ("remains under investigation") — but a headline's present is
        headlinese for the news ("Toddler finds cash in park")."""
        if any(self.coref.in_quote(m.span.begin) for m in mentions):
            return False
        return any(tense_at(self.parsed, m.span.begin) == "past" and not _past_perfect(m.head) or
                   m.pb.block.kind == "paragraph" and just_happened_perfect(self.parsed, m.span.begin) or
                   self._setting_told_past(m) or m.pb.block.kind == "headline" and m.head.tag_ == "VBZ"
                   for m in mentions)

    def _setting_told_past(self, m) -> bool:  # noqa: ANN001 - a mention of kg.extraction.events
        """ "X was speaking at the launch of …", "said during a rally": the occasion a past verb happened at."""
        verb = m.head if m.head.pos_ == "VERB" else m.head.head.head  # (or "X was speaking at …" itself)
        if m.head.pos_ != "VERB" and (m.head.dep_ != "pobj" or m.head.head.lower_ not in ("at", "during") or
                                      verb.pos_ not in ("VERB", "AUX")):
            return False
        return any(c.dep_ == "aux" and c.lemma_ == "be" and c.tag_ == "VBD" for c in verb.children) or \
            tense_at(self.parsed, m.pb.offset + verb.idx) == "past"  # ("was speaking": a past progressive)


def _told_before(mentions: list, lead: list[ParsedBlock], day_verb) -> bool:  # noqa: ANN001 - mentions, a token
    """Whether the lead tells an event first in the past perfect in what the verb its day dates says ("On Saturday,
    officials acknowledged that the army had shot down the jet"): it happened before that day, on a day the lead
    does not give. (A past perfect elsewhere is often the same day told backwards: "wept on hearing her son had
    been convicted".)"""
    first = next((m for m in mentions if any(m.pb is pb for pb in lead)), None)
    if first is None or day_verb is None or first.head.doc is not day_verb.doc or not _past_perfect(first.head):
        return False
    verb = _clause_verb(first.head)
    return verb.dep_ == "ccomp" and _clause_verb(verb.head).i == day_verb.i


def lead_paragraphs(parsed: Parsed) -> list[ParsedBlock]:
    """The lead: the first two paragraphs of the article."""
    return [pb for pb in parsed.blocks if pb.block.kind == "paragraph"][:2]


def names_a_day(t: TimeExpression) -> bool:
    """Whether a time names one calendar day (a value of the form 2024-05-17)."""
    return t.granularity == "day" and bool(t.value) and len(t.value) == 10


def names_a_lead_day(t: TimeExpression) -> bool:
    """Whether a time can be the day of a lead's news: one calendar day, or a weekend ("at the weekend",
    2024-W10-WE) or a week ("earlier this week", 2024-W10), which is as close as the news gives it."""
    return names_a_day(t) or bool(t.value) and re.fullmatch(r"\d{4}-W\d\d(?:-WE)?", t.value) is not None


def in_lead_week(anchor, value: str) -> bool:  # noqa: ANN001 - a date
    """Whether a day is in the week before the article's date ``anchor``: a day the lead can report as news."""
    return 0 <= (anchor - bounds(value)[0]).days <= 7  # type: ignore[index]


def _lead_time(work: Work) -> None:
    work.event_finder._lead_time()
    work.put(lead_time=True)


LEAD_TIME = Step("lead time", ("event_finder", "modality"), ("lead_time",), _lead_time,
                 "an actual event the headline and lead report without a time takes the day of the lead's dated event")
