"""entente: political event data and alliance analysis from news text."""

__version__ = "0.1.0"
