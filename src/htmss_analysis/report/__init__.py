"""The report layer: metrics turned into display objects (tables, charts, cards).

``sections`` holds one function per report section; ``html`` the escaping,
tables, cards and the styles each display object carries; ``charts`` the
seaborn charts embedded as PNG.
"""
