"""Python modules generated from ui/*.ui by resources/build.py; never edited by hand."""
