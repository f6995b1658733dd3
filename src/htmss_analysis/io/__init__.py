"""Reading and writing files, with no rules.

Decoding, bounded reading, Excel (:mod:`.excel`), SHA-256 and writes that never follow
a link (:mod:`.files`).
"""
