"""Technique detection: the span tagger, its training, calibration and windowing."""
