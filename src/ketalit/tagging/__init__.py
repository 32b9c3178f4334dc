"""Tagging: the vocabulary (``vocabulary``, from ``data/vocabulary.toml``), its patterns compiled for speed
(``patterns``) and the tagger that applies them to records, keeping a reason for every tag (``tagger``)."""
