"""Reading a file: the tree with positions (block reader, libyaml), the models and the validator."""
