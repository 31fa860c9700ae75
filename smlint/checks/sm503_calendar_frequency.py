"""SM503: the calendar's frequency for a channel disagrees with its cadence.

Per channel (SPEC section 7)::

    expected = posts x span_days / unit_days

with ``unit_days`` 1, 7 or 30.44 for day, week and month, and ``span_days``
the days from the channel's first to its last calendar entry, inclusive, and
at least ``unit_days``. Several cadence entries for one channel add up; every
status counts. Fires when the channel has fewer than half or more than double
``expected`` entries. No entries at all is SM504. Points at the channel.

Example: 3 posts a week, entries from 4 to 17 January (14 days): expected 6;
2 entries fire (fewer than 3), 3 to 12 pass, 13 fire.
"""

from __future__ import annotations

from ..ruledata.channeldata import DAYS

CODE = "SM503"


def expected_entries(cadence, span_days: int) -> float:
    return sum(e.posts * max(span_days, DAYS[e.per]) / DAYS[e.per] for e in cadence if e.posts and e.per)


def check(ctx):
    calendar = ctx.calendar_by_channel
    for cid, cadence in ctx.cadence_by_channel.items():
        if cid not in ctx.live_channels:
            continue  # paused or archived: kept for the record
        dates = sorted(e.date for e in calendar.get(cid, []) if e.date)
        if not dates:
            continue  # SM504
        span = (dates[-1] - dates[0]).days + 1
        expected = expected_entries(cadence, span)
        if not expected:
            continue
        count = len(dates)
        if count * 2 < expected:
            key = "too_few"
        elif count > expected * 2:
            key = "too_many"
        else:
            continue
        planned = " + ".join(ctx.how_often({"posts": e.posts, "per": e.per}) for e in cadence if e.posts and e.per)
        yield ctx.report(CODE, ctx.channels_by_id[cid], key, id=cid, count=count, first=dates[0], last=dates[-1],
                         days=span, cadence=planned, expected=round(expected, 1))
