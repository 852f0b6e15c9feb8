"""The desk window and everything Qt: the only package that imports PySide6."""
