"""What a session table needs to decide about its columns."""

from __future__ import annotations

from collections.abc import Iterable

from django import template

register = template.Library()


@register.filter
def resources_heading(sessions: Iterable) -> str:
    """The last column's heading, or "" when no row would fill it (a past cycle with no replay
    and no slides gets no column of « Pas de replay en ligne »)."""
    registration = replay = False
    for session in sessions:
        if not session.past:
            registration = True
        elif session.replay_url or session.slides_id:
            replay = True
    if registration and replay:
        return "Inscription ou replay"
    return "Inscription" if registration else "Replay et supports" if replay else ""
