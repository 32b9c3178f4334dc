"""ketalit: a literature-review reference manager for ketamine and pain."""

__version__ = "0.1.0"
