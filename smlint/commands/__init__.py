"""The commands beyond ``check``, one module each, registered in ``smlint/cli.py``."""
