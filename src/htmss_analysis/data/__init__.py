"""The input data: the contract, finding and validating files, accounting rows, the cache.

The tables are declared once (:mod:`.schema`); :mod:`.load` finds, validates and accounts
for every row; :mod:`.cache` keeps validated tables.
"""
