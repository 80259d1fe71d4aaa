"""Training our own statistical layer from the public corpora in ../shared/corpora.

``segmenter.main`` trains spacy-pkuseg (not shipped); ``ner.main`` trains the
spaCy entity model shipped under ``cnpolicy_extract/models``. Only these
modules import spaCy's training machinery.
"""
