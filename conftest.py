"""Shared test settings for the core, every plugin and the examples: hypothesis profiles.

CI sets ``HYPOTHESIS_PROFILE=ci``: bounded and derandomized, so that a run of CI on a
commit tests the same examples every time (main stays green or red for a reason in the
code); ``dev`` is the default and draws new examples every run, to keep finding bugs;
``thorough`` is for a long local run.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

settings.register_profile(
    "ci", max_examples=60, deadline=None, derandomize=True,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile("dev", max_examples=200, deadline=None)
settings.register_profile("thorough", max_examples=2000, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "dev"))
