"""Model: what the checked data says, as plain objects every page and download reads.

plan.py builds plans > strategies > goals > indicators with their observations, targets and
sources; areas.py holds the areas values are about (the site's own, peer groups) and ranks
among them; status.py judges an indicator against a target (UN ESCAP's anticipated
progress), trend.py says whether it is improving and how old its latest value is,
changes.py how much each value changed from the comparable one before, summary.py counts
for the overviews, and history.py reads from git what changed in the published numbers.
No words, no HTML.
"""
