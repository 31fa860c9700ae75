"""Commands in their own modules, one per command; each registers itself on ``smlint.cli.main``.

``smlint/cli.py`` imports them at its end. They import what is heavy
(Jinja2, icalendar) only when they run, so ``smlint check`` does not pay
for them.
"""
