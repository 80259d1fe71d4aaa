"""Package data: the trained entity models.

``ner_crf/crf.npz`` — the shipped linear-chain CRF (``model="default"``),
built by ``cnpolicy-extract train --install``; ``ner_pd1998/`` — the earlier
spaCy tagger pipeline, kept for comparison. See docs/model-card.md.
"""
