"""Package data: the trained entity model.

``ner_crf/crf.npz`` — the shipped linear-chain CRF (``model="default"``),
built by ``cnpolicy-extract train --install``. See docs/model-card.md.
"""
