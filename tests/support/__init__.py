"""Test helpers: building and serving the book, driving Chromium and JupyterLab."""
