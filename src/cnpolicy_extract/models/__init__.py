"""Package data: the trained entity model (``ner_pd1998/``, a spaCy pipeline).

Built by ``cnpolicy-extract train --install``; see docs/model-card.md.
"""
