"""Reading what people wrote: statements, time expressions, vague words, the SMART view."""
