"""Public data: UNODC GLOTIP, the SHERLOC case lists and the UN treaty status.

Read as their publishers export them (:mod:`.sources`).
"""
