"""spaCy setup and conversion of its output to entente's plain types.

Only this package (and ``entente.coding``) imports spaCy.
"""

from entente.nlp.convert import doc_to_sentence, doc_to_sentences
from entente.nlp.model import load_model, model_name
from entente.nlp.parse import parse_articles, parse_text
from entente.nlp.segment import parse_selected, split_sentences

__all__ = [
    "doc_to_sentence",
    "doc_to_sentences",
    "load_model",
    "model_name",
    "parse_articles",
    "parse_selected",
    "parse_text",
    "split_sentences",
]
