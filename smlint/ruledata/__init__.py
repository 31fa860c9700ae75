"""The rule data smlint judges by: channels and their reach, the growth model."""
