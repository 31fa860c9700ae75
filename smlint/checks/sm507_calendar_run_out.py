"""SM507: the calendar has run out: no entry in the next 14 days for a channel with a cadence.

A rolling calendar planned a few weeks ahead is good practice; an empty
next fortnight on a channel that promises posts is a calendar that has run
out. Judged only while ``--today`` lies inside the period, for live
channels with a cadence that have calendar entries (none at all is SM504).
The window is 14 days from today, longer when the cadence is sparser (1 a
month: 31 days), and is not judged when less of the period remains than
one cadence interval. Points at the channel.
Fails: 3 posts a week, last entry 10 January, checked on 1 March. Passes:
an entry within 14 days of today.
"""

from __future__ import annotations

import datetime as dt
import math

from ..ruledata.channeldata import DAYS

CODE = "SM507"
OPTIONS = {"days": 14}


def check(ctx):
    period = ctx.valid_period
    today = ctx.today
    if period is None or not period.start <= today <= period.end:
        return
    window = int(ctx.option(CODE, "days"))
    calendar = ctx.calendar_by_channel
    for cid, cadence in ctx.cadence_by_channel.items():
        entries = [e for e in calendar.get(cid, []) if e.date]
        if cid not in ctx.live_channels or not entries:
            continue  # paused or archived; SM504
        posts_per_day = sum(e.posts / DAYS[e.per] for e in cadence if e.posts and e.per)
        if posts_per_day <= 0:
            continue
        interval = math.ceil(1 / posts_per_day)  # days between two posts
        days = max(window, interval)
        remaining = (period.end - today).days + 1
        if remaining < interval:
            continue
        until = min(today + dt.timedelta(days=days - 1), period.end)
        if any(today <= e.date <= until for e in entries):
            continue
        last = max(e.date for e in entries)
        key = "run_out" if last < today else "gap"
        upcoming = min((e.date for e in entries if e.date > until), default=None)
        yield ctx.report(CODE, ctx.channels_by_id[cid], key, id=cid, today=today, until=until, days=days,
                         last=last, next=upcoming or last)
