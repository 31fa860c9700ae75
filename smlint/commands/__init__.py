"""smlint's commands, one module per command, and what they share (``base.py``).

``smlint/cli.py`` knows each command's module by name and imports it only
when that command runs; each command imports what is heavy (pygls, Jinja2,
icalendar, questionary) only when it runs, so ``smlint check`` pays for
none of it. Commands use the engine; the engine knows no command.
"""
