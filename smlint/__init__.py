"""smlint: a linter for social media strategies written as YAML."""

__version__ = "0.1.0"
