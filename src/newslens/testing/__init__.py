"""Helpers for testing newslens plugins: pytest fixtures, hypothesis strategies, checks."""
