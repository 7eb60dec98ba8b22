"""Edit: the way back in, for maintainers who add to the data.

scaffold.py starts a new indicator: it appends the row and lists, through the same checks
the build runs, what is left to fill in.
"""
