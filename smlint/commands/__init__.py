"""smlint's commands, one module per command, registered in ``smlint/cli.py``."""
