"""reader: read Korean news beside its English translation, sentence by sentence."""

__version__ = "0.1.0"
